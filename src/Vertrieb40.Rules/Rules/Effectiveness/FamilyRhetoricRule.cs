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
/// family-friendly, Familienunternehmen, Familienbetrieb, familienfreundlich — facts about ownership or
/// about employees' own families, not belonging rhetoric). Case-insensitive; one diagnostic per statement.
/// </summary>
[RequiresFacts(InputFacts.CultureStatements)]
[Name("VT3003"), Description("'We are a family' belonging rhetoric")]
public sealed class FamilyRhetoricRule : OrganizationRule
{
    /// <summary>VT3003.</summary>
    public static readonly DiagnosticDescriptor Descriptor =
        RuleDescriptors.Create("VT3003", DiagnosticCategories.Effectiveness, DiagnosticSeverity.Info, WellKnownTags.Practice);

    /// <summary>Word beginnings that speak of the company as a family (English and German).</summary>
    public static readonly string[] DefaultKeywords = { "famil" };

    /// <summary>Word beginnings that contain a keyword but are no belonging rhetoric.</summary>
    public static readonly string[] DefaultIgnoredWords =
        { "familiar", "family-owned", "family-run", "family-friendly", "familienunternehmen", "familienbetrieb", "familienfreundlich" };

    /// <inheritdoc />
    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    /// <summary>The first word of the statement that is family rhetoric under the options, or null.</summary>
    public static string? FamilyWord(CultureStatement statement, RuleOptions options)
    {
        var keywords = options.Words("VT3003", "keywords", DefaultKeywords);
        var ignored = options.Words("VT3003", "ignoredWords", DefaultIgnoredWords);
        foreach (var word in Words(statement.Text))
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
            .Do(_ => context.Report(Descriptor, statement,
                statement.DisplayName, Terms.OrUnspecified(statement.Source), FamilyWord(statement, options)));
    }
}
