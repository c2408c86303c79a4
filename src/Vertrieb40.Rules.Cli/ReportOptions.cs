using System.Globalization;
using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Reporting;

namespace Vertrieb40.Rules.Cli;

/// <summary>
/// The options that shape a report rather than the analysis: privacy (--min-group-size, --show-names), where
/// paths are relative to (--source-root), rule links (--rule-link-base) and branding (--title, --author, --date,
/// --logo). One place builds every <see cref="ReportContext"/> of a run.
/// </summary>
internal sealed class ReportOptions
{
    public static readonly string[] ValueOptions = { "--min-group-size", "--source-root", "--rule-link-base", "--title", "--author", "--date", "--logo" };

    public required CultureInfo Culture { get; init; }
    public int MinimumGroupSize { get; init; } = 5;
    public bool IncludeTimings { get; init; }
    public bool ShowNames { get; init; }
    public required string SourceRoot { get; init; }
    public string? RuleLinkBase { get; init; }
    public string AutomationCategory { get; init; } = "default";
    public ReportBranding Branding { get; init; } = new();

    public static ReportOptions Parse(CommandLine cl, CultureInfo culture)
    {
        var sourceRoot = cl.Value("--source-root");
        if (sourceRoot != null && !Directory.Exists(sourceRoot)) throw new UsageException($"--source-root: the directory '{sourceRoot}' does not exist.", $"--source-root: das Verzeichnis „{sourceRoot}“ existiert nicht.");
        var linkBase = cl.Value("--rule-link-base");
        if (linkBase != null && !(Uri.TryCreate(linkBase, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp)))
            throw new UsageException($"--rule-link-base takes an http(s) address, e.g. https://example.org/vertrieb40/rules/ (got '{linkBase}').", $"--rule-link-base erwartet eine http(s)-Adresse, z. B. https://example.org/vertrieb40/rules/ (erhalten: „{linkBase}“).");
        var date = cl.Value("--date");
        if (date != null && date.Length > 40) throw new UsageException("--date takes a short date text (at most 40 characters).", "--date erwartet einen kurzen Datumstext (höchstens 40 Zeichen).");
        string? logo = null;
        if (cl.Value("--logo") is { } logoPath)
        {
            if (!File.Exists(logoPath)) throw new UsageException($"--logo: the file '{logoPath}' does not exist.", $"--logo: die Datei „{logoPath}“ existiert nicht.");
            var info = new FileInfo(logoPath);
            if (info.Length > ReportLogo.MaxBytes) throw new UsageException($"--logo: '{logoPath}' has {info.Length} bytes; at most {ReportLogo.MaxBytes} are accepted.", $"--logo: „{logoPath}“ hat {info.Length} Bytes; höchstens {ReportLogo.MaxBytes} werden angenommen.");
            try { logo = ReportLogo.ToDataUri(File.ReadAllBytes(logoPath)); }
            catch (InvalidDataException ex) { throw new UsageException($"--logo: '{logoPath}': {ex.Message}", $"--logo: „{logoPath}“: {ex.Message}"); }
        }
        var config = cl.Value("--config");
        return new ReportOptions
        {
            Culture = culture,
            MinimumGroupSize = MinimumGroupSizeOf(cl.Value("--min-group-size")),
            IncludeTimings = cl.Has("--report-timings"),
            ShowNames = cl.Has("--show-names"),
            SourceRoot = Path.GetFullPath(sourceRoot ?? GitWorkTreeRoot(Directory.GetCurrentDirectory()) ?? Directory.GetCurrentDirectory()),
            RuleLinkBase = linkBase,
            // One code-scanning category per configuration, so runs with different configurations coexist.
            AutomationCategory = config is null ? "default" : AutomationSafe(Path.GetFileNameWithoutExtension(config)),
            Branding = new ReportBranding { Title = cl.Value("--title"), Author = cl.Value("--author"), Date = date, LogoDataUri = logo },
        };
    }

    public ReportContext Context(IReadOnlyList<AnalysisResult> results, IReadOnlyList<DiagnosticDescriptor> descriptors, string? nextStepCommand = null) => new(results, descriptors, Culture)
    {
        NextStepCommand = nextStepCommand,
        IncludeRuleTimings = IncludeTimings,
        MinimumGroupSize = MinimumGroupSize,
        ShowNames = ShowNames,
        BaseDirectory = SourceRoot,
        RuleLinkBase = RuleLinkBase,
        AutomationCategory = AutomationCategory,
        Branding = Branding,
    };

    /// <summary>The root of the git work tree that holds <paramref name="dir"/> (a folder with <c>.git</c>), or null.</summary>
    internal static string? GitWorkTreeRoot(string dir)
    {
        for (var d = new DirectoryInfo(dir); d != null; d = d.Parent)
            if (Directory.Exists(Path.Combine(d.FullName, ".git")) || File.Exists(Path.Combine(d.FullName, ".git"))) return d.FullName;
        return null;
    }

    private static string AutomationSafe(string name)
    {
        var chars = name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-').ToArray();
        var s = new string(chars).Trim('-', '.');
        return s.Length == 0 ? "default" : s;
    }

    private static int MinimumGroupSizeOf(string? value)
    {
        if (value is null) return 5;
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1) return n;
        throw new UsageException($"Option --min-group-size takes a whole number of people, at least 1 (got '{value}').", $"Die Option --min-group-size erwartet eine ganze Zahl von Personen, mindestens 1 (erhalten: „{value}“).");
    }
}
