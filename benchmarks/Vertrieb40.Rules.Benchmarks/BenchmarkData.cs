using System.Globalization;
using Vertrieb40.Rules.Generation;

namespace Vertrieb40.Rules.Benchmarks;

/// <summary>
/// Generated input files, created once and cached (never in the repository): in
/// <c>$VERTRIEB40_BENCH_DIR</c>, else <c>/tmp/vertrieb40-bench</c>. A file name carries the generator
/// version, the size, the seed and the density, so a cached file is always the one asked for.
/// </summary>
public static class BenchmarkData
{
    /// <summary>Bump when the generator's output changes, so stale cached files are not used.</summary>
    public const string GeneratorVersion = "g3"; // g3: model 1.1 owners, chairs, decidedBy, distribution, governedByProcessIds (issue 10)

    /// <summary>The seed every benchmark uses.</summary>
    public const ulong Seed = 1;

    /// <summary>The default anti-pattern density.</summary>
    public const double Density = 0.05;

    /// <summary>The cache directory.</summary>
    public static string Directory { get; } = Environment.GetEnvironmentVariable("VERTRIEB40_BENCH_DIR") is { Length: > 0 } d
        ? d : Path.Combine(Path.GetTempPath(), "vertrieb40-bench");

    /// <summary>The sizes the BenchmarkDotNet suites run (override: <c>VERTRIEB40_BENCH_PEOPLE=1000,10000</c>).</summary>
    public static IEnumerable<int> Sizes => ParseSizes(Environment.GetEnvironmentVariable("VERTRIEB40_BENCH_PEOPLE")) ?? new[] { 1_000, 10_000, 100_000, 1_000_000 };

    /// <summary>Parses "1000,10k,1M".</summary>
    public static int[]? ParseSizes(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        return text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(ParseSize).ToArray();
    }

    /// <summary>Parses 1000, 10k, 1M.</summary>
    public static int ParseSize(string s)
    {
        var mult = 1;
        if (s.EndsWith('k') || s.EndsWith('K')) { mult = 1000; s = s[..^1]; }
        else if (s.EndsWith('m') || s.EndsWith('M')) { mult = 1_000_000; s = s[..^1]; }
        return int.Parse(s, CultureInfo.InvariantCulture) * mult;
    }

    /// <summary>The path of a generated organisation; generates it (with its manifest) when missing.</summary>
    public static string File(int people, ulong seed = Seed, double density = Density)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"org-{GeneratorVersion}-{people}-s{seed}-d{density:0.###}.json");
        var path = Path.Combine(Directory, name);
        if (!System.IO.File.Exists(path))
        {
            var manifest = OrganizationGenerator.GenerateFile(new GeneratorOptions { People = people, Seed = seed, AntiPatternDensity = density }, path);
            using var w = new StreamWriter(ManifestPath(path));
            manifest.WriteJson(w);
        }
        return path;
    }

    /// <summary>
    /// The same organisation as <see cref="File"/>, as a flat HR export (CSV: people, units, roles, managers);
    /// generated from the document when missing.
    /// </summary>
    public static string CsvFile(int people)
    {
        var path = Path.ChangeExtension(File(people), ".hr.csv");
        if (!System.IO.File.Exists(path))
        {
            var load = Vertrieb40.Rules.Reading.OrganizationReader.ReadFile(File(people), new Vertrieb40.Rules.Reading.ReaderOptions { MaxErrors = int.MaxValue });
            using var w = new StreamWriter(path + ".tmp", false, new System.Text.UTF8Encoding(false), 1 << 16);
            HrExportWriter.Write(load.Organization!, w);
            w.Close();
            System.IO.File.Move(path + ".tmp", path, overwrite: true);
        }
        return path;
    }

    /// <summary>Where the manifest of a generated file is kept.</summary>
    public static string ManifestPath(string file) => Path.ChangeExtension(file, ".manifest.json");

    /// <summary>A directory of <paramref name="count"/> organisations of <paramref name="people"/> people (seeds 1…count).</summary>
    public static string[] Batch(int count, int people)
    {
        var dir = Path.Combine(Directory, string.Create(CultureInfo.InvariantCulture, $"batch-{GeneratorVersion}-{count}x{people}"));
        System.IO.Directory.CreateDirectory(dir);
        var files = new string[count];
        Parallel.For(0, count, i =>
        {
            var path = Path.Combine(dir, string.Create(CultureInfo.InvariantCulture, $"org-{i + 1:D5}.json"));
            if (!System.IO.File.Exists(path))
                OrganizationGenerator.GenerateFile(new GeneratorOptions { People = people, Seed = (ulong)(i + 1), AntiPatternDensity = Density }, path);
            files[i] = path;
        });
        return files;
    }
}
