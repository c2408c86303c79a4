using System.Text.RegularExpressions;
using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Tests.Infrastructure;

namespace Vertrieb40.Rules.Tests.Configuration;

/// <summary>
/// The rule pages (<c>rules/&lt;ID&gt;.md</c>) and the release tracking file say what the declarations say: category,
/// default severity, and every option with its default and its documentation line — not only the id.
/// </summary>
public partial class RuleDeclarationDocsTests
{
    private static readonly IReadOnlyList<OrganizationRule> Rules = typeof(OrganizationAnalyzer).Assembly.GetTypes()
        .Where(t => typeof(OrganizationRule).IsAssignableFrom(t) && !t.IsAbstract && t.GetConstructor(Type.EmptyTypes) != null)
        .Select(t => (OrganizationRule)Activator.CreateInstance(t)!).ToList();

    public static TheoryData<string> Ids() => new(RuleIds.All);

    private static string Page(string id) => File.ReadAllText(Path.Combine(SeedPaths.Root, "rules", id + ".md"));

    [Fact]
    public void Every_catalogue_rule_id_is_a_constant_and_has_a_rule()
    {
        var declared = Rules.SelectMany(r => r.SupportedDiagnostics).Select(d => d.Id).Where(id => !id.StartsWith("VT0", StringComparison.Ordinal)).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(RuleIds.All, declared);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void The_page_header_and_the_release_line_match_the_descriptor(string id)
    {
        var descriptor = Rules.SelectMany(r => r.SupportedDiagnostics).First(d => d.Id == id);
        var page = Page(id);
        Assert.Contains("| Category | " + descriptor.Category + " |", page, StringComparison.Ordinal);
        Assert.Contains("| Default severity | " + descriptor.DefaultSeverity + " |", page, StringComparison.Ordinal);
        Assert.Contains("vertrieb40_diagnostic." + id + ".severity = ", page, StringComparison.Ordinal);

        var releases = File.ReadAllText(Path.Combine(SeedPaths.Root, "rules", "AnalyzerReleases.Unshipped.md"));
        var newRules = releases[..releases.IndexOf("### Changed Rules", StringComparison.Ordinal)];
        var line = Assert.Single(newRules.Split('\n'), l => l.StartsWith(id + " |", StringComparison.Ordinal));
        var cells = line.Split('|').Select(c => c.Trim()).ToArray();
        Assert.Equal(descriptor.Category, cells[1]);
        Assert.Equal(descriptor.DefaultSeverity.ToString(), cells[2]);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void The_page_lists_exactly_the_declared_options_with_their_defaults_and_documentation(string id)
    {
        var declared = Rules.SelectMany(r => r.SupportedOptions).Where(o => o.RuleId == id).ToDictionary(o => o.Name, StringComparer.Ordinal);
        var configure = Page(id).Split("## Configure")[1];
        var lines = configure.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        var documented = new Dictionary<string, (string Value, string Comment)>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Length; i++)
        {
            var m = OptionLine().Match(lines[i]);
            if (!m.Success || m.Groups["id"].Value != id) continue;
            var comment = new List<string>();
            for (var j = i - 1; j >= 0 && lines[j].StartsWith('#'); j--) comment.Insert(0, lines[j].TrimStart('#').Trim());
            documented[m.Groups["name"].Value] = (m.Groups["value"].Value.Trim(), string.Join(" ", comment));
        }

        Assert.Equal(declared.Keys.Order(StringComparer.Ordinal), documented.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, option) in declared)
        {
            Assert.Equal(Normalise(option.DefaultText), Normalise(documented[name].Value));
            Assert.Equal(option.Documentation, documented[name].Comment);
            Assert.NotNull(option.Parse(documented[name].Value)); // the page's value is a valid value of the option
        }
    }

    // Lists compare as sets (the page may order them for reading).
    private static string Normalise(string value)
        => string.Join(",", value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(v => v.ToLowerInvariant()).Order(StringComparer.Ordinal));

    [GeneratedRegex(@"^(?<id>[A-Z]{2}\d{4})\.(?<name>[A-Za-z]+)\s*=(?<value>.*)$")]
    private static partial Regex OptionLine();
}
