using System.Globalization;
using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Scoring;

namespace Vertrieb40.Rules.Reporting;

/// <summary>One recommended action: a rule whose findings reach people, with its exposure and impact.</summary>
internal sealed record TopAction(DiagnosticDescriptor Descriptor, RuleExposure Exposure, double Weight)
{
    /// <summary>The rule's weight × the people it touches: what the ranking sorts by.</summary>
    public double Impact => Weight * Exposure.People;
}

/// <summary>
/// The actions a report leads with (HTML executive summary, the text report's last lines): the rules whose
/// counted findings reach people, ranked by impact — the rule's weight × the distinct people its findings touch
/// (docs/score.md, Exposure) — largest first; ties by rule id.
/// </summary>
internal static class TopActions
{
    /// <summary>
    /// The weight of a rule in the ranking: the score's one weight table (severity weight × principle factor,
    /// <see cref="ScoreWeights.For"/>, docs/score.md), so the report ranks actions the way the score weighs them.
    /// </summary>
    internal static double WeightOf(RuleExposure exposure, ScoreWeights weights) => weights.For(exposure.RuleId, exposure.Severity);

    /// <summary>Every rule that reaches people, by impact.</summary>
    public static IReadOnlyList<TopAction> Ranked(AnalysisResult result, ReportContext context)
    {
        if (result.Exposure is not { } exposure) return Array.Empty<TopAction>();
        var descriptors = context.Descriptors.Concat(result.Diagnostics.Select(d => d.Descriptor))
            .GroupBy(d => d.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        return exposure.Rules
            .Where(r => r.People > 0 && descriptors.ContainsKey(r.RuleId))
            .Select(r => new TopAction(descriptors[r.RuleId], r, WeightOf(r, context.ScoreWeights)))
            .Where(a => a.Weight > 0)
            .OrderByDescending(a => a.Impact).ThenBy(a => a.Descriptor.Id, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The way out of a rule in one sentence: the last sentence of its message (where it carries no placeholder), else its title.</summary>
    public static string WayOut(DiagnosticDescriptor d, CultureInfo culture)
    {
        var format = d.MessageFormat.ToString(culture).Trim();
        var sentences = Sentences(format);
        var last = sentences.Count > 1 ? sentences[^1] : null;
        return last is null || last.Contains('{', StringComparison.Ordinal) ? d.Title.ToString(culture) : last;
    }

    // A message format's first sentence (null for one sentence), found once per format: reports ask per finding.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string?> FirstSentences = new(StringComparer.Ordinal);

    /// <summary>What was found: the first sentence of the diagnostic's message (the rule's reasons are shown once per rule).</summary>
    public static string WhatWasFound(Diagnostic d, CultureInfo culture)
    {
        var first = FirstSentences.GetOrAdd(d.Descriptor.MessageFormat.ToString(culture), static format =>
        {
            var sentences = Sentences(format.Trim());
            return sentences.Count < 2 ? null : sentences[0];
        });
        if (first is null) return d.GetMessage(culture);
        // The sentence goes through the same plural-aware formatting as the whole message ("2 people", not the raw pattern).
        var args = d.Arguments.ToArray();
        try { return Diagnostics.PluralFormat.Format(culture, first, args); }
        catch (FormatException) { return d.GetMessage(culture); }
    }

    /// <summary>A "rounded percentage" as people read it: 41 %, or "&lt; 1 %" for a few people in a large organisation.</summary>
    public static string Percent(double share, CultureInfo culture)
    {
        var p = Math.Round(share * 100, MidpointRounding.AwayFromZero);
        if (p == 0 && share > 0) return culture.TwoLetterISOLanguageName == "de" ? "< 1 %" : "< 1 %";
        return p.ToString("0", culture) + " %";
    }

    // Sentences of a message format: a period followed by a space ends one, unless inside a placeholder or quotes.
    private static List<string> Sentences(string format)
    {
        var list = new List<string>();
        var start = 0;
        var inPlaceholder = false;
        var inQuote = false;
        for (var i = 0; i < format.Length; i++)
        {
            var ch = format[i];
            if (ch == '{') inPlaceholder = true;
            else if (ch == '}') inPlaceholder = false;
            else if (ch == '\'' && (i == 0 || !char.IsLetter(format[i - 1]) || inQuote)) inQuote = !inQuote;
            else if ((ch is '.' or '!' or '?') && !inPlaceholder && !inQuote && i + 1 < format.Length && format[i + 1] == ' '
                     && !(i >= 1 && char.IsUpper(format[i - 1]) && (i < 2 || format[i - 2] == ' ')))
            {
                list.Add(format[start..(i + 1)].Trim());
                start = i + 2;
            }
        }
        if (start < format.Length) list.Add(format[start..].Trim());
        return list.Where(s => s.Length > 0).ToList();
    }
}
