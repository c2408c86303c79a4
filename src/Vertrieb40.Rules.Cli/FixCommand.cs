using System.Text;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Fixes;
using Vertrieb40.Rules.Reading;

namespace Vertrieb40.Rules.Cli;

/// <summary>
/// <c>vertrieb40 fix &lt;file&gt; [--rule ID] [--dry-run] [--output PATH] [--in-place]</c>: applies every
/// available fix. Without --output or --in-place it shows a unified diff and writes nothing; the input is
/// only replaced with --in-place, and then atomically.
/// </summary>
internal static class FixCommand
{
    private static readonly HashSet<string> ValueOptions = new(new[] { "--rule", "--output", "--culture", "--config", "--suppressions", "--rule-option" });
    private static readonly HashSet<string> Flags = new() { "--dry-run", "--in-place" };

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Contains("--help") || args.Contains("-h"))
        {
            stdout.Write(HelpText.Main);
            return ExitCodes.Success;
        }
        var cl = CommandLine.Parse(args, ValueOptions, Flags);
        if (cl.Positionals.Count != 1) throw new UsageException("fix takes exactly one document.");
        var input = cl.Positionals[0];
        var output = cl.Value("--output");
        var inPlace = cl.Has("--in-place");
        var dryRun = cl.Has("--dry-run");
        if (inPlace && output != null) throw new UsageException("Use either --in-place or --output, not both.");
        if (output != null && string.Equals(Path.GetFullPath(output), Path.GetFullPath(input), StringComparison.Ordinal))
            throw new UsageException("--output names the input document; use --in-place to replace it.");

        var fixable = OrganizationFixer.BuiltInProviders.SelectMany(p => p.FixableDiagnosticIds).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var rules = cl.Values("--rule").SelectMany(r => r.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        foreach (var r in rules)
            if (!fixable.Contains(r))
                throw new UsageException($"There is no fix for '{r}'. Fixable: {string.Join(", ", fixable.OrderBy(x => x, StringComparer.Ordinal))}.");

        var culture = Program.ParseCulture(cl.Value("--culture"));
        var options = AnalysisSetup.Options(cl, culture);
        // The reader's checks first (existence, size limit, strict UTF-8, the document itself): a fix
        // is only offered for a document that reads without errors.
        var load = OrganizationReader.ReadFile(input, options.Reader);
        if (load.HasErrors)
        {
            foreach (var d in load.Diagnostics) stdout.WriteLine(d.ToString(culture));
            stderr.WriteLine("vertrieb40: nothing fixed: fix the input errors first.");
            return ExitCodes.InputError;
        }
        string text;
        try { text = File.ReadAllText(input, new UTF8Encoding(false, throwOnInvalidBytes: true)); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            stdout.WriteLine(Diagnostic.Create(InputDescriptors.FileUnreadable, new Location(input, "", LineSpan.None), ex.Message.TrimEnd('.')).ToString(culture));
            return ExitCodes.InputError;
        }

        var result = OrganizationFixer.Fix(text, input, null, options, rules);
        if (result.InputFailed)
        {
            foreach (var d in result.InputDiagnostics) stdout.WriteLine(d.ToString(culture));
            stderr.WriteLine("vertrieb40: nothing fixed: fix the input errors first.");
            return ExitCodes.InputError;
        }
        foreach (var f in result.Applied)
            stderr.WriteLine($"{f.Diagnostic.Location}: fixed {f.Diagnostic.Id}: {f.Title}");
        if (!result.Changed)
        {
            stderr.WriteLine("No fixable findings.");
            return ExitCodes.Success;
        }

        if (dryRun || (output is null && !inPlace))
        {
            stdout.Write(UnifiedDiff.Create(result.Original.Text, result.Fixed.Text, "a/" + Path.GetFileName(input), "b/" + Path.GetFileName(input)));
            stderr.WriteLine($"{result.Applied.Count} fix{(result.Applied.Count == 1 ? "" : "es")} shown; nothing written (use --output PATH or --in-place).");
            return ExitCodes.Success;
        }
        var target = inPlace ? input : output!;
        // Keep a byte-order mark the input had: nothing the user gave is lost.
        AtomicFile(target, (StartsWithUtf8Bom(input) ? "\uFEFF" : "") + result.Fixed.Text);
        stderr.WriteLine($"{result.Applied.Count} fix{(result.Applied.Count == 1 ? "" : "es")} written to {target}.");
        return ExitCodes.Success;
    }

    private static bool StartsWithUtf8Bom(string path)
    {
        Span<byte> head = stackalloc byte[3];
        using var f = File.OpenRead(path);
        return f.Read(head) == 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF;
    }

    private static void AtomicFile(string path, string text)
        => Reporting.AtomicFile.WriteText(path, w => w.Write(text));
}
