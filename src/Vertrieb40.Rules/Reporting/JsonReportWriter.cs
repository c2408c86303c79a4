using System.Globalization;
using Vertrieb40.Rules.Text;
using Newtonsoft.Json;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Scoring;

namespace Vertrieb40.Rules.Reporting;

/// <summary>
/// The JSON result format (documented in docs/result-format.md): per file, every diagnostic with its
/// location, pointer, entity, message and suppression, the file's summary (per severity and category) and
/// its Vertrieb-4.0 score (overall, per category, per unit); then totals and the score over all files.
/// Written as a stream; byte-identical for the same input (no timestamps, stable order).
/// </summary>
internal sealed class JsonReportWriter : IReportWriter
{
    /// <summary>The format version of this output.</summary>
    public const string FormatVersion = "1.1";

    /// <inheritdoc />
    public string Format => "json";

    /// <inheritdoc />
    public void Write(ReportContext context, TextWriter output)
    {
        using var w = new SafeJsonTextWriter(output) { Formatting = Formatting.Indented, CloseOutput = false };
        var culture = context.Culture;
        w.WriteStartObject();
        w.WritePropertyName("formatVersion"); w.WriteValue(FormatVersion);
        w.WritePropertyName("tool");
        w.WriteStartObject();
        w.WritePropertyName("name"); w.WriteValue("vertrieb40");
        w.WritePropertyName("version"); w.WriteValue(context.ToolVersion);
        w.WriteEndObject();
        w.WritePropertyName("culture"); w.WriteValue(culture.Name.Length == 0 ? "en" : culture.Name);
        w.WritePropertyName("files");
        w.WriteStartArray();
        var all = new List<Diagnostic>();
        var scores = new List<OrganizationScore>();
        var privacy = new ReportPrivacy(context);
        foreach (var r in context.Results)
        {
            w.WriteStartObject();
            w.WritePropertyName("path"); w.WriteValue(r.FilePath);
            w.WritePropertyName("inputFailed"); w.WriteValue(r.InputFailed);
            w.WritePropertyName("people"); w.WriteValue(r.PeopleCount);
            w.WritePropertyName("units"); w.WriteValue(r.UnitCount);
            if (r.AsOf is { } asOf) { w.WritePropertyName("asOf"); w.WriteValue(asOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)); }
            w.WritePropertyName("diagnostics");
            w.WriteStartArray();
            foreach (var d in r.Diagnostics)
            {
                all.Add(d);
                WriteDiagnostic(w, d, culture, privacy.Message(r, d));
            }
            w.WriteEndArray();
            WriteSummary(w, r.Diagnostics);
            WriteCoverage(w, r, culture);
            var score = r.Score(context.ScoreWeights);
            w.WritePropertyName("score");
            if (score is null) w.WriteNull();
            else
            {
                scores.Add(score);
                WriteScore(w, score, context.MinimumGroupSize, culture);
            }
            w.WritePropertyName("exposure");
            ExposureJson.Write(w, r.Exposure, context.MinimumGroupSize, output);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        WriteSummary(w, all);
        w.WritePropertyName("score");
        if (scores.Count == 0) w.WriteNull();
        else WriteCard(w, VertriebScore.Combine(scores.Select(s => s.Organization).ToList(), context.ScoreWeights), culture);
        w.WriteEndObject();
        w.Flush();
        output.WriteLine();
    }

    private static void WriteDiagnostic(JsonWriter w, Diagnostic d, IFormatProvider culture, string message)
    {
        w.WriteStartObject();
        w.WritePropertyName("id"); w.WriteValue(d.Id);
        w.WritePropertyName("severity"); w.WriteValue(SeverityName(d.Severity));
        w.WritePropertyName("defaultSeverity"); w.WriteValue(SeverityName(d.DefaultSeverity));
        w.WritePropertyName("category"); w.WriteValue(d.Descriptor.Category);
        w.WritePropertyName("title"); w.WriteValue(d.Descriptor.Title.ToString(culture));
        w.WritePropertyName("message"); w.WriteValue(message);
        w.WritePropertyName("helpUri"); w.WriteValue(d.Descriptor.HelpLinkUri);
        WriteLocation(w, "location", d.Location);
        if (d.AdditionalLocations.Count > 0)
        {
            w.WritePropertyName("additionalLocations");
            w.WriteStartArray();
            foreach (var l in d.AdditionalLocations) WriteLocation(w, null, l);
            w.WriteEndArray();
        }
        if (d.Properties.Count > 0)
        {
            w.WritePropertyName("properties");
            w.WriteStartObject();
            foreach (var kv in d.Properties.OrderBy(k => k.Key, StringComparer.Ordinal))
            {
                w.WritePropertyName(kv.Key);
                w.WriteValue(kv.Value);
            }
            w.WriteEndObject();
        }
        WriteArgumentSources(w, d);
        w.WritePropertyName("suppressed"); w.WriteValue(d.IsSuppressed);
        if (d.IsSuppressed) { w.WritePropertyName("justification"); w.WriteValue(d.SuppressionJustification); }
        w.WriteEndObject();
    }

    /// <summary>
    /// <c>argumentSources</c>: where each message argument comes from (issue 10), when the diagnostic says; pointers with
    /// indexes, never a name, so the same in every privacy mode. Shared with the SARIF writer (result properties).
    /// </summary>
    internal static void WriteArgumentSources(JsonWriter w, Diagnostic d)
    {
        if (d.ArgumentSources.Count == 0) return;
        w.WritePropertyName("argumentSources");
        w.WriteStartArray();
        foreach (var source in d.ArgumentSources) w.WriteValue(source);
        w.WriteEndArray();
    }

    private static void WriteLocation(JsonWriter w, string? name, Location l)
    {
        if (name != null) w.WritePropertyName(name);
        w.WriteStartObject();
        w.WritePropertyName("file"); w.WriteValue(l.FilePath);
        w.WritePropertyName("pointer"); w.WriteValue(l.JsonPointer);
        if (l.Span.IsKnown)
        {
            w.WritePropertyName("line"); w.WriteValue(l.Span.StartLine);
            w.WritePropertyName("column"); w.WriteValue(l.Span.StartColumn);
            w.WritePropertyName("endLine"); w.WriteValue(l.Span.EndLine);
            w.WritePropertyName("endColumn"); w.WriteValue(l.Span.EndColumn);
            // A workbook: line is the row, column the column number of this sheet (format 1.0, additive).
            if (l.Sheet != null) { w.WritePropertyName("sheet"); w.WriteValue(l.Sheet); }
        }
        // When the span is narrowed to the property that caused a finding: the whole entity (format 1.0, additive).
        if (l.ContextSpan.IsKnown && l.ContextSpan != l.Span)
        {
            w.WritePropertyName("context");
            w.WriteStartObject();
            w.WritePropertyName("line"); w.WriteValue(l.ContextSpan.StartLine);
            w.WritePropertyName("column"); w.WriteValue(l.ContextSpan.StartColumn);
            w.WritePropertyName("endLine"); w.WriteValue(l.ContextSpan.EndLine);
            w.WritePropertyName("endColumn"); w.WriteValue(l.ContextSpan.EndColumn);
            w.WriteEndObject();
        }
        if (l.EntityId != null)
        {
            w.WritePropertyName("entityKind"); w.WriteValue(l.EntityKind);
            w.WritePropertyName("entityId"); w.WriteValue(l.EntityId);
        }
        w.WriteEndObject();
    }

    private static void WriteSummary(JsonWriter w, IReadOnlyList<Diagnostic> diagnostics)
    {
        w.WritePropertyName("summary");
        w.WriteStartObject();
        WriteCountFields(w, SeverityCounts.Of(diagnostics));
        w.WritePropertyName("byCategory");
        w.WriteStartObject();
        foreach (var category in TextReportWriter.CategoriesOf(diagnostics))
        {
            w.WritePropertyName(category);
            w.WriteStartObject();
            WriteCountFields(w, SeverityCounts.Of(diagnostics.Where(d => d.Descriptor.Category == category)));
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.WriteEndObject();
    }

    // Coverage (issue 10): per catalog rule whether it could judge the document, with the reason when not.
    private static void WriteCoverage(JsonWriter w, AnalysisResult r, IFormatProvider culture)
    {
        w.WritePropertyName("coverage");
        if (r.InputFailed)
        {
            w.WriteNull();
            return;
        }
        w.WriteStartObject();
        w.WritePropertyName("checked"); w.WriteValue(r.Coverage.Count(c => c.Status == Analysis.CoverageStatus.Checked));
        w.WritePropertyName("couldNotCheck"); w.WriteValue(r.Coverage.Count(c => c.Status == Analysis.CoverageStatus.CouldNotCheck));
        w.WritePropertyName("notApplicable"); w.WriteValue(r.Coverage.Count(c => c.Status == Analysis.CoverageStatus.NotApplicable));
        w.WritePropertyName("total"); w.WriteValue(r.Coverage.Count);
        w.WritePropertyName("rules");
        w.WriteStartArray();
        foreach (var c in r.Coverage)
        {
            w.WriteStartObject();
            w.WritePropertyName("id"); w.WriteValue(c.RuleId);
            w.WritePropertyName("status"); w.WriteValue(c.StatusName);
            if (c.Status != Analysis.CoverageStatus.Checked)
            {
                w.WritePropertyName("reason"); w.WriteValue(c.ReasonIn(culture));
            }
            if (c.MissingFacts.Count > 0)
            {
                w.WritePropertyName("missingFacts");
                w.WriteStartArray();
                foreach (var f in c.MissingFacts) w.WriteValue(f);
                w.WriteEndArray();
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteScore(JsonWriter w, OrganizationScore score, int minimumGroupSize, CultureInfo culture)
    {
        w.WriteStartObject();
        if (score.RulesChecked is { } n && score.RulesTotal is { } m)
        {
            w.WritePropertyName("rulesChecked"); w.WriteValue(n);
            w.WritePropertyName("rulesTotal"); w.WriteValue(m);
        }
        // Added in 1.1 (compatible): the overall score is over the scored categories.
        w.WritePropertyName("categoriesScored"); w.WriteValue(score.CategoriesScored);
        w.WritePropertyName("categoriesTotal"); w.WriteValue(score.CategoriesTotal);
        WriteCardFields(w, score.Organization, culture);
        // Privacy: units smaller than the minimum group size get no line of their own; their findings are
        // already part of their parent's (rolled-up) figures.
        w.WritePropertyName("units");
        w.WriteStartArray();
        foreach (var u in score.Units)
        {
            if (u.Unit.SubtreePeople < minimumGroupSize) continue;
            w.WriteStartObject();
            w.WritePropertyName("id"); w.WriteValue(u.Unit.Id);
            w.WritePropertyName("name"); w.WriteValue(u.Unit.Name);
            w.WritePropertyName("parentId"); w.WriteValue(u.Unit.ParentIndex < 0 ? null : score.Units[u.Unit.ParentIndex].Unit.Id);
            w.WritePropertyName("people"); w.WriteValue(u.Unit.SubtreePeople);
            w.WritePropertyName("overall"); w.WriteValue(u.Card.Overall.Score);
            foreach (var c in u.Card.Categories) { w.WritePropertyName(Camel(c.Category)); w.WriteValue(c.Score); }
            w.WritePropertyName("errors"); w.WriteValue(u.Card.Counts.Errors);
            w.WritePropertyName("warnings"); w.WriteValue(u.Card.Counts.Warnings);
            w.WritePropertyName("info"); w.WriteValue(u.Card.Counts.Infos);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteCard(JsonWriter w, ScoreCard card, CultureInfo culture)
    {
        w.WriteStartObject();
        WriteCardFields(w, card, culture);
        w.WriteEndObject();
    }

    private static void WriteCardFields(JsonWriter w, ScoreCard card, CultureInfo culture)
    {
        w.WritePropertyName("overall"); WriteCategory(w, card.Overall, culture);
        w.WritePropertyName("categories");
        w.WriteStartObject();
        foreach (var c in card.Categories) { w.WritePropertyName(c.Category); WriteCategory(w, c, culture); }
        w.WriteEndObject();
    }

    private static void WriteCategory(JsonWriter w, CategoryScore c, CultureInfo culture)
    {
        w.WriteStartObject();
        w.WritePropertyName("score"); w.WriteValue(c.Score);
        w.WritePropertyName("exact"); w.WriteValue(Math.Round(c.Exact, 2));
        w.WritePropertyName("cleanEntities"); w.WriteValue(c.CleanEntities);
        w.WritePropertyName("penalty"); w.WriteValue(Math.Round(c.Penalty, 2));
        w.WritePropertyName("findings"); w.WriteValue(c.Findings);
        // Since 1.1: the people part (docs/score.md).
        w.WritePropertyName("people"); w.WriteValue(c.People);
        w.WritePropertyName("weightedExposure"); w.WriteValue(Math.Round(c.WeightedExposure, 4));
        w.WritePropertyName("peopleUnderError"); w.WriteValue(c.PeopleUnderError);
        w.WritePropertyName("capped"); w.WriteValue(c.Capped);
        // Added in 1.1 (compatible): a category no rule of which could judge the input is not scored; `score` keeps
        // its 1.1 shape (100: nothing counted) and must not be shown (result-format.md).
        w.WritePropertyName("scored"); w.WriteValue(c.Scored);
        if (c.RulesChecked is { } n && c.RulesTotal is { } m)
        {
            w.WritePropertyName("rulesChecked"); w.WriteValue(n);
            w.WritePropertyName("rulesTotal"); w.WriteValue(m);
        }
        if (!c.Scored)
        {
            w.WritePropertyName("notScoredReason");
            w.WriteValue(CoverageText.CategoryNotScoredLine(ReportText.Category(c.Category, culture), culture));
        }
        w.WriteEndObject();
    }

    // A category's property name per unit line (120,000 units at a million people): made once per category.
    private static string Camel(string s) => CamelNames.GetOrAdd(s, static c => char.ToLowerInvariant(c[0]) + c[1..]);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> CamelNames = new(StringComparer.Ordinal);

    private static void WriteCountFields(JsonWriter w, SeverityCounts c)
    {
        w.WritePropertyName("errors"); w.WriteValue(c.Errors);
        w.WritePropertyName("warnings"); w.WriteValue(c.Warnings);
        w.WritePropertyName("info"); w.WriteValue(c.Infos);
        w.WritePropertyName("hidden"); w.WriteValue(c.Hidden);
        w.WritePropertyName("suppressed"); w.WriteValue(c.Suppressed);
    }

    internal static string SeverityName(DiagnosticSeverity s) => Diagnostic.SeverityName(s);
}
