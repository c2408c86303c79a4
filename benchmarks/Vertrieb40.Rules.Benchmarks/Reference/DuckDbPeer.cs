using System.Diagnostics;
using System.Globalization;
using Newtonsoft.Json.Linq;
using Vertrieb40.Rules.Diagnostics;

namespace Vertrieb40.Rules.Benchmarks.Reference;

/// <summary>
/// The quick table's peer column: the three reference rules as SQL in DuckDB (project
/// <c>benchmarks/Vertrieb40.Rules.DuckDbPeer</c>, outside the solution because DuckDB brings ~420 MB of native
/// binaries). Built on demand, run in its own process, and its findings compared with the engine's.
/// </summary>
public static class DuckDbPeer
{
    private static string ProjectDirectory =>
        Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../Vertrieb40.Rules.DuckDbPeer"));

    private static string Executable => Path.Combine(ProjectDirectory, "bin/Release/net10.0/Vertrieb40.Rules.DuckDbPeer");

    /// <summary>Builds the peer (Release); returns an error text, or null when it is ready.</summary>
    public static string? Build()
    {
        if (!Directory.Exists(ProjectDirectory)) return "peer project not found at " + ProjectDirectory;
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "build", ProjectDirectory, "-c", "Release", "--nologo", "-v", "q" }) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        return p.ExitCode == 0 && File.Exists(Executable) ? null : "peer build failed: " + (output.Result + error).Trim().Split('\n').LastOrDefault();
    }

    /// <summary>Runs the peer on <paramref name="file"/>: its RESULT object plus <c>findingsFile</c>, or null on failure.</summary>
    public static JObject? Run(string file)
    {
        var findings = Path.Combine(Path.GetTempPath(), $"vertrieb40-duckdb-{Environment.ProcessId}.tsv");
        var psi = new ProcessStartInfo(Executable) { RedirectStandardOutput = true, UseShellExecute = false };
        psi.ArgumentList.Add(file);
        psi.ArgumentList.Add(findings);
        using var p = Process.Start(psi)!;
        JObject? result = null;
        string? line;
        while ((line = p.StandardOutput.ReadLine()) != null)
            if (line.StartsWith("RESULT ", StringComparison.Ordinal)) result = JObject.Parse(line[7..]);
            else Console.WriteLine("    duckdb: " + line);
        p.WaitForExit();
        if (p.ExitCode != 0 || result is null) return null;
        result["findingsFile"] = findings;
        return result;
    }

    /// <summary>The engine's findings of the covered rules in the peer's line format (rule, entity, reach; sorted).</summary>
    public static IEnumerable<string> Lines(IEnumerable<Diagnostic> engine)
        => engine.Where(d => LinqReference.CoveredRuleIds.Contains(d.Id))
            .Select(d => string.Create(CultureInfo.InvariantCulture, $"{d.Id}\t{d.Location.EntityId}\t{d.Arguments[^1]}"))
            .OrderBy(s => s, StringComparer.Ordinal);

    /// <summary>
    /// The engine's findings file (<see cref="Lines"/>) against the peer's: same rule, entity and reach (the reach
    /// is the last message argument of the three rules). Null when they agree, else the first difference.
    /// </summary>
    public static string? Compare(string engineFile, string peerFile)
    {
        var mine = File.ReadAllLines(engineFile).OrderBy(s => s, StringComparer.Ordinal).ToList();
        var theirs = File.ReadAllLines(peerFile).OrderBy(s => s, StringComparer.Ordinal).ToList();
        if (mine.Count != theirs.Count) return $"engine {mine.Count} findings, DuckDB {theirs.Count}";
        for (var i = 0; i < mine.Count; i++)
            if (mine[i] != theirs[i]) return $"engine '{mine[i].Replace('\t', ' ')}' vs DuckDB '{theirs[i].Replace('\t', ' ')}'";
        return null;
    }
}
