namespace Vertrieb40.Rules.Cli;

/// <summary>
/// Names of the per-input reports in <c>--output-dir</c>: the input's relative path, mirrored below the
/// directory, plus <c>.report.txt</c> / <c>.report.json</c>. Input paths are not trusted: "..", roots,
/// drive letters and characters that are not valid in file names are removed, so no name can leave the
/// directory, and every name is checked again after it is resolved.
/// </summary>
internal static class ReportNames
{
    private static readonly char[] Invalid = Path.GetInvalidFileNameChars().Concat(new[] { ':', '*', '?', '"', '<', '>', '|', '\\' }).Distinct().ToArray();

    public static string For(string outputDirectory, string inputKey, string format, ISet<string> taken)
    {
        var root = Path.GetFullPath(outputDirectory);
        var segments = inputKey.Replace('\\', '/').Split('/')
            .Where(s => s.Length > 0 && s != "." && s != "..")
            .Select(Sanitize)
            .ToList();
        if (segments.Count == 0) segments.Add("input");
        segments[^1] += ".report." + (format == "json" ? "json" : format == "text" ? "txt" : format);
        var candidate = Path.GetFullPath(Path.Combine(new[] { root }.Concat(segments).ToArray()));
        var unique = candidate;
        for (var n = 2; taken.Contains(unique); n++)
            unique = Path.Combine(Path.GetDirectoryName(candidate)!, Path.GetFileNameWithoutExtension(candidate) + "~" + n + Path.GetExtension(candidate));
        if (!unique.StartsWith(root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new InvalidOperationException($"Report name for '{inputKey}' escapes the output directory."); // cannot happen after sanitising; a last guard
        taken.Add(unique);
        return unique;
    }

    // Room for ".report.json", a "~n" suffix and the temporary file's prefix and suffix within 255 bytes.
    private const int MaxSegmentBytes = 200;

    private static string Sanitize(string segment)
    {
        var chars = segment.Select(c => c < 32 || Invalid.Contains(c) ? '_' : c).ToArray();
        var s = new string(chars).Trim();
        // Names made of dots only ("...") or empty after trimming would mean something else to the file system.
        if (s.Length == 0 || s.All(c => c == '.')) s = "_";
        // File systems take at most 255 bytes per name: a longer one is cut and made unique by a hash of the whole.
        if (System.Text.Encoding.UTF8.GetByteCount(s) > MaxSegmentBytes)
        {
            var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(s)))[..12].ToLowerInvariant();
            var cut = s;
            while (System.Text.Encoding.UTF8.GetByteCount(cut) > MaxSegmentBytes - 13) cut = cut[..^1];
            if (cut.Length > 0 && char.IsHighSurrogate(cut[^1])) cut = cut[..^1];
            s = cut + "~" + hash;
        }
        return s;
    }
}
