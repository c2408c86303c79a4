using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Tests.Infrastructure;

namespace Vertrieb40.Rules.Tests.Analysis;

/// <summary>Counts agree with their nouns and verbs (issue 10 item 5, issue 19 §4): one plural-aware format in the message.</summary>
public class PluralFormatTests
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de");

    [Theory]
    [InlineData(1, "1 person")]
    [InlineData(0, "0 people")]
    [InlineData(2, "2 people")]
    [InlineData(1000, "1000 people")]
    public void English_forms_follow_the_number(int n, string expected)
    {
        var d = new DiagnosticDescriptor("VT9999", "t", "{0:plural:one=# person|other=# people}", "Team", DiagnosticSeverity.Info, true);
        Assert.Equal(expected, Diagnostic.Create(d, Location.None, n).GetMessage(TestOrg.English));
    }

    [Theory]
    [InlineData(1, "hat 1 von 5 Mitgliedern 1 Person")]
    [InlineData(3, "haben 3 von 5 Mitgliedern 3 Personen")]
    public void German_verbs_and_nouns_agree(int n, string expected)
    {
        var d = new DiagnosticDescriptor("VT9999", "t", "{0:plural:one=hat|other=haben} {0} von {1:plural:one=# Mitglied|other=# Mitgliedern} {0:plural:one=# Person|other=# Personen}", "Team", DiagnosticSeverity.Info, true);
        Assert.Equal(expected, Diagnostic.Create(d, Location.None, n, 5).GetMessage(German));
    }

    [Fact]
    public void Other_placeholders_escaped_braces_and_missing_arguments_are_left_to_string_format()
    {
        var culture = CultureInfo.InvariantCulture;
        Assert.Equal("{{x}} 1 item, '{1}'", PluralFormat.Apply("{{x}} {0:plural:one=# item|other=# items}, '{1}'", new object?[] { 1, "a" }, culture));
        Assert.Equal("{5:plural:one=#|other=#}", PluralFormat.Apply("{5:plural:one=#|other=#}", new object?[] { 1 }, culture));
        Assert.Equal("no plural", PluralFormat.Apply("no plural", Array.Empty<object?>(), culture));
    }

    private static IEnumerable<(string Resource, string Culture, string Text)> CatalogTexts()
    {
        foreach (var baseName in new[] { "Team.TeamResources", "Digitalisation.DigitalisationResources", "Effectiveness.EffectivenessResources" })
        {
            var rm = new ResourceManager("Vertrieb40.Rules.Rules." + baseName, typeof(OrganizationAnalyzer).Assembly);
            foreach (var culture in new[] { CultureInfo.InvariantCulture, German })
            {
                using var set = rm.GetResourceSet(culture, true, false)!;
                foreach (System.Collections.DictionaryEntry e in set) yield return ((string)e.Key, culture.Name, (string)e.Value!);
            }
        }
    }

    [Fact]
    public void No_message_writes_a_parenthesised_plural()
    {
        Assert.Empty(CatalogTexts().Where(t => Regex.IsMatch(t.Text, @"\((s|n|en|e)\)")).Select(t => t.Culture + ":" + t.Resource));
    }

    [Fact]
    public void German_texts_use_German_quotation_marks_and_the_articles_words()
    {
        var german = CatalogTexts().Where(t => t.Culture == "de").ToList();
        Assert.NotEmpty(german);
        Assert.Empty(german.Where(t => t.Text.Contains('\'')).Select(t => t.Resource));
        Assert.Empty(german.Where(t => t.Text.Contains("verschiebt", StringComparison.Ordinal)).Select(t => t.Resource));
        Assert.Empty(german.Where(t => t.Text.Contains("Kundenreise", StringComparison.Ordinal)).Select(t => t.Resource));
        Assert.Empty(german.Where(t => Regex.IsMatch(t.Text, @"(?<!Sales-)\bFunnel\b")).Select(t => t.Resource));
    }

    [Fact]
    public void Messages_make_no_claims_the_article_does_not_make()
    {
        var all = CatalogTexts().Select(t => t.Text).ToList();
        // Remedies lead where the article leads: forecasts are left out, not moved to "planning" (L141–143).
        foreach (var claim in new[] { "three control practices", "drei Kontrollpraktiken", "Lone fighters harm", "Einzelkämpfer schaden", "neither need nor help",
                     "naming it is honest", "Forecast rarely", "for planning only", "Forecasts selten", "nur zur Planung", "coordination meeting", "recognition come from colleagues" })
            Assert.DoesNotContain(all, t => t.Contains(claim, StringComparison.OrdinalIgnoreCase));
    }
}
