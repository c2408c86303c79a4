using Vertrieb40.Rules.IO;
using System.Reflection;
using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Baselines;
using Vertrieb40.Rules.Configuration;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Model;
using Vertrieb40.Rules.Suppressions;

namespace Vertrieb40.Rules.Cli;

/// <summary>A problem in a file given by option (suppressions, baseline): reported with file, line and column; exit code 2.</summary>
internal sealed class SetupException(IReadOnlyList<Diagnostic> diagnostics, System.Globalization.CultureInfo culture) : Exception("invalid input file")
{
    public IReadOnlyList<Diagnostic> Diagnostics { get; } = diagnostics;

    /// <summary>The language of the run (<c>--culture</c>): the lines are written in it.</summary>
    public System.Globalization.CultureInfo Culture { get; } = culture;
}

/// <summary>
/// The options analyze, baseline and fix share: configuration, suppressions, rule options, custom rule
/// assemblies, --warnaserror. Turns them into an analyzer and <see cref="AnalysisOptions"/>.
/// </summary>
internal static class AnalysisSetup
{
    public static readonly string[] ValueOptions = { "--config", "--suppressions", "--rule-option", "--rules-assembly", "--rule-time-budget" };

    /// <summary>Takes <c>--warnaserror</c>, <c>--warnaserror:ID,ID</c> and <c>--warnaserror=ID,ID</c> out of the arguments (the parser knows no ':' syntax).</summary>
    public static (List<string> Remaining, bool All, List<string> Ids) ExtractWarnAsError(IReadOnlyList<string> args)
    {
        var rest = new List<string>();
        var all = false;
        var ids = new List<string>();
        foreach (var a in args)
        {
            if (a == "--warnaserror" || a == "--warnaserror+") { all = true; continue; }
            if (a.StartsWith("--warnaserror:", StringComparison.Ordinal) || a.StartsWith("--warnaserror=", StringComparison.Ordinal))
            {
                var list = a["--warnaserror:".Length..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                if (list.Length == 0) throw new UsageException("--warnaserror: needs rule ids, e.g. --warnaserror:VT1009,VT1010.", "--warnaserror: braucht Regel-IDs, z. B. --warnaserror:VT1009,VT1010.");
                ids.AddRange(list);
                continue;
            }
            rest.Add(a);
        }
        return (rest, all, ids);
    }

    public static OrganizationAnalyzer Analyzer(CommandLine cl)
    {
        var paths = cl.Values("--rules-assembly");
        if (paths.Count == 0) return OrganizationAnalyzer.Default;
        var assemblies = new List<Assembly>();
        foreach (var p in paths)
        {
            // Only explicit paths: nothing is loaded from the working directory or by name.
            var full = Path.GetFullPath(RequireFile(p, "--rules-assembly", 256L * 1024 * 1024)!);
            Assembly assembly;
            try { assembly = Assembly.LoadFrom(full); }
            catch (BadImageFormatException) { throw new UsageException($"--rules-assembly: '{p}' is not a .NET assembly.", $"--rules-assembly: „{p}“ ist keine .NET-Assembly."); }
            catch (FileLoadException ex) { throw new UsageException($"--rules-assembly: '{p}' cannot be loaded: {ex.Message}", $"--rules-assembly: „{p}“ kann nicht geladen werden: {ex.Message}"); }
            Type[] types;
            try { types = assembly.GetTypes(); }
            catch (ReflectionTypeLoadException ex)
            {
                throw new UsageException($"--rules-assembly: '{p}' cannot be loaded: {ex.LoaderExceptions.FirstOrDefault(e => e != null)?.Message ?? ex.Message}", $"--rules-assembly: „{p}“ kann nicht geladen werden: {ex.LoaderExceptions.FirstOrDefault(e => e != null)?.Message ?? ex.Message}");
            }
            if (!types.Any(t => typeof(OrganizationRule).IsAssignableFrom(t) && !t.IsAbstract))
                throw new UsageException($"--rules-assembly: '{p}' holds no rule (a class deriving from OrganizationRule).", $"--rules-assembly: „{p}“ enthält keine Regel (eine von OrganizationRule abgeleitete Klasse).");
            assemblies.Add(assembly);
        }
        try { return OrganizationAnalyzer.Create(assemblies); }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new UsageException($"--rules-assembly: the rules cannot be compiled: {ex.Message}", $"--rules-assembly: die Regeln lassen sich nicht übersetzen: {ex.Message}");
        }
    }

    public static AnalysisOptions Options(CommandLine cl, System.Globalization.CultureInfo culture, bool warningsAsErrors = false, IReadOnlyCollection<string>? warnIds = null)
    {
        var ruleOptions = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var o in cl.Values("--rule-option"))
        {
            var eq = o.IndexOf('=');
            if (eq <= 0 || !o[..eq].Contains('.')) throw new UsageException($"--rule-option takes ID.option=value (got '{o}').", $"--rule-option erwartet ID.option=Wert (erhalten: „{o}“).");
            ruleOptions[o[..eq].Trim()] = o[(eq + 1)..].Trim();
        }
        var options = new AnalysisOptions
        {
            RuleOptions = new RuleOptions(ruleOptions),
            DiscoverConfiguration = true,
            WarningsAsErrors = warningsAsErrors,
            WarningsAsErrorsIds = warnIds is { Count: > 0 } ? warnIds : null,
        };
        if (cl.Value("--rule-time-budget") is { } budget)
        {
            // Seconds; 0 turns the budget off (the rules then run on the calling thread, as before).
            if (!double.TryParse(budget, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
                || !double.IsFinite(seconds) || seconds < 0 || seconds > 86_400)
                throw new UsageException($"--rule-time-budget takes seconds from 0 (no budget) to 86400 (got '{budget}').", $"--rule-time-budget erwartet Sekunden von 0 (keine Grenze) bis 86400 (erhalten: „{budget}“).");
            options.RuleTimeBudget = seconds == 0 ? null : TimeSpan.FromSeconds(seconds);
        }
        if (cl.Value("--config") is { } config)
        {
            RequireFile(config, "--config");
            options.Configuration = AnalyzerConfiguration.Load(config);
        }
        foreach (var file in cl.Values("--suppressions"))
        {
            RequireFile(file, "--suppressions");
            var errors = options.AddSuppressionFile(file);
            if (errors.Count > 0) throw new SetupException(errors, culture);
        }
        return options;
    }

    /// <summary>
    /// A file given by option must be a regular file within its size limit: a directory, a pipe, a device or a
    /// missing file is a usage error that says which (never opened, so nothing blocks).
    /// </summary>
    public static string? RequireFile(string? path, string option, long maxBytes = IO.FileGuard.SideFileLimit)
    {
        if (path is null) return null;
        if (path.Length == 0) throw new UsageException($"Option {option} needs a file name (got an empty one).", $"Die Option {option} braucht einen Dateinamen (erhalten: einen leeren).");
        if (IO.FileGuard.Problem(path, maxBytes, $"{option} files are read whole") is { } problem)
            throw new UsageException($"{option}: '{path}' cannot be used: {problem}.");
        return path;
    }

    public static Baseline ReadBaseline(string path, System.Globalization.CultureInfo culture)
    {
        if (!File.Exists(path) && !Directory.Exists(path) && new FileInfo(path).LinkTarget is null)
            throw new UsageException($"--baseline: '{path}' does not exist (create it with 'vertrieb40 baseline create').", $"--baseline: „{path}“ existiert nicht (anlegen mit „vertrieb40 baseline create“).");
        RequireFile(path, "--baseline", Baseline.MaxFileBytes);
        var read = Baseline.Read(path);
        if (read.HasErrors) throw new SetupException(read.Diagnostics, culture);
        return read.Baseline!;
    }
}
