using Vertrieb40.Rules.Rules.Effectiveness;
using Vertrieb40.Rules.Tests.Infrastructure;

namespace Vertrieb40.Rules.Tests.Rules;

public class FamilyRhetoricRuleTests
{
    private static string Statements(string statements) => TestOrg.Doc(TestOrg.Structure + ",\n  \"cultureStatements\": [\n" + statements + "\n  ]");

    [Theory]
    [InlineData("At Müller we are one big family.")]
    [InlineData("Wir sind eine große Familie!")]
    [InlineData("FAMILY first")]
    [InlineData("Our families of experts")]
    [InlineData("A family-like atmosphere")]
    [InlineData("Eine familiäre Atmosphäre")]
    [InlineData("Willkommen in der Müller-Familie")]
    [InlineData("Vereinbarkeit von Familie und Beruf — und bei uns sind alle eine Familie.")] // the phrase does not hide the rhetoric
    public void Fires_on_family_rhetoric(string text)
    {
        var d = Assert.Single(Markup.Verify(Statements($$"""
    {|VT3003:{ "id": "cs", "text": "{{text}}", "source": "website" }|},
    { "id": "cs2", "text": "Quality first." }
""")));
        Assert.Equal(Vertrieb40.Rules.Diagnostics.DiagnosticSeverity.Info, d.Severity);
    }

    [Theory]
    [InlineData("We are familiar with our customers' needs.")]
    [InlineData("A family-owned company since 1921.")]
    [InlineData("Seit 1921 ein Familienunternehmen.")]
    [InlineData("Familienfreundliche Arbeitszeiten")]
    [InlineData("We solve problems together, in teams.")]
    [InlineData("Unfamiliar problems are our daily work.")]
    [InlineData("Vereinbarkeit von Familie und Beruf ist uns wichtig.")] // employees' own families, not belonging rhetoric
    [InlineData("Beruf und Familie lassen sich bei uns vereinbaren.")]
    [InlineData("Ein familiengeführtes Unternehmen in dritter Generation.")] // ownership
    [InlineData("We help you balance family and work.")]
    [InlineData("A family business since 1921.")]
    [InlineData("")]
    public void Does_not_fire_on_other_words(string text)
    {
        Markup.Verify(Statements($$"""    { "id": "cs", "text": "{{text}}" }"""), "VT3003");
    }

    [Fact]
    public void Message_quotes_the_word_and_the_source()
    {
        var json = Statements("""    { "id": "cs", "text": "We are one big family.", "source": "careers website" }""");
        var d = Assert.Single(TestOrg.Findings(json, "VT3003"));
        Assert.Contains("(source: careers website) speaks of the company in family terms ('family')", d.GetMessage(TestOrg.English));
    }

    [Fact]
    public void Keywords_and_ignored_words_are_configurable()
    {
        var json = Statements("""    { "id": "cs1", "text": "Wir sind ein Zuhause." }, { "id": "cs2", "text": "We are a family." }, { "id": "cs3", "text": "A family-owned firm" }""");
        var d = Assert.Single(TestOrg.Findings(json, "VT3003", new Dictionary<string, string> { ["VT3003.keywords"] = "zuhause" }));
        Assert.Equal("cs1", d.Location.EntityId);
        var ds = TestOrg.Findings(json, "VT3003", new Dictionary<string, string> { ["VT3003.ignoredWords"] = "familiar" });
        Assert.Equal(new[] { "cs2", "cs3" }, ds.Select(x => x.Location.EntityId).Order().ToArray());
    }

    [Fact]
    public void Ignored_phrases_are_configurable_and_German_message_uses_German_quotes()
    {
        var json = Statements("""    { "id": "cs", "name": "Leitbild", "text": "Familie und Beruf gehören zusammen.", "source": "Website" }""");
        var d = Assert.Single(TestOrg.Findings(json, "VT3003", new Dictionary<string, string> { ["VT3003.ignoredPhrases"] = "family life" }));
        Assert.Contains("Kulturaussage „Leitbild“ (Quelle: Website) spricht vom Unternehmen als Familie („Familie“)", d.GetMessage(System.Globalization.CultureInfo.GetCultureInfo("de")));
    }

    [Fact]
    public void Words_keep_inner_hyphens()
    {
        Assert.Equal(new[] { "a", "family-like", "team", "s" }, FamilyRhetoricRule.Words("a family-like team's -").ToArray());
    }
}
