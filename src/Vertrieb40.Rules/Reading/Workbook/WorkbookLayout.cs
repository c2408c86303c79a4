using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Vertrieb40.Rules.Reading.Workbook;

/// <summary>The kind of value a workbook column holds.</summary>
internal enum ColumnKind { Text, Number, Boolean, List }

/// <summary>One column of a collection's sheet: a property (or <c>attendees.unitIds</c> for a property of a nested object).</summary>
internal sealed record WorkbookColumn(string Path, ColumnKind Kind, IReadOnlyList<string>? Choices, bool Required)
{
    /// <summary>The header in a culture: English is the property path; German puts a German word before it (<c>Zweck (purpose)</c>).</summary>
    public string Header(bool german) => german && WorkbookLayout.GermanWords.TryGetValue(Path.Split('.')[^1], out var word) ? $"{word} ({Path})" : Path;
}

/// <summary>
/// One sheet: a collection of the organisation schema, or a list of objects inside one (<see cref="ListProperty"/>:
/// the approval steps of the policies, one row per step, keyed by <see cref="WorkbookLayout.ParentKey"/> in the first column).
/// </summary>
internal sealed record WorkbookSheet(string Collection, string English, string German, IReadOnlyList<WorkbookColumn> Columns,
    string? ParentCollection = null, string? ListProperty = null)
{
    public string Name(bool german) => german ? German : English;

    /// <summary>True for a sheet of list items (steps, thresholds) whose rows belong to a row of the parent sheet.</summary>
    public bool IsList => ParentCollection != null;
}

/// <summary>
/// The practice workbook's layout, derived from the organisation schema (so it cannot drift from it): one sheet per
/// collection, one column per property — scalar properties, lists of ids (one cell, separated by <c>;</c>), and the
/// properties of nested objects such as <c>attendees.unitIds</c> or <c>autonomy.how</c>. Approval thresholds and steps
/// (lists of objects) have sheets of their own, one row per item keyed by the policy's id; exceptions (which nest)
/// are written in JSON or YAML.
/// </summary>
internal static class WorkbookLayout
{
    private static readonly (string Collection, string English, string German)[] SheetNames =
    {
        ("units", "Units", "Einheiten"), ("people", "People", "Personen"), ("roles", "Roles", "Rollen"), ("offerings", "Offerings", "Angebote"),
        ("incentivePlans", "IncentivePlans", "Verguetung"), ("targets", "Targets", "Ziele"), ("forecasts", "Forecasts", "Prognosen"),
        ("meetings", "Meetings", "Meetings"), ("approvalPolicies", "ApprovalPolicies", "Freigaben"), ("handoffs", "Handoffs", "Uebergaben"),
        ("channels", "Channels", "Kanaele"), ("toolRollouts", "ToolRollouts", "Werkzeuge"), ("processes", "Processes", "Prozesse"),
        ("recognitionPrograms", "Recognition", "Anerkennung"), ("cultureStatements", "Culture", "Kultur"), ("decisionRights", "DecisionRights", "Entscheidungen"),
    };

    // Lists of objects with a sheet of their own: a consultant writes one row per step or threshold and names the
    // policy in the first column (a cell syntax such as "1000:head of sales; 5000:CEO" would hide errors in one cell).
    // Exceptions nest in exceptions: they stay in JSON or YAML.
    private static readonly (string Parent, string Property, string English, string German)[] ListSheetNames =
    {
        ("approvalPolicies", "thresholds", "ApprovalThresholds", "Freigabeschwellen"),
        ("approvalPolicies", "steps", "ApprovalSteps", "Freigabeschritte"),
    };

    /// <summary>The first column of a list sheet: the id of the row it belongs to.</summary>
    public const string ParentKey = "policyId";

    /// <summary>German words for the common property names (the header keeps the property in parentheses, so both read the same).</summary>
    internal static readonly IReadOnlyDictionary<string, string> GermanWords = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["id"] = "Kennung", ["name"] = "Name", ["description"] = "Beschreibung", ["notes"] = "Notizen", ["kind"] = "Art", ["function"] = "Funktion",
        ["parentId"] = "Übergeordnet", ["unitId"] = "Einheit", ["unitIds"] = "Einheiten", ["roleIds"] = "Rollen", ["personIds"] = "Personen",
        ["managerId"] = "Vorgesetzt", ["purpose"] = "Zweck", ["cadence"] = "Rhythmus", ["chairUnitId"] = "Leitung", ["type"] = "Typ",
        ["level"] = "Ebene", ["metric"] = "Kennzahl", ["period"] = "Zeitraum", ["subject"] = "Gegenstand", ["everyone"] = "Alle",
        ["customerContact"] = "Kundenkontakt", ["sharedGoal"] = "Gemeinsames Ziel", ["how"] = "Wie", ["what"] = "Was", ["when"] = "Wann",
        ["withWhom"] = "Mit wem", ["mode"] = "Vorgehen", ["text"] = "Text", ["area"] = "Bereich", ["workType"] = "Art der Arbeit",
        ["policyId"] = "Richtlinie", ["above"] = "Ab Betrag", ["measure"] = "Bezugsgröße", ["approver"] = "Freigabe durch", ["higherRank"] = "Höherer Rang",
        ["roleId"] = "Rolle", ["personId"] = "Person", ["ownerUnitId"] = "Verantwortliche Einheit",
    };

    private static IReadOnlyList<WorkbookSheet>? _sheets;

    /// <summary>The sheets, in the schema's order of collections.</summary>
    public static IReadOnlyList<WorkbookSheet> Sheets => _sheets ??= Build();

    /// <summary>The sheet of a collection in a workbook whose sheet names are English or German (case ignored).</summary>
    public static WorkbookSheet? ForSheetName(string name)
        => Sheets.FirstOrDefault(s => string.Equals(s.English, name, StringComparison.OrdinalIgnoreCase) || string.Equals(s.German, name, StringComparison.OrdinalIgnoreCase)
                                      || string.Equals(s.Collection, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The column a header names: the property path itself, or the path in parentheses after a German word.</summary>
    public static WorkbookColumn? ForHeader(WorkbookSheet sheet, string header)
    {
        var h = header.Trim();
        var open = h.LastIndexOf('(');
        if (open >= 0 && h.EndsWith(')')) h = h[(open + 1)..^1].Trim();
        return sheet.Columns.FirstOrDefault(c => string.Equals(c.Path, h, StringComparison.OrdinalIgnoreCase))
               ?? (sheet.Collection == "people" && HrExport.HrHeaderSynonyms.TryMatch(header, out var field) && PeopleColumnOf(field) is { } path
                   ? sheet.Columns.FirstOrDefault(c => c.Path == path) : null);
    }

    /// <summary>
    /// The People sheet takes an HR export pasted as it is: the HR importer's header synonyms (Employee ID,
    /// Personalnummer, Vorgesetzter, Abteilung, Stelle, …) name the schema's columns. The values keep the workbook's
    /// meaning: a department or team names a unit of the Units sheet by id, a job title a role of the Roles sheet.
    /// Fields the model has no column for (location, cost centre, e-mail, first and last name) stay unknown columns.
    /// </summary>
    private static string? PeopleColumnOf(HrExport.HrField field) => field switch
    {
        HrExport.HrField.EmployeeId => "id",
        HrExport.HrField.Name => "name",
        HrExport.HrField.ManagerId => "managerId",
        HrExport.HrField.Department or HrExport.HrField.Team => "unitId",
        HrExport.HrField.JobTitle or HrExport.HrField.Roles => "roleIds",
        _ => null,
    };

    private static IReadOnlyList<WorkbookSheet> Build()
    {
        using var stream = typeof(WorkbookLayout).Assembly.GetManifestResourceStream("Vertrieb40.Rules.organization.schema.json")
            ?? throw new InvalidOperationException("the organisation schema is not embedded");
        using var text = new JsonTextReader(new StreamReader(stream));
        var schema = JObject.Load(text);
        var definitions = (JObject)schema["definitions"]!;
        var sheets = new List<WorkbookSheet>();
        foreach (var (collection, english, german) in SheetNames)
        {
            var item = Resolve(definitions, schema["properties"]?[collection]?["items"]);
            if (item is null) continue;
            var required = item["required"]?.Values<string>().OfType<string>().ToHashSet(StringComparer.Ordinal) ?? new HashSet<string>(StringComparer.Ordinal);
            var columns = new List<WorkbookColumn>();
            foreach (var p in ((JObject?)item["properties"])?.Properties() ?? Enumerable.Empty<JProperty>())
            {
                var value = Resolve(definitions, p.Value)!;
                if (Kind(value) is { } kind) columns.Add(new WorkbookColumn(p.Name, kind, Choices(value), required.Contains(p.Name)));
                else if (IsObject(value))
                    foreach (var inner in ((JObject?)value["properties"])?.Properties() ?? Enumerable.Empty<JProperty>())
                        if (Kind(Resolve(definitions, inner.Value)!) is { } innerKind)
                            columns.Add(new WorkbookColumn(p.Name + "." + inner.Name, innerKind, Choices(Resolve(definitions, inner.Value)!), false));
            }
            sheets.Add(new WorkbookSheet(collection, english, german, columns));
            foreach (var (parent, property, listEnglish, listGerman) in ListSheetNames)
            {
                if (parent != collection || Resolve(definitions, item["properties"]?[property]?["items"]) is not { } listItem) continue;
                var listColumns = new List<WorkbookColumn> { new(ParentKey, ColumnKind.Text, null, true) };
                var listRequired = listItem["required"]?.Values<string>().OfType<string>().ToHashSet(StringComparer.Ordinal) ?? new HashSet<string>(StringComparer.Ordinal);
                foreach (var p in ((JObject?)listItem["properties"])?.Properties() ?? Enumerable.Empty<JProperty>())
                    if (Kind(Resolve(definitions, p.Value)!) is { } kind)
                        listColumns.Add(new WorkbookColumn(p.Name, kind, Choices(Resolve(definitions, p.Value)!), listRequired.Contains(p.Name)));
                sheets.Add(new WorkbookSheet(collection + "/" + property, listEnglish, listGerman, listColumns, collection, property));
            }
        }
        return sheets;
    }

    private static JObject? Resolve(JObject definitions, JToken? token)
    {
        if (token is not JObject o) return null;
        return o["$ref"] is { } r && ((string?)r)?.StartsWith("#/definitions/", StringComparison.Ordinal) == true
            ? (JObject?)definitions[((string)r!)["#/definitions/".Length..]] : o;
    }

    private static IEnumerable<string> Types(JObject value)
        => value["type"] is JArray a ? a.Values<string>().OfType<string>() : value["type"] is { } t ? new[] { (string)t! } : Array.Empty<string>();

    private static bool IsObject(JObject value) => Types(value).Contains("object");

    private static ColumnKind? Kind(JObject value)
    {
        var types = Types(value).Where(t => t != "null").ToList();
        if (types.Count != 1) return null;
        return types[0] switch
        {
            "string" => ColumnKind.Text,
            "number" or "integer" => ColumnKind.Number,
            "boolean" => ColumnKind.Boolean,
            "array" when value["items"] is JObject items && Types(items).Contains("string") => ColumnKind.List,
            _ => null,
        };
    }

    private static IReadOnlyList<string>? Choices(JObject value)
        => value["enum"] is JArray e ? e.Values<string>().OfType<string>().ToList()
           : value["items"]?["enum"] is JArray ie ? ie.Values<string>().OfType<string>().ToList() : null;

    /// <summary>How a cell value of a boolean column is read (English and German, as people type them).</summary>
    public static bool? Boolean(string text) => text.Trim().ToLowerInvariant() switch
    {
        "true" or "yes" or "ja" or "wahr" or "1" or "x" => true,
        "false" or "no" or "nein" or "falsch" or "0" => false,
        _ => null,
    };

    public static string Invariant(double d) => d.ToString("R", CultureInfo.InvariantCulture);
}
