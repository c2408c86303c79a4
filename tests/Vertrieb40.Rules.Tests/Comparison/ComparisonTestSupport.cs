using System.Globalization;
using Vertrieb40.Rules.Comparison;
using Vertrieb40.Rules.Reading;
using Vertrieb40.Rules.Reporting;
using Vertrieb40.Rules.Tests.Infrastructure;

namespace Vertrieb40.Rules.Tests.Comparison;

/// <summary>Snapshots of documents given as text, and of the journey seed.</summary>
internal static class ComparisonTestSupport
{
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    public static string Journey => Path.Combine(SeedPaths.Seeds, "journey");

    public static IReadOnlyList<string> JourneyFiles => Directory.GetFiles(Journey, "*.json")
        .Where(f => !f.EndsWith(".expected.json", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();

    public static ReportContext Context(CultureInfo? culture = null)
        => new(Array.Empty<AnalysisResult>(), OrganizationAnalyzer.Default.SupportedDiagnostics, culture ?? English);

    public static Snapshot Of(string json, string file = "org.json")
    {
        var load = OrganizationReader.ReadString(json, file);
        Assert.False(load.HasErrors, string.Join("\n", load.Diagnostics));
        return SnapshotLoader.FromResult(OrganizationAnalyzer.Default.Analyze(load, new AnalysisOptions()), Context());
    }

    public static SnapshotLoader Loader(CultureInfo? culture = null)
        => new(OrganizationAnalyzer.Default, new AnalysisOptions(), Context(culture));

    public static Snapshot Load(string path)
    {
        var load = Loader().Load(path);
        Assert.True(load.Snapshot != null, string.Join("\n", load.Errors) + string.Join("\n", load.InputDiagnostics));
        return load.Snapshot!;
    }

    /// <summary>Paths in reports relative to the repository (expected files do not depend on the checkout).</summary>
    public static string Relative(string text) => text.Replace(SeedPaths.Root + Path.DirectorySeparatorChar, "", StringComparison.Ordinal);

    public static string Write(Action<TextWriter> write)
    {
        using var sw = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        write(sw);
        return sw.ToString();
    }

    /// <summary>Compares with an expected file; VERTRIEB40_UPDATE_EXPECTED=1 rewrites it.</summary>
    public static void MatchesExpected(string actual, string expectedPath)
    {
        if (Environment.GetEnvironmentVariable("VERTRIEB40_UPDATE_EXPECTED") == "1")
            File.WriteAllText(expectedPath, actual, new System.Text.UTF8Encoding(false));
        Assert.True(File.Exists(expectedPath), "missing " + expectedPath + " (run once with VERTRIEB40_UPDATE_EXPECTED=1)");
        Assert.Equal(File.ReadAllText(expectedPath).ReplaceLineEndings("\n"), actual.ReplaceLineEndings("\n"));
    }
}
