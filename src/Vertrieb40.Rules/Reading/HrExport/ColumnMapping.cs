using Vertrieb40.Rules.IO;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Model;
using Vertrieb40.Rules.Text;
using Vertrieb40.Rules.Reading;

namespace Vertrieb40.Rules.Reading.HrExport;

/// <summary>
/// An explicit column mapping for exports whose headers no synonym covers, read from a JSON file:
/// <code>
/// { "columns": { "employeeId": "Pers-Nr (neu)", "managerId": "Chef", "department": "OE" },
///   "delimiter": ";", "encoding": "windows-1252" }
/// </code>
/// Columns named here win over synonyms; the other fields are still found by synonym. Optional:
/// <c>"managerKey"</c> (<c>"employeeId"</c>, <c>"name"</c> or <c>{ "column": "E-Mail" }</c>) says what the manager
/// column holds, and <c>"functions"</c> sets the business function of units and roles by name pattern:
/// <code>
/// "functions": { "departments": { "Admin Offices": "operations", "IT*": "engineering" }, "titles": { "*Accountant*": "finance" } }
/// </code>
/// </summary>
internal sealed class ColumnMapping
{
    /// <summary>The header named for each field.</summary>
    public IReadOnlyDictionary<HrField, string> Columns { get; init; } = new Dictionary<HrField, string>();

    /// <summary>The delimiter; detected from the header line when null.</summary>
    public char? Delimiter { get; init; }

    /// <summary>The worksheet of an <c>.xlsx</c> export; the first sheet when null.</summary>
    public string? Sheet { get; init; }

    /// <summary>"utf-8" or "windows-1252"; detected when null.</summary>
    public string? Encoding { get; init; }

    /// <summary>What the manager column holds; detected from the values when null.</summary>
    public ManagerKey? ManagerKey { get; init; }

    /// <summary>
    /// The column whose values the manager column refers to, for <see cref="Reading.HrExport.ManagerKey.Column"/>
    /// (e.g. the manager's e-mail address against the "E-Mail" column).
    /// </summary>
    public string? ManagerKeyColumn { get; init; }

    /// <summary>Business functions of units (division, department, team names) by pattern; the first match wins.</summary>
    public IReadOnlyList<FunctionPattern> UnitFunctions { get; init; } = Array.Empty<FunctionPattern>();

    /// <summary>Business functions of roles (job titles) by pattern; the first match wins.</summary>
    public IReadOnlyList<FunctionPattern> RoleFunctions { get; init; } = Array.Empty<FunctionPattern>();

    /// <summary>
    /// Purposes of calendar meetings by title pattern (<c>"meetings": { "Jour fixe*": "coordination", "1:1*": "none" }</c>);
    /// the first match wins over the purpose read from the title.
    /// </summary>
    public IReadOnlyList<MeetingPattern> MeetingPurposes { get; init; } = Array.Empty<MeetingPattern>();

    /// <summary>
    /// Reads a mapping file. Problems become VT0305 diagnostics (with line and column); the mapping is null then.
    /// </summary>
    public static ColumnMapping? ReadFile(string path, out IReadOnlyList<Diagnostic> diagnostics)
    {
        var problems = new List<Diagnostic>();
        diagnostics = problems;
        void Problem(IJsonLineInfo? at, string what)
            => problems.Add(Diagnostic.Create(InputDescriptors.InvalidColumnMapping,
                new Location(path, (at as JToken)?.Path is { Length: > 0 } p ? "/" + p.Replace('.', '/') : "",
                    at != null && at.HasLineInfo() ? new LineSpan(at.LineNumber, at.LinePosition, at.LineNumber, at.LinePosition) : LineSpan.None),
                what));
        JObject root;
        try
        {
            using var reader = new JsonTextReader(new StringReader(FileGuard.ReadAllText(path, FileGuard.SideFileLimit, "a mapping file is read whole")));
            root = JObject.Load(reader, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load });
        }
        catch (JsonReaderException ex)
        {
            problems.Add(Diagnostic.Create(InputDescriptors.InvalidColumnMapping,
                new Location(path, "", new LineSpan(Math.Max(1, ex.LineNumber), Math.Max(1, ex.LinePosition), Math.Max(1, ex.LineNumber), Math.Max(1, ex.LinePosition))),
                "not valid JSON (" + ex.Message.Split(" Path '")[0].TrimEnd('.') + ")"));
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problems.Add(Diagnostic.Create(InputDescriptors.InvalidColumnMapping, new Location(path, "", LineSpan.None), "the file cannot be read (" + ex.Message.TrimEnd('.') + ")"));
            return null;
        }

        var columns = new Dictionary<HrField, string>();
        var fieldOfColumn = new Dictionary<string, string>(StringComparer.Ordinal);
        char? delimiter = null;
        string? encoding = null;
        string? sheet = null;
        ManagerKey? managerKey = null;
        string? managerKeyColumn = null;
        var unitFunctions = new List<FunctionPattern>();
        var roleFunctions = new List<FunctionPattern>();
        var meetings = new List<MeetingPattern>();
        foreach (var prop in root.Properties())
        {
            switch (prop.Name)
            {
                case "columns":
                    if (prop.Value is not JObject cols) { Problem(prop.Value, "'columns' must be an object such as { \"employeeId\": \"Pers-Nr\" }"); break; }
                    foreach (var c in cols.Properties())
                    {
                        if (!Enum.TryParse<HrField>(c.Name, ignoreCase: true, out var field) || int.TryParse(c.Name, out _))
                            Problem(c, $"unknown field '{c.Name}' (expected one of {string.Join(", ", Enum.GetNames<HrField>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]))})");
                        else if (c.Value.Type != JTokenType.String || string.IsNullOrWhiteSpace((string?)c.Value))
                            Problem(c.Value, $"the column for '{c.Name}' must be a header name (a non-empty string)");
                        else if (fieldOfColumn.TryGetValue(HrHeaderSynonyms.Normalize((string)c.Value!), out var other))
                            // One column cannot be two fields: the reader would silently give both the same value.
                            Problem(c.Value, $"'{c.Name}' names the column '{((string)c.Value!).Trim()}', which '{other}' already names (a column can hold only one field)");
                        else
                        {
                            columns[field] = ((string)c.Value!).Trim();
                            fieldOfColumn[HrHeaderSynonyms.Normalize((string)c.Value!)] = c.Name;
                        }
                    }
                    break;
                case "delimiter":
                    var d = prop.Value!.Type == JTokenType.String ? (string?)prop.Value : null;
                    if (d is "," or ";" or "\t") delimiter = d![0];
                    else Problem(prop.Value, "'delimiter' must be \",\", \";\" or \"\\t\"");
                    break;
                case "encoding":
                    var e = prop.Value!.Type == JTokenType.String ? ((string?)prop.Value)?.ToLowerInvariant() : null;
                    if (e is "utf-8" or "utf8" or "windows-1252" or "cp1252") encoding = e!.StartsWith("utf", StringComparison.Ordinal) ? "utf-8" : "windows-1252";
                    else Problem(prop.Value, "'encoding' must be \"utf-8\" or \"windows-1252\"");
                    break;
                case "sheet":
                    if (prop.Value!.Type == JTokenType.String && !string.IsNullOrWhiteSpace((string?)prop.Value)) sheet = ((string)prop.Value!).Trim();
                    else Problem(prop.Value, "'sheet' must be the name of a worksheet (a non-empty string)");
                    break;
                case "managerKey":
                    if (prop.Value!.Type == JTokenType.String && ((string?)prop.Value) is "employeeId" or "name")
                        managerKey = (string?)prop.Value == "name" ? Reading.HrExport.ManagerKey.Name : Reading.HrExport.ManagerKey.EmployeeId;
                    else if (prop.Value is JObject keyObject && keyObject.Count == 1 && keyObject["column"] is { Type: JTokenType.String } keyColumn
                             && !string.IsNullOrWhiteSpace((string?)keyColumn))
                    {
                        managerKey = Reading.HrExport.ManagerKey.Column;
                        managerKeyColumn = ((string)keyColumn!).Trim();
                    }
                    else Problem(prop.Value, "'managerKey' must be \"employeeId\", \"name\" or { \"column\": \"<header>\" }");
                    break;
                case "functions":
                    if (prop.Value is not JObject fns) { Problem(prop.Value, "'functions' must be an object such as { \"departments\": { \"Admin*\": \"operations\" }, \"titles\": { \"*Accountant*\": \"finance\" } }"); break; }
                    foreach (var group in fns.Properties())
                    {
                        var into = group.Name switch { "departments" or "units" => unitFunctions, "titles" or "roles" => roleFunctions, _ => null };
                        if (into is null) { Problem(group, $"unknown property '{group.Name}' in 'functions' (expected departments, titles)"); continue; }
                        if (group.Value is not JObject patterns) { Problem(group.Value, $"'{group.Name}' must be an object of name patterns and functions"); continue; }
                        foreach (var pattern in patterns.Properties())
                        {
                            var text = pattern.Value.Type == JTokenType.String ? (string?)pattern.Value : null;
                            if (string.IsNullOrWhiteSpace(pattern.Name)) Problem(pattern, "a name pattern must not be empty");
                            else if (text is null || !EnumNames<BusinessFunction>.TryParse(text, out var function))
                                Problem(pattern.Value, $"the function for '{pattern.Name}' must be one of {EnumNames<BusinessFunction>.List}");
                            else into.Add(new FunctionPattern(pattern.Name.Trim(), function));
                        }
                    }
                    break;
                case "meetings":
                    if (prop.Value is not JObject meetingPatterns) { Problem(prop.Value, "'meetings' must be an object of calendar title patterns and purposes, such as { \"Jour fixe*\": \"coordination\", \"1:1*\": \"none\" }"); break; }
                    foreach (var pattern in meetingPatterns.Properties())
                    {
                        var text = pattern.Value.Type == JTokenType.String ? (string?)pattern.Value : null;
                        if (string.IsNullOrWhiteSpace(pattern.Name)) Problem(pattern, "a title pattern must not be empty");
                        else if (text == "none") meetings.Add(new MeetingPattern(pattern.Name.Trim(), null));
                        else if (text is null || !EnumNames<MeetingPurpose>.TryParse(text, out var purpose))
                            Problem(pattern.Value, $"the purpose for '{pattern.Name}' must be one of {EnumNames<MeetingPurpose>.List}, or none (leave such events out)");
                        else meetings.Add(new MeetingPattern(pattern.Name.Trim(), purpose));
                    }
                    break;
                case "$schema":
                case "description":
                    break;
                default:
                    Problem(prop, $"unknown property '{prop.Name}' (expected columns, delimiter, encoding, sheet, managerKey, functions, meetings)");
                    break;
            }
        }
        return problems.Count > 0 ? null : new ColumnMapping
        {
            Columns = columns, Delimiter = delimiter, Encoding = encoding, Sheet = sheet, ManagerKey = managerKey, ManagerKeyColumn = managerKeyColumn,
            UnitFunctions = unitFunctions, RoleFunctions = roleFunctions, MeetingPurposes = meetings,
        };
    }
}

/// <summary>What the manager column of an export refers to.</summary>
internal enum ManagerKey
{
    /// <summary>The manager's employee id.</summary>
    EmployeeId,
    /// <summary>The manager's name (matched against the people's names).</summary>
    Name,
    /// <summary>The value of another column of the manager's row (<see cref="ColumnMapping.ManagerKeyColumn"/>).</summary>
    Column,
}

/// <summary>
/// A name pattern and the business function it sets: <c>*</c> stands for any text; case and surrounding
/// spaces are ignored. "IT*" matches "IT Services", "*Accountant*" matches "Senior Accountant II".
/// </summary>
internal sealed record FunctionPattern(string Pattern, BusinessFunction Function)
{
    /// <summary>True when <paramref name="name"/> matches the pattern.</summary>
    public bool Matches(string name) => Matches(Pattern, name);

    internal static bool Matches(string pattern, string name)
    {
        var parts = pattern.Split('*');
        var text = name.AsSpan().Trim();
        if (parts.Length == 1) return text.Equals(pattern, StringComparison.OrdinalIgnoreCase);
        if (!text.StartsWith(parts[0], StringComparison.OrdinalIgnoreCase)) return false;
        var pos = parts[0].Length;
        for (var i = 1; i < parts.Length - 1; i++)
        {
            var at = text[pos..].IndexOf(parts[i], StringComparison.OrdinalIgnoreCase);
            if (at < 0) return false;
            pos += at + parts[i].Length;
        }
        return text.Length - pos >= parts[^1].Length && text.EndsWith(parts[^1], StringComparison.OrdinalIgnoreCase);
    }
}

/// <summary>
/// A calendar title pattern (as in <see cref="FunctionPattern"/>: <c>*</c> for any text, case ignored) and the meeting
/// purpose it sets, overriding the purpose read from the title; a null <see cref="Purpose"/> leaves matching events out.
/// </summary>
internal sealed class MeetingPattern(string pattern, MeetingPurpose? purpose)
{
    /// <summary>The title pattern.</summary>
    public string Pattern { get; } = pattern;

    /// <summary>The purpose it sets; null leaves matching events out.</summary>
    public MeetingPurpose? Purpose { get; } = purpose;

    /// <summary>True when <paramref name="title"/> matches the pattern.</summary>
    public bool Matches(string title) => FunctionPattern.Matches(Pattern, title);
}
