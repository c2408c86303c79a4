using Vertrieb40.Rules.IO;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Reading;

namespace Vertrieb40.Rules.Reading.HrExport;

/// <summary>
/// An explicit column mapping for exports whose headers no synonym covers, read from a JSON file:
/// <code>
/// { "columns": { "employeeId": "Pers-Nr (neu)", "managerId": "Chef", "department": "OE" },
///   "delimiter": ";", "encoding": "windows-1252" }
/// </code>
/// Columns named here win over synonyms; the other fields are still found by synonym.
/// </summary>
public sealed class ColumnMapping
{
    /// <summary>The header named for each field.</summary>
    public IReadOnlyDictionary<HrField, string> Columns { get; init; } = new Dictionary<HrField, string>();

    /// <summary>The delimiter; detected from the header line when null.</summary>
    public char? Delimiter { get; init; }

    /// <summary>"utf-8" or "windows-1252"; detected when null.</summary>
    public string? Encoding { get; init; }

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
        char? delimiter = null;
        string? encoding = null;
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
                        else columns[field] = ((string)c.Value!).Trim();
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
                case "$schema":
                case "description":
                    break;
                default:
                    Problem(prop, $"unknown property '{prop.Name}' (expected columns, delimiter, encoding)");
                    break;
            }
        }
        return problems.Count > 0 ? null : new ColumnMapping { Columns = columns, Delimiter = delimiter, Encoding = encoding };
    }
}
