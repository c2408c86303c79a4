namespace Vertrieb40.Rules.Cli;

/// <summary>Turns file and directory arguments into a stable, ordered list of files.</summary>
internal static class InputFiles
{
    public static IReadOnlyList<string> Expand(IEnumerable<string> arguments, bool recursive)
    {
        var files = new List<string>();
        foreach (var a in arguments)
        {
            if (Directory.Exists(a))
            {
                var found = Directory.EnumerateFiles(a, "*.json", recursive ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly)
                    .OrderBy(f => f, StringComparer.Ordinal).ToList();
                if (found.Count == 0) throw new UsageException($"Directory '{a}' holds no *.json files{(recursive ? "" : " (use --recursive for sub-directories)")}.");
                files.AddRange(found);
            }
            else files.Add(a); // a missing file is reported by the reader as VT0011, with the other files still analysed
        }
        return files;
    }
}
