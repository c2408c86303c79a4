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
        if (cl.Positionals.Count > 0) throw new UsageException($"init takes no positional arguments (got '{cl.Positionals[0]}').");
        var output = cl.Value("--template") ?? throw new UsageException("init needs --template FILE.xlsx.");
        if (!output.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)) throw new UsageException($"--template writes an Excel workbook: name it *.xlsx (got '{output}').");
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
            stderr.WriteLine($"vertrieb40: '{TerminalText.Escape(output)}' exists; init never replaces a file (choose another name).");
            return ExitCodes.InputError;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"vertrieb40: cannot write '{TerminalText.Escape(output)}': {TerminalText.Escape(ex.Message.TrimEnd('.'))}.");
            return ExitCodes.InputError;
        }
        stderr.WriteLine($"Template written to {TerminalText.Escape(output)} in {sw.ElapsedMilliseconds} ms: fill it in, then run: vertrieb40 analyze {TerminalText.Escape(output)}");
        return ExitCodes.Success;
    }
}
