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
        // The DuckDB peer column (built on demand; --no-peer leaves it out, e.g. without the ~420 MB download).
        var peer = !args.Contains("--no-peer");
        if (peer && DuckDbPeer.Build() is { } peerError) { Console.WriteLine("  DuckDB peer left out: " + peerError); peer = false; }
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
            var engineFindings = (string?)row["engineFindingsFile"];
            if (peer)
            {
                var duck = DuckDbPeer.Run(file);
                if (duck is null) row["duckdbCheck"] = "peer failed";
                else
                {
                    row["duckdbS"] = duck["seconds"];
                    row["duckdbCpu"] = duck["cpu"];
                    row["duckdbPeakMb"] = duck["peakMb"];
                    row["duckdbCheck"] = DuckDbPeer.Compare(engineFindings!, (string)duck["findingsFile"]!) ?? "ok";
                    File.Delete((string)duck["findingsFile"]!);
                }
            }
            if (engineFindings != null) File.Delete(engineFindings);
            rows.Add(row);
            Console.WriteLine($"  measured {n:N0} people");
        }
        // The HR-export row: the largest size as a CSV (import speed target: ≥ 200k rows per CPU-second).
        JObject? csvRow = null;
        if (!args.Contains("--no-csv") && sizes.Length > 0)
        {
            var n = sizes.Max();
            var sw = Stopwatch.StartNew();
            var csv = BenchmarkData.CsvFile(n);
            if (sw.Elapsed.TotalSeconds > 0.5) Console.WriteLine($"  wrote {Path.GetFileName(csv)} in {sw.Elapsed.TotalSeconds:F1} s");
            csvRow = Child("--measure-csv", csv);
            if (csvRow != null) csvRow["people"] = n;
        }
        // fix against analyze on the largest size, each as the CLI runs it, each in a fresh process (target: fix
        // within 2× the time and the peak memory of analyze).
        (JObject Analyze, JObject Fix)? fixRows = null;
        if (!args.Contains("--no-fix") && sizes.Length > 0)
        {
            var file = BenchmarkData.File(sizes.Max());
            if (Child("--measure-analyze-cli", file) is { } a && Child("--measure-fix", file) is { } f) fixRows = (a, f);
            else Console.WriteLine("  the fix measurement failed");
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
        if (csvRow != null)
        {
            double D(string k) => (double)csvRow[k]!;
            Console.WriteLine(string.Create(Inv,
                $"HR export CSV, {(int)csvRow["people"]!:N0} rows ({D("fileMb"):F1} MB): read {D("readS"):F2} s wall ({D("readCpu"):F2} s CPU) = {D("rows") / Math.Max(D("readCpu"), 1e-9):N0} rows per CPU-second (target ≥ 200,000); analyse {D("analyseS"):F2} s ({D("analyseCpu"):F2} s CPU); peak {D("peakMb"):F0} MB"));
        }
        if (fixRows is { } fr)
        {
            double A(string k) => (double)fr.Analyze[k]!;
            double F(string k) => (double)fr.Fix[k]!;
            Console.WriteLine(string.Create(Inv,
                $"fix vs analyze, {sizes.Max():N0} people (as the CLI runs them; analyze writes the text report, fix --output the fixed document): "
                + $"analyze {A("totalS"):F2} s wall ({A("totalCpu"):F2} s CPU), peak {A("peakMb"):F0} MB; "
                + $"fix {F("totalS"):F2} s wall ({F("totalCpu"):F2} s CPU), peak {F("peakMb"):F0} MB, {(int)fr.Fix["fixes"]!:N0} fixes "
                + $"(parse tree {F("treeS"):F2} s); fix/analyze: time {F("totalS") / A("totalS"):F2}× wall, {F("totalCpu") / A("totalCpu"):F2}× CPU, memory {F("peakMb") / A("peakMb"):F2}× (target ≤ 2×)"));
        }
        return 0;
    }

    /// <summary>Child: <c>analyze FILE --output report.txt</c> as the CLI does it (read, analyse, text report), fresh process. Prints <c>RESULT {json}</c>.</summary>
    public static int MeasureAnalyzeCli(string file)
    {
        var o = new JObject();
        var analyzer = OrganizationAnalyzer.Default;
        var sw = Stopwatch.StartNew();
        var cpu = Cpu();
        var load = OrganizationReader.ReadFile(file);
        if (load.HasErrors) { Console.WriteLine("input errors: " + load.Diagnostics[0]); return 1; }
        var result = analyzer.Analyze(load);
        var report = Path.Combine(Path.GetTempPath(), "vertrieb40-quick-" + Environment.ProcessId + ".txt");
        using (var w = new StreamWriter(report))
            new TextReportWriter().Write(new ReportContext(new[] { result }, analyzer.SupportedDiagnostics, Inv), w);
        File.Delete(report);
        o["totalS"] = sw.Elapsed.TotalSeconds;
        o["totalCpu"] = Cpu() - cpu;
        o["peakMb"] = PeakMb();
        Console.WriteLine("RESULT " + o.ToString(Formatting.None));
        return 0;
    }

    /// <summary>
    /// Child: <c>fix FILE --output fixed.json</c> as the CLI does it (read the model and the text, Fix All, the
    /// check read of the result, write), fresh process. Prints <c>RESULT {json}</c>.
    /// </summary>
    public static int MeasureFix(string file)
    {
        var o = new JObject();
        var sw = Stopwatch.StartNew();
        var cpu = Cpu();
        Vertrieb40.Rules.Reading.LoadResult? load = OrganizationReader.ReadFile(file);
        if (load.HasErrors) { Console.WriteLine("input errors: " + load.Diagnostics[0]); return 1; }
        var bytes = File.ReadAllBytes(file);
        var hash = System.Security.Cryptography.SHA256.HashData(bytes); // the CLI keeps it to detect an edit meanwhile
        var text = new System.Text.UTF8Encoding(false, true).GetString(bytes);
        bytes = null!;
        var result = Vertrieb40.Rules.Fixes.OrganizationFixer.Fix(text, file, null, null, null, null, ref load);
        var output = Path.Combine(Path.GetTempPath(), "vertrieb40-quick-" + Environment.ProcessId + ".json");
        Vertrieb40.Rules.IO.AtomicFile.WriteText(output, w => w.Write(result.Fixed.Text));
        File.Delete(output);
        o["totalS"] = sw.Elapsed.TotalSeconds;
        o["totalCpu"] = Cpu() - cpu;
        o["peakMb"] = PeakMb();
        o["fixes"] = result.Applied.Count;
        GC.KeepAlive(hash);
        // The lazy parse tree alone (validating pass + the people index a VT1002 fix builds).
        sw.Restart();
        var document = new Vertrieb40.Rules.Fixes.OrganizationDocument(text);
        document.ItemsWhere("people", "unitId", "");
        o["treeS"] = sw.Elapsed.TotalSeconds;
        Console.WriteLine("RESULT " + o.ToString(Formatting.None));
        return 0;
    }

    /// <summary>Child: one HR export (CSV), fresh process: read (the import) and analyse. Prints <c>RESULT {json}</c>.</summary>
    public static int MeasureCsv(string file)
    {
        var o = new JObject { ["fileMb"] = new FileInfo(file).Length / 1024.0 / 1024.0 };
        var analyzer = OrganizationAnalyzer.Default;
        var options = new Vertrieb40.Rules.Reading.ReaderOptions { HrExport = new Vertrieb40.Rules.Reading.HrExport.HrExportOptions { FindPracticesFile = false } };
        var sw = Stopwatch.StartNew();
        var cpu = Cpu();
        var load = Vertrieb40.Rules.Reading.HrExport.HrExportReader.ReadFile(file, options);
        o["readS"] = sw.Elapsed.TotalSeconds;
        o["readCpu"] = Cpu() - cpu;
        if (load.HasErrors) { Console.WriteLine("input errors: " + load.Diagnostics.First(d => d.Severity == Vertrieb40.Rules.Diagnostics.DiagnosticSeverity.Error)); return 1; }
        o["rows"] = load.Organization!.People.Count;
        sw.Restart(); cpu = Cpu();
        var result = analyzer.Analyze(load);
        o["analyseS"] = sw.Elapsed.TotalSeconds;
        o["analyseCpu"] = Cpu() - cpu;
        o["findings"] = result.Diagnostics.Count;
        o["peakMb"] = PeakMb();
        Console.WriteLine("RESULT " + o.ToString(Formatting.None));
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
        psi.Environment["DOTNET_TieredPGO"] = "0"; // as the CLI (its csproj)
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

    private static double Cpu() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;

    /// <summary>Child: one size, fresh process. Prints <c>RESULT {json}</c>.</summary>
    /// <remarks>
    /// Every phase is measured twice: wall-clock and process CPU time (user + system, all threads, GC
    /// included). On a shared machine the wall-clock time includes waiting for a core; CPU time does not.
    /// </remarks>
    public static int Measure(string file)
    {
        var o = new JObject();
        var analyzer = OrganizationAnalyzer.Default;
        o["compileS"] = analyzer.CompileTime.TotalSeconds;
        o["fileMb"] = new FileInfo(file).Length / 1024.0 / 1024.0;

        // The parser's floor, measured first in the same process: Newtonsoft's token scan of the same file, no
        // model (the read target is ≤ 2× this).
        {
            var scan = Stopwatch.StartNew();
            var scanCpu = Cpu();
            using var text = new StreamReader(file, new System.Text.UTF8Encoding(false, true), true, 1 << 16);
            var tokens = new JsonTextReader(text) { DateParseHandling = DateParseHandling.None };
            while (tokens.Read()) { }
            o["tokenScanS"] = scan.Elapsed.TotalSeconds;
            o["tokenScanCpu"] = Cpu() - scanCpu;
        }

        // End to end, as the CLI does it: read, analyse, write the SARIF report.
        var total = Stopwatch.StartNew();
        var totalCpu = Cpu();
        var sw = Stopwatch.StartNew();
        var cpu = Cpu();
        var load = OrganizationReader.ReadFile(file);
        o["readS"] = sw.Elapsed.TotalSeconds;
        o["readCpu"] = Cpu() - cpu;
        if (load.HasErrors) { Console.WriteLine("input errors: " + load.Diagnostics[0]); return 1; }
        sw.Restart(); cpu = Cpu();
        var result = analyzer.Analyze(load);
        o["analyseS"] = sw.Elapsed.TotalSeconds;
        o["analyseCpu"] = Cpu() - cpu;
        sw.Restart(); cpu = Cpu();
        var report = Path.Combine(Path.GetTempPath(), "vertrieb40-quick-" + Environment.ProcessId + ".sarif");
        using (var w = new StreamWriter(report))
            new SarifReportWriter().Write(new ReportContext(new[] { result }, analyzer.SupportedDiagnostics, Inv), w);
        File.Delete(report);
        o["writeS"] = sw.Elapsed.TotalSeconds;
        o["writeCpu"] = Cpu() - cpu;
        o["totalS"] = total.Elapsed.TotalSeconds;
        o["totalCpu"] = Cpu() - totalCpu;
        o["peakMb"] = PeakMb();
        o["gcPauseS"] = GC.GetTotalPauseDuration().TotalSeconds;
        o["findings"] = result.Diagnostics.Count;

        // Exposure alone (issue 18's cost at this size): best of two on a prepared semantic model, after the analysis
        // above paid its JIT.
        {
            var model = new SemanticModel(load.Organization!);
            double best = double.MaxValue, bestCpu = double.MaxValue;
            for (var i = 0; i < 2; i++)
            {
                sw.Restart(); cpu = Cpu();
                Scoring.ExposureCalculator.Compute(load.Organization!, model, result.Diagnostics, RuleOptions.Empty);
                best = Math.Min(best, sw.Elapsed.TotalSeconds);
                bestCpu = Math.Min(bestCpu, Cpu() - cpu);
            }
            o["exposureS"] = best;
            o["exposureCpu"] = bestCpu;
        }

        // The other writers, each once after SARIF (JIT of the shared code already paid), to a null stream.
        foreach (var (name, writer) in new (string, IReportWriter)[] { ("json", new JsonReportWriter()), ("text", new TextReportWriter()), ("html", new HtmlReportWriter()) })
        {
            sw.Restart(); cpu = Cpu();
            using (var w = new StreamWriter(Stream.Null))
                writer.Write(new ReportContext(new[] { result }, analyzer.SupportedDiagnostics, Inv), w);
            o[name + "WriteS"] = sw.Elapsed.TotalSeconds;
            o[name + "WriteCpu"] = Cpu() - cpu;
        }
        // The covered rules' findings for the DuckDB peer's check (the parent compares the two files).
        var engineFindings = Path.Combine(Path.GetTempPath(), $"vertrieb40-engine-{Environment.ProcessId}.tsv");
        File.WriteAllLines(engineFindings, DuckDbPeer.Lines(result.Diagnostics));
        o["engineFindingsFile"] = engineFindings;

        // Engine vs reference, same process, best of a few runs (the first analysis above included JIT).
        var repeats = load.Organization!.People.Count <= 100_000 ? 5 : 3;
        double engine = double.MaxValue, engineCpu = double.MaxValue;
        for (var i = 0; i < repeats; i++)
        {
            sw.Restart(); cpu = Cpu();
            result = analyzer.Analyze(load);
            engine = Math.Min(engine, sw.Elapsed.TotalSeconds);
            engineCpu = Math.Min(engineCpu, Cpu() - cpu);
        }
        // The same rules the LINQ reference covers, on an analyzer compiled with those rules only: the fair
        // engine-vs-reference comparison (the reference does not cover the whole catalog).
        var covered = OrganizationAnalyzer.Create(CatalogRules.Names
            .Select(CatalogRules.Create)
            .Where(r => r.SupportedDiagnostics.Any(d => LinqReference.CoveredRuleIds.Contains(d.Id))));
        // Rules only: the reference computes no Vertrieb-4.0 score, so neither does the engine here.
        var rulesOnly = new AnalysisOptions { ComputeScoreOutline = false };
        double engine3 = double.MaxValue, engine3Cpu = double.MaxValue;
        for (var i = 0; i < repeats + 1; i++)
        {
            sw.Restart(); cpu = Cpu();
            covered.Analyze(load, rulesOnly);
            if (i == 0) continue; // JIT of the second analyzer
            engine3 = Math.Min(engine3, sw.Elapsed.TotalSeconds);
            engine3Cpu = Math.Min(engine3Cpu, Cpu() - cpu);
        }
        o["engine3S"] = engine3;
        o["engine3Cpu"] = engine3Cpu;
        double reference = double.MaxValue, referenceCpu = double.MaxValue;
        List<Diagnostics.Diagnostic> referenceFindings = null!;
        for (var i = 0; i < repeats; i++)
        {
            sw.Restart(); cpu = Cpu();
            referenceFindings = LinqReference.Evaluate(load.Organization!);
            reference = Math.Min(reference, sw.Elapsed.TotalSeconds);
            referenceCpu = Math.Min(referenceCpu, Cpu() - cpu);
        }
        o["referenceCheck"] = LinqReference.Compare(result.Diagnostics, referenceFindings) ?? "ok";
        var ruleTimings = result.RuleTimings;
        var findingsById = result.Diagnostics.GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.Count());
        var supported = analyzer.SupportedDiagnostics.Select(d => d.Id).ToHashSet();

        // A warm read as well (the first one above includes JIT), with the first document released, so the
        // collector does not also walk the model read before.
        var exposureFound = result.Exposure; // the manifest check below reads it after the model is released
        load = null!; result = null!; referenceFindings = null!;
        GC.Collect(2, GCCollectionMode.Forced, true, true);
        double warmRead = double.MaxValue, warmReadCpu = double.MaxValue;
        for (var i = 0; i < (repeats > 3 ? 3 : 1); i++)
        {
            sw.Restart(); cpu = Cpu();
            OrganizationReader.ReadFile(file);
            warmRead = Math.Min(warmRead, sw.Elapsed.TotalSeconds);
            warmReadCpu = Math.Min(warmReadCpu, Cpu() - cpu);
        }
        o["engineS"] = engine;
        o["engineCpu"] = engineCpu;
        o["referenceS"] = reference;
        o["referenceCpu"] = referenceCpu;
        o["warmReadS"] = warmRead;
        o["warmReadCpu"] = warmReadCpu;

        // Findings against the generator's manifest, for every rule the catalog has.
        var manifestPath = BenchmarkData.ManifestPath(file);
        if (File.Exists(manifestPath))
        {
            var planted = (JObject)JObject.Parse(File.ReadAllText(manifestPath))["planted"]!;
            var ids = supported;
            var checks = new List<string>();
            foreach (var kv in planted)
            {
                if (!ids.Contains(kv.Key)) continue;
                var found = findingsById.GetValueOrDefault(kv.Key);
                var want = (int)kv.Value!;
                checks.Add(found == want ? $"{kv.Key} ok" : $"{kv.Key} {found}≠{want}");
            }
            // The people each rule's findings reach against the generator's expectation (issue 18).
            var exposure = (JObject?)JObject.Parse(File.ReadAllText(manifestPath))["exposure"];
            var exposureChecks = 0;
            foreach (var kv in exposure ?? new JObject())
            {
                var found = exposureFound?.Rules.FirstOrDefault(r => r.RuleId == kv.Key)?.People ?? 0;
                var want = (int)kv.Value!;
                if (found == want) exposureChecks++;
                else checks.Add($"exposure {kv.Key} {found}≠{want}");
            }
            if (exposure != null) checks.Add($"exposure ok for {exposureChecks} of {exposure.Count} rules");
            o["manifestCheck"] = string.Join(", ", checks);
        }
        var rules = new JObject();
        foreach (var t in ruleTimings) rules[t.RuleName] = t.Elapsed.TotalSeconds;
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
        var cpu = Cpu();
        var findings = Batch.Run(analyzer, files);
        o["batchS"] = sw.Elapsed.TotalSeconds;
        o["batchCpu"] = Cpu() - cpu;
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
        double D(JObject r, string k) => (double)r[k]!;
        Console.WriteLine();
        Console.WriteLine("Wall-clock seconds, then process CPU seconds in brackets (user+sys, all threads incl. GC).");
        Console.WriteLine("read/analyse/write/total: the CLI path once (read, analyse, write SARIF), cold (JIT included). warm read, engine, reference: best of several runs in the same process.");
        Console.WriteLine("Ratios use CPU time (robust on a shared machine): analyse/read = engine (all rules) ÷ warm read; engine/ref = engine compiled with the reference's rules (" + string.Join(", ", LinqReference.CoveredRuleIds) + ") ÷ LINQ reference of those rules.");
        Console.WriteLine();
        Console.WriteLine("| people | file MB | token scan s | read s | read/scan | analyse s | write s | total s | peak MB | warm read s | engine s (all rules) | engine s (ref rules) | reference s | analyse/read | engine/ref | findings | reference check | manifest check |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|");
        foreach (var r in rows)
        {
            string P(string k) => $"{F(D(r, k + "S"))} ({F(D(r, k + "Cpu"))})";
            Console.WriteLine($"| {(int)r["people"]!:N0} | {F(D(r, "fileMb"), 1)} | {P("tokenScan")} | {P("read")} | {F(D(r, "readCpu") / Math.Max(D(r, "tokenScanCpu"), 1e-9))} | {P("analyse")} | {P("write")} | {F(D(r, "totalS"))} ({F(D(r, "totalCpu"))}) | {F(D(r, "peakMb"), 0)} | {P("warmRead")} | {F(D(r, "engineS"), 3)} ({F(D(r, "engineCpu"), 3)}) | {F(D(r, "engine3S"), 3)} ({F(D(r, "engine3Cpu"), 3)}) | {F(D(r, "referenceS"), 3)} ({F(D(r, "referenceCpu"), 3)}) | {F(D(r, "engineCpu") / Math.Max(D(r, "warmReadCpu"), 1e-9))} | {F(D(r, "engine3Cpu") / Math.Max(D(r, "referenceCpu"), 1e-9))} | {(int)r["findings"]!:N0} | {r["referenceCheck"]} | {r["manifestCheck"]} |");
        }
        Console.WriteLine();
        Console.WriteLine("Writers (wall, CPU in brackets; SARIF is the CLI path above, the others after it, to a null stream; target ≤ 0.5 s each) and the DuckDB peer (the three reference rules as SQL over the same file, its own process, wall/CPU/peak; check = same rule, entity and reach as the engine):");
        Console.WriteLine("| people | exposure s | exposure ÷ analyse (CPU) | SARIF s | JSON s | text s | HTML s | DuckDB s | DuckDB peak MB | end to end ÷ DuckDB | DuckDB check |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var r in rows)
        {
            string P(string k) => r[k + "S"] is null ? "–" : $"{F(D(r, k + "S"))} ({F(D(r, k + "Cpu"))})";
            var hasPeer = r["duckdbS"] != null;
            var exposureShare = r["exposureCpu"] is null ? "–" : (D(r, "exposureCpu") / Math.Max(D(r, "engineCpu"), 1e-9)).ToString("P1", Inv);
            Console.WriteLine($"| {(int)r["people"]!:N0} | {P("exposure")} | {exposureShare} | {P("write")} | {P("jsonWrite")} | {P("textWrite")} | {P("htmlWrite")} | {P("duckdb")} | {(hasPeer ? F(D(r, "duckdbPeakMb"), 0) : "–")} | {(hasPeer ? F(D(r, "totalS") / Math.Max(D(r, "duckdbS"), 1e-9)) : "–")} | {r["duckdbCheck"] ?? "not run"} |");
        }
        var r100k = rows.FirstOrDefault(r => (int)r["people"]! == 100_000);
        var r1m = rows.FirstOrDefault(r => (int)r["people"]! == 1_000_000);
        if (r100k != null && r1m != null)
        {
            string G(string key) => F(D(r1m, key) / Math.Max(D(r100k, key), 1e-9), 1) + "×";
            Console.WriteLine();
            Console.WriteLine($"growth 100k → 1M (target ≤ 10×, issue 14; first round ≤ 11×): total {G("totalS")} wall / {G("totalCpu")} CPU, read {G("readCpu")} CPU, warm read {G("warmReadCpu")} CPU, engine {G("engineCpu")} CPU, engine (ref rules) {G("engine3Cpu")} CPU, reference {G("referenceCpu")} CPU, peak memory {G("peakMb")}");
            Console.WriteLine();
            Console.WriteLine("Per rule (rule timings of the first analysis: matching + actions):");
            Console.WriteLine("| rule | 100k s | 1M s | growth |");
            Console.WriteLine("|---|---:|---:|---:|");
            foreach (var kv in (JObject)r1m["rules"]!)
            {
                var small = (double?)r100k["rules"]?[kv.Key] ?? 0;
                var big = (double)kv.Value!;
                Console.WriteLine($"| {kv.Key} | {F(small, 4)} | {F(big, 4)} | {(small > 0.0005 ? F(big / small, 1) + "×" : "(too small)")} |");
            }
        }
        var compile = rows.Count > 0 ? D(rows[0], "compileS") : batch != null ? D(batch, "compileS") : 0;
        Console.WriteLine();
        Console.WriteLine($"compile rule set: {F(compile)} s wall (target ≤ 1 s)");
        if (batch != null)
            Console.WriteLine($"batch {(int)batch["files"]!:N0} × 200 people, one analyzer, parallel: {F(D(batch, "batchS"))} s wall ({F(D(batch, "batchCpu"))} s CPU), {F(D(batch, "totalS"))} s with compile, peak {F(D(batch, "peakMb"), 0)} MB (target ≤ 20 s)");
        if (r1m != null)
        {
            Console.WriteLine($"1M targets: engine/ref {F(D(r1m, "engine3Cpu") / D(r1m, "referenceCpu"))} (≤ 2, reference rules only), engine/read {F(D(r1m, "engineCpu") / D(r1m, "warmReadCpu"))} (≤ 1), " +
                              $"end to end {F(D(r1m, "totalS"))} s wall / {F(D(r1m, "totalCpu"))} s CPU (≤ 15 s), peak {F(D(r1m, "peakMb"), 0)} MB (≤ 2048)");
        }
    }
}
