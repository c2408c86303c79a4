using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Benchmarks.Reference;
using Vertrieb40.Rules.Reading;
using Vertrieb40.Rules.Reporting;

namespace Vertrieb40.Rules.Benchmarks;

/// <summary>
/// The quick run: one fresh process per size (so peak memory is that size's own), one table. Not a
/// statistically careful benchmark — that is what the BenchmarkDotNet suites are for — but enough to see
/// the targets and the growth at a glance, and a smoke test for CI.
/// </summary>
public static class QuickRun
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Parent: generates the inputs, runs a child per size, prints the table.</summary>
    public static int Run(string[] args)
    {
        var sizes = BenchmarkData.ParseSizes(Option(args, "--sizes")) ?? new[] { 1_000, 10_000, 100_000, 1_000_000 };
        var batch = !args.Contains("--no-batch");
        var rows = new List<JObject>();
        Console.WriteLine($"vertrieb40 quick benchmark — {Environment.ProcessorCount} cores, .NET {Environment.Version}, Server GC {GCSettings.IsServerGC}, data in {BenchmarkData.Directory}");
        foreach (var n in sizes)
        {
            var sw = Stopwatch.StartNew();
            var file = BenchmarkData.File(n);
            if (sw.Elapsed.TotalSeconds > 0.5) Console.WriteLine($"  generated {Path.GetFileName(file)} in {sw.Elapsed.TotalSeconds:F1} s");
            var row = Child("--measure", file);
            if (row is null) { Console.WriteLine($"  {n:N0} people: the measurement failed"); return 1; }
            row["people"] = n;
            rows.Add(row);
            Console.WriteLine($"  measured {n:N0} people");
        }
        JObject? batchRow = null;
        if (batch)
        {
            var sw = Stopwatch.StartNew();
            BenchmarkData.Batch(1000, 200);
            if (sw.Elapsed.TotalSeconds > 0.5) Console.WriteLine($"  generated the batch (1,000 × 200 people) in {sw.Elapsed.TotalSeconds:F1} s");
            batchRow = Child("--measure-batch", Path.Combine(BenchmarkData.Directory, $"batch-{BenchmarkData.GeneratorVersion}-1000x200"));
        }
        Print(rows, batchRow);
        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static JObject? Child(string mode, string path)
    {
        var self = Environment.ProcessPath!;
        var psi = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet") psi.ArgumentList.Add(typeof(QuickRun).Assembly.Location);
        psi.ArgumentList.Add(mode);
        psi.ArgumentList.Add(path);
        psi.Environment["DOTNET_gcServer"] = "1";
        psi.Environment["DOTNET_gcConcurrent"] = "0";
        using var p = Process.Start(psi)!;
        string? result = null;
        string? line;
        while ((line = p.StandardOutput.ReadLine()) != null)
            if (line.StartsWith("RESULT ", StringComparison.Ordinal)) result = line[7..];
            else Console.WriteLine("    " + line);
        p.WaitForExit();
        return result is null ? null : JObject.Parse(result);
    }

    private static double PeakMb()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                return double.Parse(line[6..].Trim().Split(' ')[0], Inv) / 1024.0;
        return Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0;
    }

    /// <summary>Child: one size, fresh process. Prints <c>RESULT {json}</c>.</summary>
    public static int Measure(string file)
    {
        var o = new JObject();
        var analyzer = OrganizationAnalyzer.Default;
        o["compileS"] = analyzer.CompileTime.TotalSeconds;
        o["fileMb"] = new FileInfo(file).Length / 1024.0 / 1024.0;

        // End to end, as the CLI does it: read, analyse, write the JSON report (SARIF: see EndToEndBenchmarks).
        var total = Stopwatch.StartNew();
        var sw = Stopwatch.StartNew();
        var load = OrganizationReader.ReadFile(file);
        o["readS"] = sw.Elapsed.TotalSeconds;
        if (load.HasErrors) { Console.WriteLine("input errors: " + load.Diagnostics[0]); return 1; }
        sw.Restart();
        var result = analyzer.Analyze(load);
        o["analyseS"] = sw.Elapsed.TotalSeconds;
        sw.Restart();
        var report = Path.Combine(Path.GetTempPath(), "vertrieb40-quick-" + Environment.ProcessId + ".json");
        using (var w = new StreamWriter(report))
            new JsonReportWriter().Write(new ReportContext(new[] { result }, analyzer.SupportedDiagnostics, Inv), w);
        File.Delete(report);
        o["writeS"] = sw.Elapsed.TotalSeconds;
        o["totalS"] = total.Elapsed.TotalSeconds;
        o["peakMb"] = PeakMb();
        o["gcPauseS"] = GC.GetTotalPauseDuration().TotalSeconds;
        o["findings"] = result.Diagnostics.Count;

        // Engine vs reference, same process, best of a few runs (the first analysis above included JIT).
        var repeats = load.Organization!.People.Count <= 100_000 ? 5 : 2;
        var engine = double.MaxValue;
        for (var i = 0; i < repeats; i++)
        {
            sw.Restart();
            result = analyzer.Analyze(load);
            engine = Math.Min(engine, sw.Elapsed.TotalSeconds);
        }
        var reference = double.MaxValue;
        List<Diagnostics.Diagnostic> referenceFindings = null!;
        for (var i = 0; i < repeats; i++)
        {
            sw.Restart();
            referenceFindings = LinqReference.Evaluate(load.Organization!);
            reference = Math.Min(reference, sw.Elapsed.TotalSeconds);
        }
        o["engineS"] = engine;
        o["referenceS"] = reference;
        o["referenceCheck"] = LinqReference.Compare(result.Diagnostics, referenceFindings) ?? "ok";

        // Findings against the generator's manifest, for every rule the catalog has.
        var manifestPath = BenchmarkData.ManifestPath(file);
        if (File.Exists(manifestPath))
        {
            var planted = (JObject)JObject.Parse(File.ReadAllText(manifestPath))["planted"]!;
            var ids = new HashSet<string>(analyzer.SupportedDiagnostics.Select(d => d.Id));
            var checks = new List<string>();
            foreach (var kv in planted)
            {
                if (!ids.Contains(kv.Key)) continue;
                var found = result.Diagnostics.Count(d => d.Id == kv.Key);
                var want = (int)kv.Value!;
                checks.Add(found == want ? $"{kv.Key} ok" : $"{kv.Key} {found}≠{want}");
            }
            o["manifestCheck"] = string.Join(", ", checks);
        }
        var rules = new JObject();
        foreach (var t in result.RuleTimings) rules[t.RuleName] = t.Elapsed.TotalSeconds;
        o["rules"] = rules;
        Console.WriteLine("RESULT " + o.ToString(Formatting.None));
        return 0;
    }

    /// <summary>Child: the batch — one analyzer, files in parallel.</summary>
    public static int MeasureBatch(string dir)
    {
        var files = Directory.GetFiles(dir, "*.json").OrderBy(f => f, StringComparer.Ordinal).ToArray();
        var o = new JObject();
        var total = Stopwatch.StartNew();
        var analyzer = OrganizationAnalyzer.Default;
        o["compileS"] = analyzer.CompileTime.TotalSeconds;
        var sw = Stopwatch.StartNew();
        var findings = Batch.Run(analyzer, files);
        o["batchS"] = sw.Elapsed.TotalSeconds;
        o["totalS"] = total.Elapsed.TotalSeconds;
        o["files"] = files.Length;
        o["findings"] = findings;
        o["peakMb"] = PeakMb();
        Console.WriteLine("RESULT " + o.ToString(Formatting.None));
        return 0;
    }

    private static void Print(List<JObject> rows, JObject? batch)
    {
        string F(double v, int d = 2) => v.ToString("F" + d, Inv);
        Console.WriteLine();
        Console.WriteLine("| people | file MB | read s | analyse s | write s | total s | peak MB | analyse/read | engine s | reference s | engine/ref | findings | reference check | manifest check |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|");
        foreach (var r in rows)
        {
            var read = (double)r["readS"]!;
            var engine = (double)r["engineS"]!;
            var reference = (double)r["referenceS"]!;
            Console.WriteLine($"| {(int)r["people"]!:N0} | {F((double)r["fileMb"]!, 1)} | {F(read)} | {F((double)r["analyseS"]!)} | {F((double)r["writeS"]!)} | {F((double)r["totalS"]!)} | {F((double)r["peakMb"]!, 0)} | {F(engine / read)} | {F(engine, 3)} | {F(reference, 3)} | {F(engine / Math.Max(reference, 1e-9))} | {(int)r["findings"]!:N0} | {r["referenceCheck"]} | {r["manifestCheck"]} |");
        }
        Console.WriteLine();
        Console.WriteLine("analyse s: first analysis in the process (includes JIT); engine s / reference s: best of several runs in the same process; analyse/read uses engine s.");
        var r100k = rows.FirstOrDefault(r => (int)r["people"]! == 100_000);
        var r1m = rows.FirstOrDefault(r => (int)r["people"]! == 1_000_000);
        if (r100k != null && r1m != null)
        {
            string G(string key) => F((double)r1m[key]! / Math.Max((double)r100k[key]!, 1e-9), 1) + "×";
            Console.WriteLine($"growth 100k → 1M: total {G("totalS")}, read {G("readS")}, engine {G("engineS")}, reference {G("referenceS")}, peak memory {G("peakMb")} (target ≤ 11×)");
            Console.WriteLine();
            Console.WriteLine("| rule | 100k s | 1M s | growth |");
            Console.WriteLine("|---|---:|---:|---:|");
            foreach (var kv in (JObject)r1m["rules"]!)
            {
                var small = (double?)r100k["rules"]?[kv.Key] ?? 0;
                var big = (double)kv.Value!;
                Console.WriteLine($"| {kv.Key} | {F(small, 4)} | {F(big, 4)} | {(small > 0.0005 ? F(big / small, 1) + "×" : "(too small)")} |");
            }
        }
        var compile = rows.Count > 0 ? (double)rows[0]["compileS"]! : batch != null ? (double)batch["compileS"]! : 0;
        Console.WriteLine();
        Console.WriteLine($"compile rule set: {F(compile)} s (target ≤ 1 s)");
        if (batch != null)
            Console.WriteLine($"batch {(int)batch["files"]!:N0} × 200 people, one analyzer, parallel: {F((double)batch["batchS"]!)} s analysis, {F((double)batch["totalS"]!)} s with compile, peak {F((double)batch["peakMb"]!, 0)} MB (target ≤ 20 s)");
        if (r1m != null)
        {
            var e = (double)r1m["engineS"]!; var re = (double)r1m["referenceS"]!; var rd = (double)r1m["readS"]!;
            Console.WriteLine($"1M targets: engine/ref {F(e / re)} (≤ 2), engine/read {F(e / rd)} (≤ 1), total {F((double)r1m["totalS"]!)} s (≤ 15 s), peak {F((double)r1m["peakMb"]!, 0)} MB (≤ 2048)");
        }
    }
}
