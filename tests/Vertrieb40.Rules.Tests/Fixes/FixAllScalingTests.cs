using Vertrieb40.Rules.Fixes;
using Vertrieb40.Rules.Generation;
using Vertrieb40.Rules.Reading;

namespace Vertrieb40.Rules.Tests.Fixes;

/// <summary>Issue 17: Fix All re-built and re-parsed the whole text per edit (100,000 people: over ten minutes).</summary>
public class FixAllScalingTests
{
    // The old way, as the reference: every fix applied to the whole text of an ordinary document, one after another.
    private static string FixOneByOne(string text)
    {
        var load = OrganizationReader.ReadString(text, "g.json");
        var result = OrganizationAnalyzer.Default.Analyze(load);
        var document = new OrganizationDocument(text, "g.json");
        foreach (var d in result.Diagnostics)
        {
            if (d.IsSuppressed) continue;
            foreach (var provider in OrganizationFixer.BuiltInProviders.Where(p => p.FixableDiagnosticIds.Contains(d.Id)))
            {
                var next = provider.GetFix(d)?.Apply(document);
                if (next is null || next.Text == document.Text) continue;
                document = new OrganizationDocument(next.Text, "g.json");
                break;
            }
        }
        return document.Text;
    }

    [Theory]
    [InlineData(800, 3UL, 0.3)]
    [InlineData(2_000, 1UL, 0.05)]
    public void Deferred_edits_give_the_same_text_as_applying_each_fix_to_the_whole_text(int people, ulong seed, double density)
    {
        var sw = new StringWriter();
        OrganizationGenerator.Generate(new GeneratorOptions { People = people, Seed = seed, AntiPatternDensity = density }, sw);
        var text = sw.ToString();
        var fixedAll = OrganizationFixer.Fix(text, "g.json");
        Assert.True(fixedAll.Applied.Count >= 5, $"the document must need several fixes (got {fixedAll.Applied.Count})");
        Assert.Equal(FixOneByOne(text), fixedAll.Fixed.Text);
        // The result is an ordinary document again: its tree is the fixed text's.
        Assert.Equal(fixedAll.Fixed.Text.TrimEnd().Length, fixedAll.Fixed.Root.End);
    }

    [Fact]
    public void Edits_that_touch_an_earlier_edit_are_redone_on_the_applied_text()
    {
        // Two fixes append to the same list: the second one sees the first one's item.
        const string text = "{\n  \"a\": [1]\n}";
        var doc = new OrganizationDocument(text).Deferred();
        var once = doc.WithItemAppended(doc.Root["a"]!, "2");
        Assert.Throws<OrganizationDocument.StaleEditException>(() => once.WithItemAppended(once.Root["a"]!, "3"));
        var flat = once.Flattened();
        Assert.Equal("{\n  \"a\": [1, 2, 3]\n}", flat.WithItemAppended(flat.Root["a"]!, "3").Text);
        // Separate places are recorded together and applied once.
        var two = doc.WithItemAppended(doc.Root["a"]!, "2").WithProperty(doc.Root, "b", "true");
        Assert.Equal("{\n  \"a\": [1, 2],\n  \"b\": true\n}", two.Text);
    }
}
