using Vertrieb40.Rules.IO;
using Vertrieb40.Rules.Reporting;

namespace Vertrieb40.Rules.Cli;

/// <summary><c>vertrieb40 sarif merge &lt;in...&gt; -o out.sarif</c>: merges SARIF logs from shards into one.</summary>
internal static class SarifCommand
{
    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Count == 0 || args[0] != "merge")
            throw new UsageException("sarif needs a sub-command: sarif merge <in.sarif>... -o <out.sarif>.", "sarif braucht einen Unterbefehl: sarif merge <ein.sarif>... -o <aus.sarif>.");
        var cl = CommandLine.Parse(args.Skip(1).ToArray(), new HashSet<string> { "-o", "--output" }, new HashSet<string>());
        if (cl.Positionals.Count == 0) throw new UsageException("sarif merge needs at least one input log.", "sarif merge braucht mindestens ein Eingabe-Log.");
        var output = cl.Value("-o") ?? cl.Value("--output");
        foreach (var input in cl.Positionals)
            if (!File.Exists(input)) throw new UsageException($"SARIF log '{input}' does not exist.", $"Das SARIF-Log „{input}“ existiert nicht.");
        if (output != null)
        {
            var guard = new OutputGuard();
            foreach (var input in cl.Positionals) guard.Protect(input, "an input log");
            guard.Check(output, "-o");
        }
        try
        {
            if (output is null) SarifMerge.MergeFiles(cl.Positionals, stdout);
            else AtomicFile.WriteText(output, w => SarifMerge.MergeFiles(cl.Positionals, w));
        }
        catch (Exception ex) when (ex is InvalidDataException or Newtonsoft.Json.JsonException)
        {
            stderr.WriteLine("vertrieb40: " + ex.Message);
            return ExitCodes.InputError;
        }
        return ExitCodes.Success;
    }
}
