using Vertrieb40.Rules.IO;
using Vertrieb40.Rules.Configuration;
using Vertrieb40.Rules.Reading.HrExport;
using Vertrieb40.Rules.Reading;

namespace Vertrieb40.Rules.Cli;

/// <summary>
/// Nothing the user gave is ever replaced by an output of the same run: every output path is compared with every
/// input and side file (links followed) before anything is analysed or written, and output paths that cannot work
/// (empty, a directory) are usage errors (exit code 2) instead of failures later. Regular files are also compared by
/// identity (device and inode), which catches a hard link to an input; where the platform cannot tell
/// (<see cref="NativeFile.IsSupported"/> is false, e.g. Windows) only paths are compared.
/// </summary>
internal sealed class OutputGuard
{
    private readonly Dictionary<string, string> _protected = new(FileGuard.PathComparer);
    private readonly Dictionary<(ulong, ulong), string> _protectedIds = new();

    /// <summary>Protects a file of the run; <paramref name="what"/> names it in the message ("the input", "the --baseline file").</summary>
    public OutputGuard Protect(string? path, string what)
    {
        if (string.IsNullOrEmpty(path)) return this;
        try { _protected.TryAdd(FileGuard.RealPath(path), what); }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or IOException) { }
        // Only regular files: /dev/stdin and /dev/stdout can be one terminal, and that is no collision.
        if (NativeFile.Stat(path) is { IsRegularFile: true } status) _protectedIds.TryAdd(status.Identity, what);
        return this;
    }

    /// <summary>Protects every input with the side files found next to it (practices file, configuration files).</summary>
    public OutputGuard ProtectInputs(IEnumerable<string> inputs)
    {
        var directories = new HashSet<string>(FileGuard.PathComparer);
        foreach (var input in inputs)
        {
            Protect(input, "the input");
            if (HrExportReader.IsHrExport(input)) Protect(HrExportOptions.SiblingPracticesFile(input), "the practices file of an input");
            // The configuration files depend only on the directory: looked up once per directory of a large batch.
            if (directories.Add(Path.GetDirectoryName(Path.GetFullPath(input)) ?? ""))
                foreach (var config in AnalyzerConfiguration.FindFiles(input)) Protect(config, "a configuration file");
        }
        return this;
    }

    /// <summary>Protects the side files named by the options shared by analyze, baseline and fix.</summary>
    public OutputGuard ProtectSideFiles(CommandLine cl)
    {
        foreach (var option in new[] { "--practices", "--mapping", "--calendar", "--config", "--suppressions", "--baseline", "--pseudonym-key-file", "--rules-assembly" })
            foreach (var v in cl.Values(option)) Protect(v, $"the {option} file");
        return this;
    }

    /// <summary>Throws a usage error when <paramref name="output"/> would replace a protected file, is empty or is a directory.</summary>
    /// <param name="output">The output path.</param>
    /// <param name="subject">What is written there, for the message ("--output", "The batch summary").</param>
    public void Check(string output, string subject)
    {
        CheckPath(output, subject);
        var real = FileGuard.RealPath(output);
        if (_protected.TryGetValue(real, out var what))
            throw new UsageException($"{subject} would replace {what} '{output}'; an output never replaces a file the run reads. Choose another path.");
        if (_protectedIds.Count > 0 && NativeFile.Stat(output) is { IsRegularFile: true } status && _protectedIds.TryGetValue(status.Identity, out what))
            throw new UsageException($"{subject} would replace {what} '{output}' (the same file through a hard link); an output never replaces a file the run reads. Choose another path.");
    }

    /// <summary>An output path that can never work is a usage error: empty, or an existing directory.</summary>
    public static void CheckPath(string output, string option)
    {
        if (output.Length == 0) throw new UsageException($"Option {option} needs a file name (got an empty one).", $"Die Option {option} braucht einen Dateinamen (erhalten: einen leeren).");
        if (Directory.Exists(output)) throw new UsageException($"{option} '{output}' is a directory; give a file name.", $"{option} „{output}“ ist ein Verzeichnis; bitte einen Dateinamen angeben.");
    }

    /// <summary><c>--output-dir</c> must be a directory or not exist yet.</summary>
    public static void CheckDirectory(string outputDir)
    {
        if (outputDir.Length == 0) throw new UsageException("Option --output-dir needs a directory name (got an empty one).", "Die Option --output-dir braucht einen Verzeichnisnamen (erhalten: einen leeren).");
        if (File.Exists(outputDir) && !Directory.Exists(outputDir))
            throw new UsageException($"--output-dir '{outputDir}' is a file, not a directory.", $"--output-dir „{outputDir}“ ist eine Datei, kein Verzeichnis.");
    }
}
