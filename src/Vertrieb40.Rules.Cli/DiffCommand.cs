using System.Globalization;
using Vertrieb40.Rules.Comparison;

namespace Vertrieb40.Rules.Cli;

/// <summary>
/// <c>vertrieb40 diff &lt;before&gt; &lt;after&gt;</c>: compares two snapshots (documents or saved JSON results) —
/// new, resolved, changed and unchanged findings, the score change, the people each rule reaches.
/// Exit code 1 when a new finding reaches <c>--fail-on-new</c> (default none), 2 for input or usage errors.
/// </summary>
internal static class DiffCommand
{
    private static readonly HashSet<string> ValueOptions = new(ComparisonSetup.ValueOptions.Append("--fail-on-new"));
    private static readonly HashSet<string> Flags = new(ComparisonSetup.Flags);

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, CliEnvironment env)
    {
        if (args.Contains("--help") || args.Contains("-h"))
        {
            stdout.Write(HelpText.Main);
            return ExitCodes.Success;
        }
        var cl = CommandLine.Parse(args, ValueOptions, Flags);
        if (cl.Positionals.Count != 2) throw new UsageException("diff takes two snapshots: vertrieb40 diff <before> <after> (documents or results of 'analyze --format json').", "diff erwartet zwei Stände: vertrieb40 diff <vorher> <nachher> (Dokumente oder Ergebnisse von „analyze --format json“).");
        var failOn = cl.OneOf("--fail-on-new", "none", "error", "warning", "info", "none");
        var setup = ComparisonSetup.Create(cl, cl.Positionals);
        IReadOnlyList<SnapshotLoad> loads;
        try
        {
            loads = setup.Loader.LoadAll(cl.Positionals, 2, env.Cancellation);
        }
        catch (OperationCanceledException)
        {
            stderr.WriteLine(CliText.Say(setup.Culture, "vertrieb40: interrupted: no diff written.", "vertrieb40: unterbrochen: kein Vergleich geschrieben."));
            return ExitCodes.Interrupted;
        }
        if (!ComparisonSetup.Report(loads, stdout, stderr, setup.Culture)) return ExitCodes.InputError;
        var diff = SnapshotDiff.Compare(loads[0].Snapshot!, loads[1].Snapshot!);
        ComparisonSetup.Write(setup, w => DiffReport.Write(diff, setup.Format, w, setup.Report), stdout);
        var threshold = ComparisonSetup.Threshold(failOn);
        var failing = threshold is { } t ? diff.NewAtOrAbove(t) : 0;
        if (setup.Output != null)
            stdout.WriteLine(CliText.Say(setup.Culture, string.Create(CultureInfo.InvariantCulture, $"diff written to {setup.Output} — {diff.OfKind(FindingChangeKind.New).Count()} new, {diff.OfKind(FindingChangeKind.Resolved).Count()} resolved; exit code {(failing > 0 ? "1 because of --fail-on-new " + failOn : "0")}"),
                "Vergleich nach {0} geschrieben — {1} neu, {2} behoben; Exit-Code {3}", setup.Output, diff.OfKind(FindingChangeKind.New).Count(), diff.OfKind(FindingChangeKind.Resolved).Count(), failing > 0 ? "1 wegen --fail-on-new " + failOn : "0"));
        return failing > 0 ? ExitCodes.Findings : ExitCodes.Success;
    }
}
