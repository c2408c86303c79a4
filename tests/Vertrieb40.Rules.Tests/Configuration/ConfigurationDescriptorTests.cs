using System.Globalization;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Tests.Infrastructure;

namespace Vertrieb40.Rules.Tests.Configuration;

public class ConfigurationDescriptorTests
{
    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var d in InputDescriptors.All.Where(d => d.Category == DiagnosticCategories.Configuration)) data.Add(d.Id);
        return data;
    }

    [Fact]
    public void There_are_configuration_descriptors_from_VT0200()
        => Assert.Equal(11, InputDescriptors.All.Count(d => d.Category == DiagnosticCategories.Configuration && d.Id.StartsWith("VT02", StringComparison.Ordinal)));

    [Theory]
    [MemberData(nameof(Ids))]
    public void Each_has_a_page_a_release_line_and_german_texts(string id)
    {
        var d = InputDescriptors.All.Single(x => x.Id == id);
        Assert.True(d.IsNotConfigurable);
        var page = File.ReadAllText(Path.Combine(SeedPaths.Root, "rules", id + ".md"));
        foreach (var section in new[] { "## Cause", "## Rule description", "## How to fix", "## When to suppress", "## Example", "## Configure" })
            Assert.Contains(section, page, StringComparison.Ordinal);
        Assert.StartsWith("# " + id + ": " + d.Title.ToString(CultureInfo.GetCultureInfo("en")), page, StringComparison.Ordinal);
        Assert.Contains(id + " | Configuration | " + d.DefaultSeverity, File.ReadAllText(Path.Combine(SeedPaths.Root, "rules", "AnalyzerReleases.Unshipped.md")), StringComparison.Ordinal);
        var de = CultureInfo.GetCultureInfo("de");
        Assert.NotEqual(d.Title.ToString(CultureInfo.GetCultureInfo("en")), d.Title.ToString(de));
        Assert.NotEqual(d.MessageFormat.ToString(CultureInfo.GetCultureInfo("en")), d.MessageFormat.ToString(de));
    }
}
