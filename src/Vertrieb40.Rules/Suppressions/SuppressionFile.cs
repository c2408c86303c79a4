using Vertrieb40.Rules.IO;
using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Model;
using Vertrieb40.Rules.Text;

namespace Vertrieb40.Rules.Suppressions;

/// <summary>What reading a suppressions file produced: its entries, or the errors (VT0212) that stop it from being used.</summary>
internal sealed class SuppressionFileResult
{
    internal SuppressionFileResult(string? filePath, IReadOnlyList<SuppressionEntry> entries, IReadOnlyList<Diagnostic> diagnostics)
    {
        FilePath = filePath;
        Entries = entries;
        Diagnostics = diagnostics;
    }

    /// <summary>The file.</summary>
    public string? FilePath { get; }
    /// <summary>The suppressions; empty when the file has errors (no partial results).</summary>
    public IReadOnlyList<SuppressionEntry> Entries { get; }
    /// <summary>Errors with file, line, column and JSON Pointer.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }
    /// <summary>True when the file cannot be used.</summary>
    public bool HasErrors => Diagnostics.Count > 0;
}

/// <summary>
/// Reads a separate suppressions file: <c>{ "suppressions": [ { "ruleId", "target", "justification",
/// "expires", "owner" } ] }</c> (a bare array is accepted too) — the same fields as the document's own
/// <c>suppressions</c> list. Never throws on bad input.
/// </summary>
internal static class SuppressionFile
{
    /// <summary>Reads a file.</summary>
    public static SuppressionFileResult Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = IO.FileGuard.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            return Fail(path, new Location(path, "", LineSpan.None), "the file cannot be read: " + ex.Message.TrimEnd('.'));
        }
        return Parse(text, path);
    }

    /// <summary>Parses suppressions from text; <paramref name="filePath"/> is used in locations.</summary>
    public static SuppressionFileResult Parse(string json, string? filePath = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        JToken root;
        try
        {
            using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None };
            root = JToken.ReadFrom(reader, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load, CommentHandling = CommentHandling.Ignore });
            while (reader.Read())
                if (reader.TokenType != JsonToken.Comment)
                    throw new JsonReaderException("additional content after the end of the document", reader.Path, reader.LineNumber, reader.LinePosition, null);
        }
        catch (JsonReaderException ex)
        {
            return Fail(filePath, new Location(filePath, "", new LineSpan(Math.Max(1, ex.LineNumber), Math.Max(1, ex.LinePosition), Math.Max(1, ex.LineNumber), Math.Max(1, ex.LinePosition))),
                "not valid JSON: " + ex.Message.Split(" Path '")[0].TrimEnd('.'));
        }

        var errors = new List<Diagnostic>();
        var entries = new List<SuppressionEntry>();
        JArray? list;
        string listPointer;
        if (root is JArray a) { list = a; listPointer = ""; }
        else if (root is JObject o)
        {
            listPointer = "/suppressions";
            foreach (var p in o.Properties())
                if (p.Name != "suppressions" && p.Name != "$schema")
                    errors.Add(Error(filePath, p, "/" + JsonPointer.Escape(p.Name), $"unknown property '{p.Name}' (expected 'suppressions')"));
            var s = o["suppressions"];
            list = s as JArray;
            if (list is null)
                errors.Add(Error(filePath, (JToken?)s ?? o, s is null ? "" : listPointer, s is null ? "the property 'suppressions' (an array) is missing" : "'suppressions' must be an array"));
        }
        else
        {
            list = null;
            listPointer = "";
            errors.Add(Error(filePath, root, "", "the file must hold an object with a 'suppressions' array"));
        }

        if (list != null)
            for (var i = 0; i < list.Count; i++)
            {
                var pointer = listPointer + "/" + i.ToString(CultureInfo.InvariantCulture);
                if (list[i] is not JObject item)
                {
                    errors.Add(Error(filePath, list[i], pointer, "a suppression must be an object"));
                    continue;
                }
                var entry = ReadEntry(item, pointer, filePath, errors);
                if (entry != null) entries.Add(entry);
            }

        return errors.Count > 0
            ? new SuppressionFileResult(filePath, Array.Empty<SuppressionEntry>(), errors)
            : new SuppressionFileResult(filePath, entries, Array.Empty<Diagnostic>());
    }

    private static SuppressionEntry? ReadEntry(JObject item, string pointer, string? filePath, List<Diagnostic> errors)
    {
        var info = (IJsonLineInfo)item;
        var entry = new SuppressionEntry
        {
            FilePath = filePath,
            Pointer = pointer,
            Position = info.HasLineInfo() ? new SourcePosition(info.LineNumber, info.LinePosition) : default,
        };
        var before = errors.Count;
        foreach (var p in item.Properties())
        {
            var at = pointer + "/" + JsonPointer.Escape(p.Name);
            string? Text()
            {
                if (p.Value.Type == JTokenType.String) return (string?)p.Value;
                errors.Add(Error(filePath, p.Value, at, $"'{p.Name}' must be a string"));
                return null;
            }
            switch (p.Name)
            {
                case "ruleId": entry.RuleId = Text()?.Trim() ?? ""; break;
                case "target": entry.Target = Text()?.Trim() ?? ""; break;
                case "justification": entry.Justification = Text()?.Trim() ?? ""; break;
                case "owner": entry.Owner = Text(); break;
                case "expires":
                    var date = Text();
                    if (date is null) break;
                    if (DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) entry.Expires = d;
                    else errors.Add(Error(filePath, p.Value, at, $"'expires' must be a date like 2027-03-31 (got '{date}')"));
                    break;
                default: errors.Add(Error(filePath, p, at, $"unknown property '{p.Name}' in a suppression (expected ruleId, target, justification, expires, owner)")); break;
            }
        }
        if (item["ruleId"] is null || (entry.RuleId.Length == 0 && item["ruleId"]?.Type == JTokenType.String))
            errors.Add(Error(filePath, item, pointer, "a suppression needs a 'ruleId'"));
        if (entry.Justification.Length == 0 && (item["justification"] is null || item["justification"]!.Type == JTokenType.String))
            errors.Add(Error(filePath, item, pointer, "a suppression needs a non-empty 'justification': say why the finding is accepted"));
        if (entry.Target.Length > 0 && entry.Target[0] == '/' && entry.Target.Contains("//", StringComparison.Ordinal))
            errors.Add(Error(filePath, item["target"]!, pointer + "/target", $"'{entry.Target}' is not a valid JSON Pointer"));
        return errors.Count == before ? entry : null;
    }

    private static Diagnostic Error(string? filePath, JToken token, string pointer, string text)
    {
        var span = LineSpan.At(JsonTokenPosition.StartOf(token));
        return Diagnostic.Create(InputDescriptors.SuppressionFileInvalid, new Location(filePath, pointer, span), text);
    }

    private static SuppressionFileResult Fail(string? filePath, Location location, string text)
        => new(filePath, Array.Empty<SuppressionEntry>(), new[] { Diagnostic.Create(InputDescriptors.SuppressionFileInvalid, location, text) });
}
