using System.Text;
using NRules.Fluent.Dsl;
using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Model;

namespace Vertrieb40.Rules.Rules.Effectiveness;

/// <summary>
/// VT3003 — "we are a family": overdone belonging in a culture statement (principle 3.1: a company cannot
/// keep that promise; the result is cynicism). A statement is reported when one of its words (or one part
/// of a hyphenated word) begins with
/// one of <c>VT3003.keywords</c> (default <c>famil</c>: family, families, family-like, Familie, familiär…)
/// and does not begin with one of <c>VT3003.ignoredWords</c> (default: familiar, family-owned, family-run,
/// family-friendly, family-led, Familienunternehmen, Familienbetrieb, familienfreundlich, familiengeführt,
/// familienbewusst — facts about ownership or about employees' own families, not belonging rhetoric), outside the
/// phrases of <c>VT3003.ignoredPhrases</c> (default: "Familie und Beruf", "Beruf und Familie", "family and work",
/// "work and family", "family business" …: the same facts in several words). Case-insensitive; one diagnostic
/// per statement. The article's sign is a company speaking of itself as (like) a family (L309).
/// </summary>
[RequiresFacts(InputFacts.CultureStatements)]
[Name(RuleIds.VT3003), Description("'We are a family' belonging rhetoric")]
internal sealed class FamilyRhetoricRule : OrganizationRule
{
    /// <summary>VT3003.</summary>
    public static readonly DiagnosticDescriptor Descriptor =
        RuleDescriptors.Create(RuleIds.VT3003, DiagnosticCategories.Effectiveness, DiagnosticSeverity.Info, WellKnownTags.Practice);

    /// <summary>Word beginnings that speak of the company as a family (English and German).</summary>
    public static readonly string[] DefaultKeywords = { "famil" };

    /// <summary>Word beginnings that contain a keyword but are no belonging rhetoric.</summary>
    public static readonly string[] DefaultIgnoredWords =
        { "familiar", "family-owned", "family-run", "family-friendly", "family-led", "familienunternehmen", "familienbetrieb",
          "familienfreundlich", "familiengeführt", "familienbewusst" };

    /// <summary>Phrases that contain a keyword but speak of employees' own families or of ownership.</summary>
    public static readonly string[] DefaultIgnoredPhrases =
        { "Familie und Beruf", "Beruf und Familie", "Familie und Karriere", "family and work", "work and family", "family and career",
          "family life", "family business", "family-owned business", "Familienleben" };

    /// <inheritdoc />
    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    /// <summary>Word beginnings that speak of the company as a family.</summary>
    public static readonly RuleOption<IReadOnlySet<string>> Keywords = RuleOption.Words(RuleIds.VT3003, "keywords", DefaultKeywords,
        "word beginnings that speak of the company as a family (comma-separated, case-insensitive)");

    /// <summary>Word beginnings that contain a keyword but are no belonging rhetoric.</summary>
    public static readonly RuleOption<IReadOnlySet<string>> IgnoredWords = RuleOption.Words(RuleIds.VT3003, "ignoredWords", DefaultIgnoredWords,
        "word beginnings that contain a keyword but are not belonging rhetoric");

    /// <summary>Phrases removed before the words are read.</summary>
    public static readonly RuleOption<IReadOnlySet<string>> IgnoredPhrases = RuleOption.Words(RuleIds.VT3003, "ignoredPhrases", DefaultIgnoredPhrases,
        "phrases removed before the words are read");

    /// <inheritdoc />
    public override IReadOnlyList<RuleOption> SupportedOptions => [Keywords, IgnoredWords, IgnoredPhrases];

    /// <summary>The first word of the statement that is family rhetoric under the options, or null.</summary>
    public static string? FamilyWord(CultureStatement statement, RuleOptions options)
    {
        var keywords = options.Get(Keywords);
        var ignored = options.Get(IgnoredWords);
        var text = statement.Text ?? "";
        foreach (var phrase in options.Get(IgnoredPhrases))
            if (phrase.Length > 0) text = text.Replace(phrase, " ", StringComparison.OrdinalIgnoreCase);
        foreach (var word in Words(text))
        {
            // Any part of a hyphenated word may carry the rhetoric ("Müller-Familie", "family-like"); the
            // ignored words are checked against the whole word ("family-owned").
            if (StartsWithAny(word, ignored)) continue;
            foreach (var part in word.Split('-', StringSplitOptions.RemoveEmptyEntries))
                if (StartsWithAny(part, keywords)) return word;
        }
        return null;
    }

    /// <summary>
    /// The words of a text: runs of letters and digits, joined by inner hyphens ("family-like" is one word,
    /// so that "family-owned" can be told apart from "family").
    /// </summary>
    internal static IEnumerable<string> Words(string? text)
    {
        if (string.IsNullOrEmpty(text)) yield break;
        text = text.Normalize(NormalizationForm.FormC); // "familiär" written with a combining diaeresis is still one word
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '-');
            if (inWord && start < 0) start = i;
            else if (!inWord && start >= 0)
            {
                var word = text[start..i].Trim('-');
                if (word.Length > 0) yield return word;
                start = -1;
            }
        }
    }

    private static bool StartsWithAny(string word, IReadOnlyCollection<string> prefixes)
    {
        foreach (var p in prefixes)
            if (p.Length > 0 && word.StartsWith(p, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <inheritdoc />
    public override void Define()
    {
        AnalysisContext context = null!;
        RuleOptions options = null!;
        CultureStatement statement = null!;

        Dependency().Resolve(() => context);
        When()
            .Match(() => options)
            .Match(() => statement, s => FamilyWord(s, options) != null);
        Then()
            .Do(_ => context.ReportAt(Descriptor, statement, "text", null, null,
                ArgumentSource.Name(statement), ArgumentSource.Optional(statement.Source, statement, "source"),
                ArgumentSource.Derived(FamilyWord(statement, options), "wordOf", ArgumentSource.PointerOf(statement, "text"))));
    }
}
