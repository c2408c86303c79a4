using Vertrieb40.Rules.IO;
using Vertrieb40.Rules.Diagnostics;

namespace Vertrieb40.Rules.Configuration;

/// <summary>
/// Configuration in <c>.editorconfig</c>/<c>.globalconfig</c> style (INI): severities per rule id, per
/// category and for all rules, and rule options — each entry with its file and line so that an entry
/// without effect can be reported where it was written.
/// <code>
/// vertrieb40_diagnostic.VT1009.severity = error
/// vertrieb40_analyzer_diagnostic.category-Team.severity = suggestion
/// vertrieb40_analyzer_diagnostic.severity = warning
/// VT1010.purposes = statusReporting, pipelineReview
/// </code>
/// Precedence: rule id over category over all; within the files, a later entry wins (files found by
/// <see cref="Discover"/> are applied farthest first, so the nearest file wins).
/// </summary>
public sealed class AnalyzerConfiguration
{
    /// <summary>The file name searched for next to a document and in its parent directories.</summary>
    public const string FileName = ".vertrieb40config";
    /// <summary>The Roslyn-style global configuration file name, also accepted (keys of other tools in it are ignored).</summary>
    public const string GlobalConfigFileName = ".globalconfig";

    private AnalyzerConfiguration(IReadOnlyList<string> files, IReadOnlyList<ConfigEntry> entries, IReadOnlyList<Diagnostic> problems)
    {
        Files = files;
        Entries = entries;
        Problems = problems;
    }

    /// <summary>No configuration: every rule at its default severity with its default options.</summary>
    public static AnalyzerConfiguration Empty { get; } = new(Array.Empty<string>(), Array.Empty<ConfigEntry>(), Array.Empty<Diagnostic>());

    /// <summary>The files read, in the order their entries apply.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>Every <c>key = value</c> entry, in the order they apply (a later one wins).</summary>
    internal IReadOnlyList<ConfigEntry> Entries { get; }

    /// <summary>Problems found while reading (syntax errors, unreadable files), as VT0205 warnings.</summary>
    public IReadOnlyList<Diagnostic> Problems { get; }

    /// <summary>True when nothing was configured.</summary>
    public bool IsEmpty => Entries.Count == 0 && Problems.Count == 0;

    // Entries added after the files' own (they win): severities set in code.
    internal AnalyzerConfiguration With(IEnumerable<ConfigEntry> entries)
        => new(Files, Entries.Concat(entries).ToArray(), Problems);

    /// <summary>Parses configuration text; <paramref name="filePath"/> is used in locations only.</summary>
    public static AnalyzerConfiguration Parse(string text, string? filePath = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (entries, problems, _) = ConfigFileParser.Parse(text, filePath);
        return new AnalyzerConfiguration(filePath is null ? Array.Empty<string>() : new[] { filePath }, entries, problems);
    }

    /// <summary>Reads one configuration file. An unreadable file is a VT0205 problem, never an exception.</summary>
    public static AnalyzerConfiguration Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Combine(new[] { path });
    }

    /// <summary>
    /// Finds the configuration for a document: <c>.vertrieb40config</c> (and <c>.globalconfig</c>) files in
    /// the document's directory and every parent directory, up to a file that says <c>root = true</c>.
    /// </summary>
    public static AnalyzerConfiguration Discover(string documentPath)
    {
        ArgumentNullException.ThrowIfNull(documentPath);
        var files = FindFiles(documentPath);
        var configuration = Combine(files.Where(f => !LeavesItsDirectory(f)));
        var refused = files.Where(LeavesItsDirectory).Select(f => Diagnostic.Create(InputDescriptors.ConfigFileProblem, new Location(f, "", LineSpan.None),
            "the file is a symbolic link to a file outside its directory and was not read (discovery never follows a link out of the tree; pass the file with --config to use it)")).ToList();
        return refused.Count == 0 ? configuration
            : new AnalyzerConfiguration(configuration.Files, configuration.Entries, configuration.Problems.Concat(refused).ToList());
    }

    /// <summary>True for a discovered configuration file that is a link to a file outside the directory it was found in.</summary>
    internal static bool LeavesItsDirectory(string path)
    {
        try
        {
            if (new FileInfo(path).LinkTarget is null) return false;
            var directory = IO.FileGuard.RealPath(Path.GetDirectoryName(Path.GetFullPath(path))!);
            var target = IO.FileGuard.RealPath(path);
            return !target.StartsWith(directory.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return true; // cannot tell: do not follow
        }
    }

    /// <summary>The configuration files that apply to a document, farthest first (the nearest one wins).</summary>
    public static IReadOnlyList<string> FindFiles(string documentPath)
    {
        ArgumentNullException.ThrowIfNull(documentPath);
        var found = new List<string>();
        string? dir;
        try { dir = Path.GetDirectoryName(Path.GetFullPath(documentPath)); }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException) { return found; }
        for (; dir != null; dir = Path.GetDirectoryName(dir))
        {
            var stop = false;
            // Within one directory .globalconfig applies first, so .vertrieb40config (ours) wins.
            foreach (var name in new[] { FileName, GlobalConfigFileName })
            {
                var candidate = Path.Combine(dir, name);
                if (!File.Exists(candidate)) continue;
                found.Add(candidate);
                if (!LeavesItsDirectory(candidate) && ConfigFileParser.DeclaresRoot(candidate)) stop = true;
            }
            if (stop) break;
        }
        found.Reverse();
        return found;
    }

    /// <summary>Reads several files; entries of later files win.</summary>
    public static AnalyzerConfiguration Combine(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var files = new List<string>();
        var entries = new List<ConfigEntry>();
        var problems = new List<Diagnostic>();
        foreach (var path in paths)
        {
            files.Add(path);
            string text;
            try
            {
                // An empty configuration file configures nothing (and a pipe or device in its place is never opened).
                text = IO.FileGuard.Problem(path, ConfigFileParser.MaxFileBytes) == IO.FileGuard.EmptyOrSpecial ? ""
                    : IO.FileGuard.ReadAllText(path, ConfigFileParser.MaxFileBytes, "a configuration file is at most 1 MiB");
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException)
            {
                problems.Add(Diagnostic.Create(InputDescriptors.ConfigFileProblem, new Location(path, "", LineSpan.None),
                    "the file cannot be read: " + ex.Message.TrimEnd('.')));
                continue;
            }
            var (e, p, _) = ConfigFileParser.Parse(text, path);
            entries.AddRange(e);
            problems.AddRange(p);
        }
        return new AnalyzerConfiguration(files, entries, problems);
    }
}
