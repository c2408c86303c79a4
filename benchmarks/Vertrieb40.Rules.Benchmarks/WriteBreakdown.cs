using System.Diagnostics;
using System.Globalization;
using Vertrieb40.Rules.Reading;
using Vertrieb40.Rules.Reporting;

namespace Vertrieb40.Rules.Benchmarks;

/// <summary>Where writing time goes: each report writer on the same analysis, best CPU time and allocations (diagnostics for optimising the writers).</summary>
public static class WriteBreakdown
{
    private static double Cpu() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;

    /// <summary>
    /// Writes every format <paramref name="repeats"/> times to a null stream and prints the best CPU time per format.
    /// With <paramref name="only"/> (e.g. "html" or "sarif,json"): those writers alone, in English, without the shared
    /// pieces (to profile one writer, e.g. under perf).
    /// </summary>
    public static int Run(string file, int repeats, string? only = null)
    {
        var analyzer = OrganizationAnalyzer.Default;
        var result = analyzer.Analyze(OrganizationReader.ReadFile(file));
        Console.WriteLine($"{result.Diagnostics.Count:N0} findings");
        if (only is null) Pieces(file, result, analyzer, repeats);
        var formats = only?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var cultures = only is null ? new[] { CultureInfo.InvariantCulture, CultureInfo.GetCultureInfo("de") } : new[] { CultureInfo.InvariantCulture };
        foreach (var culture in cultures)
            foreach (var (name, writer) in new (string, IReportWriter)[]
                     { ("sarif", new SarifReportWriter()), ("json", new JsonReportWriter()), ("text", new TextReportWriter()), ("html", new HtmlReportWriter()) })
            {
                if (formats != null && !formats.Contains(name)) continue;
                WriteOne(result, analyzer, culture, name, writer, repeats);
            }
        return 0;
    }

    private static void Pieces(string file, AnalysisResult result, OrganizationAnalyzer analyzer, int repeats)
    {
        // The SARIF writer's GitHub line hashes read and hash the whole input: their share, alone.
        var wanted = result.Diagnostics.Select(d => d.Location.Span.StartLine).Where(l => l > 0).ToHashSet();
        double bestHash = double.MaxValue;
        for (var i = 0; i < repeats; i++)
        {
            var cpu = Cpu();
            GitHubLineHash.OfFile(file, wanted);
            bestHash = Math.Min(bestHash, Cpu() - cpu);
        }
        Console.WriteLine($"{"line hashes",-12} best CPU {bestHash:F3} s ({wanted.Count:N0} lines wanted)");
        // The score every writer computes from the outline (once per write), alone.
        double bestScore = double.MaxValue;
        long scoreAllocated = 0;
        for (var i = 0; i < repeats; i++)
        {
            var cpu = Cpu();
            var a = GC.GetTotalAllocatedBytes(true);
            result.Score();
            scoreAllocated = GC.GetTotalAllocatedBytes(true) - a;
            bestScore = Math.Min(bestScore, Cpu() - cpu);
        }
        Console.WriteLine($"{"score",-16} best CPU {bestScore:F3} s, allocated {scoreAllocated / 1048576.0:F1} MB ({Scoring.VertriebScore.LastUnitVisits:N0} unit visits)");
        // The per-finding pieces every writer shares, alone.
        var de = CultureInfo.GetCultureInfo("de");
        var privacy = new ReportPrivacy(new ReportContext(new[] { result }, analyzer.SupportedDiagnostics, de));
        var baseDir = Directory.GetCurrentDirectory();
        foreach (var (name, piece) in new (string, Action<Diagnostics.Diagnostic>)[]
                 {
                     ("message", d => d.GetMessage(de)),
                     ("privacy message", d => privacy.Message(result, d)),
                     ("fingerprint", d => Baselines.DiagnosticFingerprint.Compute(d)),
                     ("relative uri", d => SarifReportWriter.RelativeUri(d.Location.FilePath!, baseDir)),
                 })
        {
            double bestPiece = double.MaxValue;
            long pieceAllocated = 0;
            for (var i = 0; i < repeats; i++)
            {
                var cpu = Cpu();
                var a = GC.GetTotalAllocatedBytes(true);
                foreach (var d in result.Diagnostics) piece(d);
                pieceAllocated = GC.GetTotalAllocatedBytes(true) - a;
                bestPiece = Math.Min(bestPiece, Cpu() - cpu);
            }
            Console.WriteLine($"{name,-16} best CPU {bestPiece:F3} s, {bestPiece / Math.Max(1, result.Diagnostics.Count) * 1e6:F1} µs per finding, allocated {pieceAllocated / 1048576.0:F1} MB");
        }
    }

    private static void WriteOne(AnalysisResult result, OrganizationAnalyzer analyzer, CultureInfo culture, string name, IReportWriter writer, int repeats)
    {
        double best = double.MaxValue, bestWall = double.MaxValue;
        long allocated = long.MaxValue, bytes = 0;
        for (var i = 0; i < repeats; i++)
        {
            var counting = new CountingStream();
            var cpu = Cpu();
            var a = GC.GetTotalAllocatedBytes(true);
            var sw = Stopwatch.StartNew();
            using (var w = new StreamWriter(counting))
                writer.Write(new ReportContext(new[] { result }, analyzer.SupportedDiagnostics, culture), w);
            bestWall = Math.Min(bestWall, sw.Elapsed.TotalSeconds);
            best = Math.Min(best, Cpu() - cpu);
            allocated = Math.Min(allocated, GC.GetTotalAllocatedBytes(true) - a);
            bytes = counting.Length;
        }
        // Optionally keep each output (to compare writers byte for byte before and after a change).
        if (Environment.GetEnvironmentVariable("VERTRIEB40_WRITE_DIR") is { Length: > 0 } dir)
        {
            Directory.CreateDirectory(dir);
            using var saved = new StreamWriter(Path.Combine(dir, $"report-{(culture.Name.Length == 0 ? "en" : culture.Name)}.{name}"));
            writer.Write(new ReportContext(new[] { result }, analyzer.SupportedDiagnostics, culture), saved);
        }
        var perResult = best / Math.Max(1, result.Diagnostics.Count) * 1e6;
        Console.WriteLine($"{name + " (" + (culture.Name.Length == 0 ? "en" : culture.Name) + ")",-12} best CPU {best:F3} s, wall {bestWall:F3} s, {perResult:F1} µs per finding, {bytes / 1048576.0:F1} MB written, allocated {allocated / 1048576.0:F1} MB");
    }

    private sealed class CountingStream : Stream
    {
        private long _length;
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _length;
        public override long Position { get => _length; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => _length += count;
        public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;
    }
}
