using System.Globalization;
using Newtonsoft.Json;
using Vertrieb40.Rules.Reporting;
using Vertrieb40.Rules.Text;

namespace Vertrieb40.Rules.Cli;

/// <summary>The table across the files of a batch (<c>summary.txt</c>, <c>summary.json</c>): status and counts per file.</summary>
internal static class BatchSummary
{
    public static string StatusOf(FileOutcome o)
    {
        if (!o.Started) return "not-run";
        if (o.Failure != null || o.WriteFailure != null) return "failed";
        if (o.Result is null) return "failed";
        if (o.Result.InputFailed) return "input-error";
        return o.Result.Active.Any() ? "findings" : "clean";
    }

    public static void WriteText(IReadOnlyList<FileOutcome> outcomes, Shard? shard, TextWriter w)
    {
        var rows = outcomes.Select(o =>
        {
            var c = o.Result is null ? default : SeverityCounts.Of(o.Result.Diagnostics);
            return (Key: TerminalText.Escape(o.Input.Key), Status: StatusOf(o), c, People: o.Result?.PeopleCount ?? 0, Units: o.Result?.UnitCount ?? 0);
        }).ToList();
        var width = Math.Max(4, rows.Count == 0 ? 4 : rows.Max(r => r.Key.Length));
        string Line(string file, string status, string e, string wa, string i, string s, string p, string u)
            => string.Create(CultureInfo.InvariantCulture, $"{file.PadRight(width)}  {status,-11} {e,6} {wa,8} {i,5} {s,10} {p,8} {u,6}");
        w.WriteLine(Line("file", "status", "errors", "warnings", "info", "suppressed", "people", "units"));
        foreach (var r in rows)
            w.WriteLine(Line(r.Key, r.Status, N(r.c.Errors), N(r.c.Warnings), N(r.c.Infos), N(r.c.Suppressed), N(r.People), N(r.Units)));
        var t = Totals(outcomes);
        w.WriteLine(Line("total", "", N(t.Errors), N(t.Warnings), N(t.Infos), N(t.Suppressed), N(rows.Sum(r => r.People)), N(rows.Sum(r => r.Units))));
        w.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{outcomes.Count(o => o.Started)} of {outcomes.Count} files analysed{(shard is { } sh ? $" (shard {sh})" : "")}: {outcomes.Count(o => StatusOf(o) == "clean")} clean, {outcomes.Count(o => StatusOf(o) == "findings")} with findings, {outcomes.Count(o => StatusOf(o) == "input-error")} with input errors, {outcomes.Count(o => StatusOf(o) == "failed")} failed, {outcomes.Count(o => !o.Started)} not run."));
        var notRun = outcomes.Where(o => !o.Started).ToList();
        if (notRun.Count > 0)
        {
            w.WriteLine("Not analysed (the batch was interrupted):");
            foreach (var o in notRun) w.WriteLine("  " + TerminalText.Escape(o.Input.Key));
        }
    }

    public static void WriteJson(IReadOnlyList<FileOutcome> outcomes, Shard? shard, string? outputDirectory, TextWriter output)
    {
        using var w = new SafeJsonTextWriter(output) { Formatting = Formatting.Indented, CloseOutput = false };
        w.WriteStartObject();
        w.WritePropertyName("formatVersion"); w.WriteValue("1.0");
        if (shard is { } s) { w.WritePropertyName("shard"); w.WriteValue(s.ToString()); }
        w.WritePropertyName("files");
        w.WriteStartArray();
        foreach (var o in outcomes)
        {
            w.WriteStartObject();
            w.WritePropertyName("path"); w.WriteValue(o.Input.Key);
            w.WritePropertyName("status"); w.WriteValue(StatusOf(o));
            if (o.ReportPath != null && outputDirectory != null)
            {
                w.WritePropertyName("report");
                w.WriteValue(Path.GetRelativePath(Path.GetFullPath(outputDirectory), o.ReportPath).Replace('\\', '/'));
            }
            if (o.Result != null)
            {
                var c = SeverityCounts.Of(o.Result.Diagnostics);
                WriteCounts(w, c);
                w.WritePropertyName("people"); w.WriteValue(o.Result.PeopleCount);
                w.WritePropertyName("units"); w.WriteValue(o.Result.UnitCount);
            }
            if (o.Failure != null) { w.WritePropertyName("failure"); w.WriteValue(o.Failure.GetType().Name + ": " + o.Failure.Message); }
            else if (o.WriteFailure != null) { w.WritePropertyName("failure"); w.WriteValue("the report cannot be written: " + o.WriteFailure.Message); }
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WritePropertyName("totals");
        w.WriteStartObject();
        w.WritePropertyName("files"); w.WriteValue(outcomes.Count);
        w.WritePropertyName("analysed"); w.WriteValue(outcomes.Count(o => o.Started));
        w.WritePropertyName("notRun"); w.WriteValue(outcomes.Count(o => !o.Started));
        w.WritePropertyName("failed"); w.WriteValue(outcomes.Count(o => StatusOf(o) == "failed"));
        w.WritePropertyName("inputErrors"); w.WriteValue(outcomes.Count(o => StatusOf(o) == "input-error"));
        WriteCounts(w, Totals(outcomes));
        w.WriteEndObject();
        w.WriteEndObject();
        w.Flush();
        output.WriteLine();
    }

    private static SeverityCounts Totals(IEnumerable<FileOutcome> outcomes)
        => SeverityCounts.Of(outcomes.Where(o => o.Result != null).SelectMany(o => o.Result!.Diagnostics));

    private static void WriteCounts(JsonWriter w, SeverityCounts c)
    {
        w.WritePropertyName("errors"); w.WriteValue(c.Errors);
        w.WritePropertyName("warnings"); w.WriteValue(c.Warnings);
        w.WritePropertyName("info"); w.WriteValue(c.Infos);
        w.WritePropertyName("suppressed"); w.WriteValue(c.Suppressed);
    }

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
}
