using Vertrieb40.Rules.Reporting;

namespace Vertrieb40.Rules.Cli;

internal static class RulesCommand
{
    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var cl = CommandLine.Parse(args, new HashSet<string> { "--format", "--culture", "--rules-assembly" }, new HashSet<string>());
        var format = cl.OneOf("--format", "text", "text", "json");
        var culture = Program.ParseCulture(cl.Value("--culture"));
        var descriptors = AnalysisSetup.Analyzer(cl).SupportedDiagnostics;
        if (format == "json") RuleCatalog.WriteJson(descriptors, stdout, culture);
        else RuleCatalog.WriteText(descriptors, stdout, culture);
        return ExitCodes.Success;
    }
}
