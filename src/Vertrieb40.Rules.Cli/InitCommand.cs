using Vertrieb40.Rules.Text;
using System.Diagnostics;
using Vertrieb40.Rules.Reading.Workbook;

namespace Vertrieb40.Rules.Cli;

/// <summary><c>vertrieb40 init --template workbook.xlsx [--culture de]</c>: writes the practice workbook to fill in.</summary>
internal static class InitCommand
{
    private static readonly HashSet<string> ValueOptions = new() { "--template", "--culture" };

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Contains("--help") || args.Contains("-h"))
        {
            stdout.Write(HelpText.Main);
            return ExitCodes.Success;
        }
        var cl = CommandLine.Parse(args, ValueOptions, new HashSet<string>());
        if (cl.Positionals.Count > 0) throw new UsageException($"init takes no positional arguments (got '{cl.Positionals[0]}').", $"init erwartet keine Positionsargumente (erhalten: „{cl.Positionals[0]}“).");
        var output = cl.Value("--template") ?? throw new UsageException("init needs --template FILE.xlsx.", "init braucht --template DATEI.xlsx.");
        if (!output.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)) throw new UsageException($"--template writes an Excel workbook: name it *.xlsx (got '{output}').", $"--template schreibt eine Excel-Arbeitsmappe: sie muss *.xlsx heißen (erhalten: „{output}“).");
        OutputGuard.CheckPath(output, "--template");
        var culture = Program.ParseCulture(cl.Value("--culture"));
        var sw = Stopwatch.StartNew();
        try
        {
            // Never replaces a file: a filled-in workbook is the user's work.
            using var stream = new FileStream(output, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None);
            WorkbookTemplate.Write(stream, culture);
        }
        catch (IOException ex) when (File.Exists(output) && ex is not DirectoryNotFoundException)
        {
            stderr.WriteLine(CliText.Say(culture, $"vertrieb40: '{TerminalText.Escape(output)}' exists; init never replaces a file (choose another name).",
                "vertrieb40: „{0}“ gibt es schon; init ersetzt nie eine Datei (einen anderen Namen wählen).", TerminalText.Escape(output)));
            return ExitCodes.InputError;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine(CliText.Say(culture, $"vertrieb40: cannot write '{TerminalText.Escape(output)}': {TerminalText.Escape(ex.Message.TrimEnd('.'))}.",
                "vertrieb40: „{0}“ kann nicht geschrieben werden: {1}.", TerminalText.Escape(output), TerminalText.Escape(ex.Message.TrimEnd('.'))));
            return ExitCodes.InputError;
        }
        stderr.WriteLine(CliText.Say(culture, $"Template written to {TerminalText.Escape(output)} in {sw.ElapsedMilliseconds} ms: fill it in, then run: vertrieb40 analyze {TerminalText.Escape(output)}",
            "Vorlage in {1} ms nach {0} geschrieben: ausfüllen, dann ausführen: vertrieb40 analyze {0} --culture de", TerminalText.Escape(output), sw.ElapsedMilliseconds));
        return ExitCodes.Success;
    }
}
