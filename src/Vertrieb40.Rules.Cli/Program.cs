using Vertrieb40.Rules.Text;
using System.Globalization;
using System.Text;

namespace Vertrieb40.Rules.Cli;

/// <summary>The <c>vertrieb40</c> command: thin over the library (arguments, files, exit codes).</summary>
public static class Program
{
    /// <summary>Entry point.</summary>
    public static int Main(string[] args)
    {
        Console.OutputEncoding = new UTF8Encoding(false);
        using var interrupted = new CancellationTokenSource();
        // First Ctrl+C: start no new files, finish the running ones, write complete reports and a summary.
        // A second Ctrl+C ends the process at once (atomic writes still leave no half-written report).
        Console.CancelKeyPress += (_, e) =>
        {
            if (interrupted.IsCancellationRequested) return;
            e.Cancel = true;
            Console.Error.WriteLine();
            Console.Error.WriteLine("vertrieb40: interrupted; finishing the files in progress (press Ctrl+C again to stop at once)");
            interrupted.Cancel();
        };
        var env = new CliEnvironment { InteractiveErrorOutput = !Console.IsErrorRedirected, Cancellation = interrupted.Token };
        return Run(args, Console.Out, Console.Error, env);
    }

    /// <summary>Runs the tool with the given arguments and writers (used by tests).</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
        => Run(args, stdout, stderr, CliEnvironment.Default);

    internal static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, CliEnvironment env)
    {
        try
        {
            if (args.Count == 0 || args[0] is "--help" or "-h" or "help")
            {
                stdout.Write(HelpText.Main);
                return args.Count == 0 ? ExitCodes.InputError : ExitCodes.Success;
            }
            if (args[0] is "--version")
            {
                stdout.WriteLine(typeof(Program).Assembly.GetName().Version?.ToString(3));
                return ExitCodes.Success;
            }
            var rest = args.Skip(1).ToArray();
            return args[0] switch
            {
                "analyze" => AnalyzeCommand.Run(rest, stdout, stderr, env),
                "rules" => RulesCommand.Run(rest, stdout, stderr),
                "sarif" => SarifCommand.Run(rest, stdout, stderr),
                "baseline" => BaselineCommand.Run(rest, stdout, stderr),
                "fix" => FixCommand.Run(rest, stdout, stderr),
                "generate" => GenerateCommand.Run(rest, stdout, stderr),
                "diff" => DiffCommand.Run(rest, stdout, stderr, env),
                "trend" => TrendCommand.Run(rest, stdout, stderr, env),
                "init" => InitCommand.Run(rest, stdout, stderr),
                _ => throw new UsageException($"Unknown command '{args[0]}'.", $"Unbekannter Befehl „{args[0]}“."),
            };
        }
        catch (SetupException ex)
        {
            // A suppressions or baseline file that cannot be used: compiler-style lines, no analysis.
            foreach (var d in ex.Diagnostics) stderr.WriteLine(d.ToString(ex.Culture));
            return ExitCodes.InputError;
        }
        catch (UsageException ex)
        {
            // In the language asked for: --culture, else the user's UI language (the same choice as the reports).
            var culture = CultureOfArguments(args);
            stderr.WriteLine("vertrieb40: " + Text.TerminalText.Escape(ex.MessageIn(culture)));
            stderr.WriteLine(culture.TwoLetterISOLanguageName == "de" ? "Die Verwendung zeigt „vertrieb40 --help“." : "Run 'vertrieb40 --help' for usage.");
            return ExitCodes.InputError;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Every input is read into diagnostics; what is left is the environment: a full disk, a read-only
            // directory, a closed standard output, a name too long. A usage/environment error, not a bug.
            TryWriteLine(stderr, CliText.Say(CultureOfArguments(args), "vertrieb40: cannot write: " + Text.TerminalText.Escape(ex.Message.TrimEnd('.')) + ".",
                "vertrieb40: Schreiben nicht möglich: {0}.", Text.TerminalText.Escape(ex.Message.TrimEnd('.'))));
            return ExitCodes.InputError;
        }
        catch (Exception ex)
        {
            // A bug in the tool: say so plainly, without a stack trace unless asked for.
            var culture = CultureOfArguments(args);
            stderr.WriteLine(CliText.Say(culture, $"vertrieb40: internal error: {ex.GetType().Name}: {ex.Message}", "vertrieb40: interner Fehler: {0}: {1}", ex.GetType().Name, ex.Message));
            if (Environment.GetEnvironmentVariable("VERTRIEB40_DEBUG") == "1") stderr.WriteLine(ex);
            else stderr.WriteLine(CliText.Say(culture, "Set VERTRIEB40_DEBUG=1 to see details, and please report this.", "VERTRIEB40_DEBUG=1 zeigt Einzelheiten; bitte diesen Fehler melden."));
            return ExitCodes.InternalError;
        }
    }

    private static void TryWriteLine(TextWriter w, string line)
    {
        try { w.WriteLine(line); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ObjectDisposedException) { }
    }

    /// <summary>The culture the arguments ask for (<c>--culture de</c>, <c>--culture=de</c>), else the UI language; English when unclear.</summary>
    internal static CultureInfo CultureOfArguments(IReadOnlyList<string> args)
    {
        string? value = null;
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--culture" && i + 1 < args.Count) value = args[i + 1];
            else if (args[i].StartsWith("--culture=", StringComparison.Ordinal)) value = args[i]["--culture=".Length..];
        }
        try
        {
            return ParseCulture(value);
        }
        catch (UsageException)
        {
            return CultureInfo.GetCultureInfo("en");
        }
    }

    internal static CultureInfo ParseCulture(string? value)
    {
        if (value is null)
        {
            var ui = CultureInfo.CurrentUICulture;
            return ui.TwoLetterISOLanguageName == "de" ? CultureInfo.GetCultureInfo("de") : CultureInfo.GetCultureInfo("en");
        }
        return value.ToLowerInvariant() switch
        {
            "en" => CultureInfo.GetCultureInfo("en"),
            "de" => CultureInfo.GetCultureInfo("de"),
            _ => throw new UsageException($"Option --culture must be en or de (got '{value}').", $"Die Option --culture erwartet en oder de (angegeben: „{value}“)."),
        };
    }
}
