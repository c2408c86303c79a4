using Vertrieb40.Rules.Text;
using Vertrieb40.Rules.IO;
using System.Text;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Fixes;
using Vertrieb40.Rules.Reading;
using Vertrieb40.Rules.Reporting;

namespace Vertrieb40.Rules.Cli;

/// <summary>
/// <c>vertrieb40 fix &lt;file&gt; [--rule ID] [--dry-run] [--output PATH] [--in-place]</c>: applies every
/// available fix. Without --output or --in-place it shows a unified diff and writes nothing; the input is
/// only replaced with --in-place, and then atomically.
/// </summary>
internal static class FixCommand
{
    private static readonly HashSet<string> ValueOptions = new(new[] { "--rule", "--output", "--culture", "--config", "--suppressions", "--rule-option", "--rule-time-budget" });
    private static readonly HashSet<string> Flags = new() { "--dry-run", "--in-place" };

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr) => Run(args, stdout, stderr, null);

    /// <summary>As <see cref="Run(IReadOnlyList{string}, TextWriter, TextWriter)"/>; <paramref name="whileFixing"/> runs between reading and writing (tests use it to edit the file meanwhile).</summary>
    internal static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, Action? whileFixing)
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
        if (output != null)
        {
            OutputGuard.CheckPath(output, "--output");
            if (IO.FileGuard.SameFile(output, input)) throw new UsageException("--output names the input document; use --in-place to replace it.");
            new OutputGuard().ProtectInputs(new[] { input }).ProtectSideFiles(cl).Check(output, "--output");
        }

        var fixable = OrganizationFixer.BuiltInProviders.SelectMany(p => p.FixableDiagnosticIds).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var rules = cl.Values("--rule").SelectMany(r => r.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        foreach (var r in rules)
            if (!fixable.Contains(r))
                throw new UsageException($"There is no fix for '{r}'. Fixable: {string.Join(", ", fixable.OrderBy(x => x, StringComparer.Ordinal))}.");

        var culture = Program.ParseCulture(cl.Value("--culture"));
        var options = AnalysisSetup.Options(cl, culture);
        // The reader's checks first (existence, size limit, strict UTF-8, the document itself): a fix
        // is only offered for a document that reads without errors.
        LoadResult? load = OrganizationReader.ReadFile(input, options.Reader);
        if (load.HasErrors)
        {
            foreach (var d in load.Diagnostics) stdout.WriteLine(d.ToString(culture));
            stderr.WriteLine("vertrieb40: nothing fixed: fix the input errors first.");
            return ExitCodes.InputError;
        }
        string text;
        // What was read, to tell an edit made meanwhile: the length and a hash (keeping the bytes cost as much
        // memory as the file).
        (long Length, byte[] Hash) original;
        bool bom;
        try
        {
            text = ReadText(input, out original, out bom);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            stdout.WriteLine(Diagnostic.Create(InputDescriptors.FileUnreadable, new Location(input, "", LineSpan.None), ex.Message.TrimEnd('.')).ToString(culture));
            return ExitCodes.InputError;
        }

        // By reference: Fix clears the variable, so the model can go before the fixed text is checked.
        var result = OrganizationFixer.Fix(text, input, null, options, rules, null, ref load);
        if (result.InputFailed)
        {
            foreach (var d in result.InputDiagnostics) stdout.WriteLine(d.ToString(culture));
            stderr.WriteLine("vertrieb40: nothing fixed: fix the input errors first.");
            return ExitCodes.InputError;
        }
        void ReportApplied()
        {
            foreach (var f in result.Applied)
                stderr.WriteLine(TerminalText.Escape($"{f.Diagnostic.Location}: fixed {f.Diagnostic.Id}: {f.Title}"));
        }
        if (!result.Changed)
        {
            ReportApplied();
            stderr.WriteLine("No fixable findings.");
            return ExitCodes.Success;
        }

        if (dryRun || (output is null && !inPlace))
        {
            ReportApplied();
            stdout.Write(UnifiedDiff.Create(result.Original.Text, result.Fixed.Text, "a/" + Path.GetFileName(input), "b/" + Path.GetFileName(input)));
            stderr.WriteLine($"{result.Applied.Count} fix{(result.Applied.Count == 1 ? "" : "es")} shown; nothing written (use --output PATH or --in-place).");
            return ExitCodes.Success;
        }
        var target = inPlace ? input : output!;
        whileFixing?.Invoke();
        try
        {
            // In place: an edit made while fix ran must not be overwritten. The file is compared with what was read
            // just before the rename; a link is followed (its target is fixed, the link stays), the mode is kept.
            IO.AtomicFile.WriteText(target, w =>
                {
                    if (bom) w.Write('\uFEFF');
                    w.Write(result.Fixed.Text);
                },
                inPlace ? path => EnsureUnchanged(path, original) : null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Nothing was written, so no "fixed" lines: they would claim what did not happen.
            stderr.WriteLine($"vertrieb40: nothing written to '{TerminalText.Escape(target)}': {TerminalText.Escape(ex.Message.TrimEnd('.'))}.");
            return ExitCodes.InputError;
        }
        ReportApplied();
        stderr.WriteLine($"{result.Applied.Count} fix{(result.Applied.Count == 1 ? "" : "es")} written to {target}.");
        return ExitCodes.Success;
    }

    // A method of its own, so that the bytes are garbage once the text is decoded (a caller's local would keep them).
    private static string ReadText(string input, out (long Length, byte[] Hash) original, out bool bom)
    {
        var bytes = File.ReadAllBytes(input);
        original = (bytes.LongLength, System.Security.Cryptography.SHA256.HashData(bytes));
        // Keep a byte-order mark the input had: nothing the user gave is lost.
        bom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;
        return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, bom ? 3 : 0, bytes.Length - (bom ? 3 : 0));
    }

    /// <summary>Throws when the file no longer holds the bytes fix read (someone edited it meanwhile).</summary>
    private static void EnsureUnchanged(string path, (long Length, byte[] Hash) original)
    {
        var info = new FileInfo(path);
        bool same;
        if (!info.Exists || info.Length != original.Length) same = false;
        else
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16, FileOptions.SequentialScan);
            same = System.Security.Cryptography.SHA256.HashData(stream).AsSpan().SequenceEqual(original.Hash);
        }
        if (!same) throw new IOException("the file changed while fix ran; run fix again on the new content");
    }
}
