using Vertrieb40.Rules.IO;
using System.Diagnostics;
using System.Globalization;
using Vertrieb40.Rules.Generation;

namespace Vertrieb40.Rules.Cli;

/// <summary><c>vertrieb40 generate</c>: writes a synthetic organisation with a known number of planted anti-patterns.</summary>
internal static class GenerateCommand
{
    private static readonly HashSet<string> ValueOptions = new() { "--people", "--seed", "--anti-pattern-density", "-o", "--output", "--manifest", "--name", "--format" };

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Contains("--help") || args.Contains("-h"))
        {
            stdout.Write(HelpText.Main);
            return ExitCodes.Success;
        }
        var cl = CommandLine.Parse(args, ValueOptions, new HashSet<string>());
        if (cl.Positionals.Count > 0) throw new UsageException($"generate takes no positional arguments (got '{cl.Positionals[0]}').", $"generate erwartet keine Positionsargumente (erhalten: „{cl.Positionals[0]}“).");
        var output = cl.Value("-o") ?? cl.Value("--output") ?? throw new UsageException("generate needs -o FILE.", "generate braucht -o DATEI.");
        var people = ParseInt(cl.Value("--people") ?? throw new UsageException("generate needs --people N.", "generate braucht --people N."), "--people", 20, 50_000_000);
        var seedText = cl.Value("--seed") ?? "1";
        if (!ulong.TryParse(seedText, NumberStyles.None, CultureInfo.InvariantCulture, out var seed))
            throw new UsageException($"Option --seed takes a whole number from 0 to {ulong.MaxValue} (got '{seedText}').", $"Die Option --seed erwartet eine ganze Zahl von 0 bis {ulong.MaxValue} (erhalten: „{seedText}“).");
        var density = 0.05;
        var densityText = cl.Value("--anti-pattern-density");
        if (densityText != null && (!double.TryParse(densityText, NumberStyles.Float, CultureInfo.InvariantCulture, out density) || !double.IsFinite(density) || density is < 0 or > 1))
            throw new UsageException($"Option --anti-pattern-density takes a share from 0 to 1, e.g. 0.05 (got '{densityText}').", $"Die Option --anti-pattern-density erwartet einen Anteil von 0 bis 1, z. B. 0.05 (erhalten: „{densityText}“).");

        OutputGuard.CheckPath(output, "-o");
        if (cl.Value("--manifest") is { } m)
        {
            OutputGuard.CheckPath(m, "--manifest");
            new OutputGuard().Protect(output, "the generated document").Check(m, "--manifest");
        }
        var sw = Stopwatch.StartNew();
        var format = cl.Value("--format") ?? (output.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? "csv" : "json");
        if (format is not ("json" or "csv")) throw new UsageException($"Option --format takes json or csv (got '{format}').", $"Die Option --format erwartet json oder csv (erhalten: „{format}“).");
        var generatorOptions = new GeneratorOptions { People = people, Seed = seed, AntiPatternDensity = density, Name = cl.Value("--name") };
        var manifest = format == "csv" ? GenerateCsv(generatorOptions, output) : OrganizationGenerator.GenerateFile(generatorOptions, output);
        sw.Stop();
        var manifestPath = cl.Value("--manifest");
        if (manifestPath != null)
            Vertrieb40.Rules.IO.AtomicFile.WriteText(manifestPath, manifest.WriteJson);

        var mb = new FileInfo(output).Length / 1024.0 / 1024.0;
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Wrote {output}: {manifest.People:N0} people, {manifest.Units:N0} units ({manifest.Teams:N0} teams), {manifest.Layers} layers, {mb:F1} MB in {sw.Elapsed.TotalSeconds:F1} s."));
        stdout.WriteLine("Planted findings per rule (the count a correct rule reports with default options):");
        foreach (var kv in manifest.Planted)
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {kv.Key}  {kv.Value,8:N0}  {manifest.Notes.GetValueOrDefault(kv.Key)}"));
        return ExitCodes.Success;
    }

    // An HR export of the same organisation: only its structure (people, units, roles, managers), as HR systems
    // export it. Generated as a document first, then flattened (generation speed is not what is measured).
    private static GenerationManifest GenerateCsv(GeneratorOptions options, string output)
    {
        var json = output + ".generating.json";
        try
        {
            var manifest = OrganizationGenerator.GenerateFile(options, json);
            var load = Vertrieb40.Rules.Reading.OrganizationReader.ReadFile(json, new Vertrieb40.Rules.Reading.ReaderOptions { MaxErrors = int.MaxValue });
            if (load.Organization is null) throw new InvalidOperationException("the generated document could not be read back: " + string.Join("; ", load.Diagnostics.Take(3)));
            Vertrieb40.Rules.IO.AtomicFile.WriteText(output, w => Vertrieb40.Rules.Generation.HrExportWriter.Write(load.Organization, w));
            return manifest;
        }
        finally
        {
            File.Delete(json);
        }
    }

    private static int ParseInt(string text, string option, int min, int max)
    {
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max) return v;
        throw new UsageException($"Option {option} takes a whole number from {min:N0} to {max:N0} (got '{text}').", $"Die Option {option} erwartet eine ganze Zahl von {min:N0} bis {max:N0} (erhalten: „{text}“).");
    }
}
