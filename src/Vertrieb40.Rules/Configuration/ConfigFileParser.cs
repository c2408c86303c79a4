using Vertrieb40.Rules.IO;
using Vertrieb40.Rules.Diagnostics;

namespace Vertrieb40.Rules.Configuration;

/// <summary>
/// The INI dialect of <c>.editorconfig</c>/<c>.globalconfig</c>: <c>key = value</c> lines, <c>[section]</c>
/// headers, comments starting with <c>#</c> or <c>;</c>. Sections are accepted for familiarity; every
/// entry applies to the documents the file covers.
/// </summary>
internal static class ConfigFileParser
{
    /// <summary>The largest configuration file read.</summary>
    public const long MaxFileBytes = 1024 * 1024;

    public static (List<ConfigEntry> Entries, List<Diagnostic> Problems, bool Root) Parse(string text, string? filePath)
    {
        var entries = new List<ConfigEntry>();
        var problems = new List<Diagnostic>();
        var root = false;
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var raw = lines[i].TrimEnd('\r');
            var trimmed = raw.Trim();
            if (trimmed.Length == 0 || trimmed[0] is '#' or ';') continue;
            var lineNo = i + 1;
            var indent = raw.Length - raw.TrimStart().Length;
            if (trimmed[0] == '[')
            {
                if (!trimmed.EndsWith(']'))
                    problems.Add(Problem(filePath, lineNo, indent + 1, raw.Length, $"line {lineNo} starts a section but does not end with ']'"));
                continue;
            }
            var eq = raw.IndexOf('=');
            if (eq < 0)
            {
                // The line itself is never quoted: a linked key or token file must not end up in a report.
                problems.Add(Problem(filePath, lineNo, indent + 1, raw.Length, $"line {lineNo} is not 'key = value', a [section] or a comment"));
                continue;
            }
            var key = raw[..eq].Trim();
            var valuePart = raw[(eq + 1)..];
            var value = StripComment(valuePart).Trim();
            var valueColumn = eq + 2 + (valuePart.Length - valuePart.TrimStart().Length);
            if (key.Length == 0)
            {
                problems.Add(Problem(filePath, lineNo, indent + 1, raw.Length, $"line {lineNo} has no key before '='"));
                continue;
            }
            if (!IsKeyName(key))
            {
                // Not a key anyone would write (e.g. a line of base64 ending in '='): say so without quoting it.
                problems.Add(Problem(filePath, lineNo, indent + 1, raw.Length, $"line {lineNo} has no valid key before '=' (a key is at most {MaxKeyLength} letters, digits, '_', '-' and '.', with at least one '.')"));
                continue;
            }
            if (key.Equals("root", StringComparison.OrdinalIgnoreCase))
            {
                root = value.Equals("true", StringComparison.OrdinalIgnoreCase);
                continue;
            }
            entries.Add(new ConfigEntry(key, value, filePath, lineNo, indent + 1, valueColumn));
        }
        return (entries, problems, root);
    }

    /// <summary>True when the file says <c>root = true</c> (discovery stops there).</summary>
    public static bool DeclaresRoot(string path)
    {
        try { return Parse(IO.FileGuard.ReadAllText(path, MaxFileBytes), path).Root; }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { return false; }
    }

    private const int MaxKeyLength = 128;

    /// <summary>True for text that can be a configuration key (and so may be quoted in a message).</summary>
    // Every key vertrieb40 and Roslyn-style tools use has a '.', except these; a word without one (a token, a line of
    // base64) is never quoted back.
    internal static bool IsKeyName(string key)
        => key.Length <= MaxKeyLength && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.')
           && (key.Contains('.') || key.Equals("root", StringComparison.OrdinalIgnoreCase)
               || key.Equals("is_global", StringComparison.OrdinalIgnoreCase) || key.Equals("global_level", StringComparison.OrdinalIgnoreCase));

    // A comment after a value needs whitespace before it, so that values such as "a#b" stay whole.
    private static string StripComment(string value)
    {
        for (var i = 1; i < value.Length; i++)
            if (value[i] is '#' or ';' && char.IsWhiteSpace(value[i - 1])) return value[..i];
        return value;
    }

    private static Diagnostic Problem(string? file, int line, int column, int endColumn, string text)
        => Diagnostic.Create(InputDescriptors.ConfigFileProblem,
            new Location(file, "", new LineSpan(line, column, line, Math.Max(column, endColumn))), text);
}
