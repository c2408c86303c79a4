using Vertrieb40.Rules.IO;
using Vertrieb40.Rules.Reading.HrExport;

namespace Vertrieb40.Rules.Cli;

/// <summary>One input of a batch: the path as shown to the user, and the key used for shards and report names.</summary>
/// <param name="Path">The path as given or found (used in diagnostics).</param>
/// <param name="FullPath">The absolute path.</param>
/// <param name="Key">The path relative to the working directory with '/' separators: stable across machines and checkouts.</param>
internal sealed record InputFile(string Path, string FullPath, string Key);

/// <summary>Turns file, directory and glob arguments into a stable, ordered, de-duplicated list of inputs.</summary>
internal static class InputFiles
{
    /// <summary>True for files a directory or glob yields: organisation documents and HR exports, but not side files.</summary>
    public static bool IsAnalysable(string path)
    {
        var name = System.IO.Path.GetFileName(path);
        if (name.EndsWith(".practices.json", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".mapping.json", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".report.json", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".expected.json", StringComparison.OrdinalIgnoreCase))
            return false;
        return name.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || HrExportReader.IsHrExport(name);
    }

    public static IReadOnlyList<InputFile> Expand(IEnumerable<string> arguments, bool recursive, string? excludeDirectory = null)
    {
        var paths = new List<string>();
        var excluded = excludeDirectory is null ? null : System.IO.Path.GetFullPath(excludeDirectory).TrimEnd(System.IO.Path.DirectorySeparatorChar) + System.IO.Path.DirectorySeparatorChar;
        bool Keep(string f) => IsAnalysable(f) && (excluded is null || !System.IO.Path.GetFullPath(f).StartsWith(excluded, StringComparison.Ordinal));
        foreach (var a in arguments)
        {
            if (Directory.Exists(a))
            {
                var found = DirectoryWalk.Files(a, recursive).Where(Keep).ToList();
                if (found.Count == 0) throw new UsageException($"Directory '{a}' holds no *.json or *.csv files{(recursive ? "" : " (use --recursive for sub-directories)")}.", $"Das Verzeichnis „{a}“ enthält keine *.json- oder *.csv-Dateien{(recursive ? "" : " (--recursive nimmt Unterverzeichnisse dazu)")}.");
                paths.AddRange(found);
            }
            else if (Glob.HasWildcards(a) && !File.Exists(a))
            {
                var found = Glob.Expand(a).Where(Keep).ToList();
                if (found.Count == 0) throw new UsageException($"The pattern '{a}' matches no *.json or *.csv files.", $"Das Muster „{a}“ trifft keine *.json- oder *.csv-Dateien.");
                paths.AddRange(found);
            }
            else paths.Add(a); // a missing file is reported by the reader as VT0011, with the other files still analysed
        }

        // By the real path: a file named twice, or reached through a link, is analysed once (under the first name).
        var seen = new HashSet<string>(IO.FileGuard.PathComparer);
        var result = new List<InputFile>(paths.Count);
        var cwd = Directory.GetCurrentDirectory();
        foreach (var p in paths)
        {
            var full = System.IO.Path.GetFullPath(p);
            if (!seen.Add(IO.FileGuard.RealPath(full))) continue; // named twice (e.g. a file and its directory): analysed once
            result.Add(new InputFile(p, full, KeyOf(cwd, full)));
        }
        return result;
    }

    /// <summary>The normalised relative path: relative to <paramref name="baseDirectory"/>, '/' separators, no "./".</summary>
    public static string KeyOf(string baseDirectory, string fullPath)
        => System.IO.Path.GetRelativePath(baseDirectory, fullPath).Replace('\\', '/');
}
