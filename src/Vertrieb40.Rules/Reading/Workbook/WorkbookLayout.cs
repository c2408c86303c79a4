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

/// <summary>One sheet: a collection of the organisation schema.</summary>
internal sealed record WorkbookSheet(string Collection, string English, string German, IReadOnlyList<WorkbookColumn> Columns)
{
    public string Name(bool german) => german ? German : English;
}

/// <summary>
/// The practice workbook's layout, derived from the organisation schema (so it cannot drift from it): one sheet per
/// collection, one column per property — scalar properties, lists of ids (one cell, separated by <c>;</c>), and the
/// properties of nested objects such as <c>attendees.unitIds</c> or <c>autonomy.how</c>. Lists of objects (approval
/// steps, thresholds, exceptions) have no column: they are written in JSON or YAML.
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

    /// <summary>German words for the common property names (the header keeps the property in parentheses, so both read the same).</summary>
    internal static readonly IReadOnlyDictionary<string, string> GermanWords = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["id"] = "Kennung", ["name"] = "Name", ["description"] = "Beschreibung", ["notes"] = "Notizen", ["kind"] = "Art", ["function"] = "Funktion",
        ["parentId"] = "Übergeordnet", ["unitId"] = "Einheit", ["unitIds"] = "Einheiten", ["roleIds"] = "Rollen", ["personIds"] = "Personen",
        ["managerId"] = "Vorgesetzt", ["purpose"] = "Zweck", ["cadence"] = "Rhythmus", ["chairUnitId"] = "Leitung", ["type"] = "Typ",
        ["level"] = "Ebene", ["metric"] = "Kennzahl", ["period"] = "Zeitraum", ["subject"] = "Gegenstand", ["everyone"] = "Alle",
        ["customerContact"] = "Kundenkontakt", ["sharedGoal"] = "Gemeinsames Ziel", ["how"] = "Wie", ["what"] = "Was", ["when"] = "Wann",
        ["withWhom"] = "Mit wem", ["mode"] = "Vorgehen", ["text"] = "Text", ["area"] = "Bereich", ["workType"] = "Art der Arbeit",
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
        return sheet.Columns.FirstOrDefault(c => string.Equals(c.Path, h, StringComparison.OrdinalIgnoreCase));
    }

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
