using Vertrieb40.Rules.Comparison;
using Vertrieb40.Rules.Text;

namespace Vertrieb40.Rules.Cli;

/// <summary>
/// <c>vertrieb40 trend &lt;snapshot|dir&gt;...</c>: orders snapshots by <c>organization.asOf</c> (else a date in the
/// file name) and writes the score over time, each finding's lifecycle and the largest improvements and regressions.
/// The snapshots are analysed <c>--parallel</c> at a time (default: one per core).
/// </summary>
internal static class TrendCommand
{
    private static readonly HashSet<string> ValueOptions = new(ComparisonSetup.ValueOptions.Append("--parallel"));
    private static readonly HashSet<string> Flags = new(ComparisonSetup.Flags.Append("--recursive"));

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, CliEnvironment env)
    {
        if (args.Contains("--help") || args.Contains("-h"))
        {
            stdout.Write(HelpText.Main);
            return ExitCodes.Success;
        }
        var cl = CommandLine.Parse(args, ValueOptions, Flags);
        if (cl.Positionals.Count == 0) throw new UsageException("trend needs snapshots: files (documents or results of 'analyze --format json') or a directory.", "trend braucht Stände: Dateien (Dokumente oder Ergebnisse von „analyze --format json“) oder ein Verzeichnis.");
        var parallel = cl.Value("--parallel") is { } p
            ? int.TryParse(p, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 1024 ? n
                : throw new UsageException($"--parallel takes a number of snapshots to analyse at once, 1 to 1024 (got '{p}').", $"--parallel erwartet die Zahl der gleichzeitig analysierten Stände, 1 bis 1024 (erhalten: „{p}“).")
            : Environment.ProcessorCount;
        var inputs = InputFiles.Expand(cl.Positionals, cl.Has("--recursive")).Select(i => i.Path).ToList();
        if (inputs.Count < 2) throw new UsageException($"trend needs at least two snapshots (got {inputs.Count}).", $"trend braucht mindestens zwei Stände (erhalten: {inputs.Count}).");
        var setup = ComparisonSetup.Create(cl, inputs);
        IReadOnlyList<SnapshotLoad> loads;
        try
        {
            loads = setup.Loader.LoadAll(inputs, parallel, env.Cancellation);
        }
        catch (OperationCanceledException)
        {
            stderr.WriteLine(CliText.Say(setup.Culture, "vertrieb40: interrupted: no trend written.", "vertrieb40: unterbrochen: kein Verlauf geschrieben."));
            return ExitCodes.Interrupted;
        }
        if (!ComparisonSetup.Report(loads, stdout, stderr, setup.Culture)) return ExitCodes.InputError;
        Trend trend;
        try
        {
            trend = Trend.Build(loads.Select(l => l.Snapshot!).ToList());
        }
        catch (ArgumentException ex)
        {
            // A snapshot without a date cannot be placed in time.
            throw new UsageException(ex.Message.Split(" (Parameter")[0]);
        }
        ComparisonSetup.Write(setup, w => TrendReport.Write(trend, setup.Format, w, setup.Report), stdout);
        if (setup.Output != null) stdout.WriteLine(TerminalText.Escape(CliText.Say(setup.Culture, $"trend of {trend.Snapshots.Count} snapshots written to {setup.Output}",
            "Verlauf aus {0:plural:one=# Stand|other=# Ständen} nach {1} geschrieben", trend.Snapshots.Count, setup.Output)));
        return ExitCodes.Success;
    }
}
