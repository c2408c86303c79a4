namespace Vertrieb40.Rules.Cli;

/// <summary>
/// A small glob matcher for input arguments (shells on Windows, CI YAML and quoted arguments do not expand
/// globs): <c>*</c> matches within one path segment, <c>?</c> one character, <c>**</c> any number of segments.
/// Matching is case-sensitive on Linux and macOS-style file systems alike (ordinal), like bash.
/// </summary>
internal static class Glob
{
    public static bool HasWildcards(string s) => s.IndexOfAny(['*', '?']) >= 0;

    /// <summary>Splits a pattern into the directory to search (no wildcards) and the segments to match below it.</summary>
    public static (string BaseDirectory, string[] Segments) Split(string pattern)
    {
        var normalized = pattern.Replace('\\', '/');
        var parts = normalized.Split('/');
        var first = Array.FindIndex(parts, HasWildcards);
        if (first < 0) return (pattern, Array.Empty<string>());
        var baseParts = parts[..first];
        var baseDir = baseParts.Length == 0 ? "." : string.Join('/', baseParts);
        if (baseDir.Length == 0) baseDir = "/"; // pattern started with '/'
        return (baseDir, parts[first..].Where(p => p.Length > 0).ToArray());
    }

    /// <summary>The files under <paramref name="pattern"/>'s base directory whose relative path matches, in ordinal order, as "base/relative".</summary>
    public static IReadOnlyList<string> Expand(string pattern)
    {
        var (baseDir, segments) = Split(pattern);
        if (!Directory.Exists(baseDir)) return Array.Empty<string>();
        var recursive = segments.Length > 1 || segments.Contains("**");
        var result = new List<string>();
        foreach (var file in DirectoryWalk.Files(baseDir, recursive))
        {
            var relative = Path.GetRelativePath(baseDir, file).Replace('\\', '/');
            if (IsMatch(segments, relative.Split('/')))
                result.Add(baseDir == "." ? relative : baseDir.TrimEnd('/') + "/" + relative);
        }
        result.Sort(StringComparer.Ordinal);
        return result;
    }

    /// <summary>True when the path segments match the pattern segments.</summary>
    public static bool IsMatch(ReadOnlySpan<string> pattern, ReadOnlySpan<string> path)
    {
        if (pattern.Length == 0) return path.Length == 0;
        if (pattern[0] == "**")
        {
            // "**" takes zero or more segments.
            for (var skip = 0; skip <= path.Length; skip++)
                if (IsMatch(pattern[1..], path[skip..])) return true;
            return false;
        }
        return path.Length > 0 && SegmentMatches(pattern[0], path[0]) && IsMatch(pattern[1..], path[1..]);
    }

    /// <summary>Matches one segment: '*' any run of characters, '?' exactly one (iterative, no backtracking blow-up).</summary>
    public static bool SegmentMatches(string pattern, string text)
    {
        int p = 0, t = 0, star = -1, mark = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || pattern[p] == text[t])) { p++; t++; }
            else if (p < pattern.Length && pattern[p] == '*') { star = p++; mark = t; }
            else if (star >= 0) { p = star + 1; t = ++mark; }
            else return false;
        }
        while (p < pattern.Length && pattern[p] == '*') p++;
        return p == pattern.Length;
    }
}
