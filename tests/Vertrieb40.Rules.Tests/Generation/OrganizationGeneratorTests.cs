using System.Text;
using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Cli;
using Vertrieb40.Rules.Generation;
using Vertrieb40.Rules.Model;
using Vertrieb40.Rules.Reading;

namespace Vertrieb40.Rules.Tests.Generation;

public class OrganizationGeneratorTests
{
    private static (string Json, GenerationManifest Manifest) Generate(int people, ulong seed, double density = 0.05)
    {
        var sw = new StringWriter();
        var manifest = OrganizationGenerator.Generate(new GeneratorOptions { People = people, Seed = seed, AntiPatternDensity = density }, sw);
        return (sw.ToString(), manifest);
    }

    [Fact]
    public void Same_seed_gives_identical_bytes_and_another_seed_does_not()
    {
        var a = Generate(3000, 42).Json;
        var b = Generate(3000, 42).Json;
        var c = Generate(3000, 43).Json;
        Assert.Equal(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void A_file_written_twice_with_the_same_seed_is_byte_identical()
    {
        var dir = Path.Combine(Path.GetTempPath(), "v40-gen-" + Guid.NewGuid().ToString("N"));
        try
        {
            var options = new GeneratorOptions { People = 1500, Seed = 9 };
            OrganizationGenerator.GenerateFile(options, Path.Combine(dir, "a.json"));
            OrganizationGenerator.GenerateFile(options, Path.Combine(dir, "b.json"));
            Assert.Equal(File.ReadAllBytes(Path.Combine(dir, "a.json")), File.ReadAllBytes(Path.Combine(dir, "b.json")));
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }
    }

    [Theory]
    [InlineData(20, 1UL, 0.05)]
    [InlineData(200, 2UL, 0.05)]
    [InlineData(5000, 3UL, 0.05)]
    [InlineData(2000, 4UL, 0.5)]
    [InlineData(1000, 5UL, 0.0)]
    public void The_document_reads_without_any_input_diagnostic_and_has_the_requested_people(int people, ulong seed, double density)
    {
        var (json, manifest) = Generate(people, seed, density);
        var load = OrganizationReader.ReadString(json, "generated.json");
        Assert.Empty(load.Diagnostics.Select(d => d.ToString()));
        var org = load.Organization!;
        Assert.Equal(people, org.People.Count);
        Assert.Equal(people, manifest.People);
        Assert.Equal(manifest.Units, org.Units.Count);
        Assert.Equal(manifest.EntityCounts["incentivePlans"], org.IncentivePlans.Count);
        Assert.Equal(manifest.EntityCounts["targets"], org.Targets.Count);
        Assert.Equal(manifest.EntityCounts["meetings"], org.Meetings.Count);
        // Every entity kind the reader knows is present — except recognition programmes, which are written only
        // when planted: every kind of programme systematises recognition (VT3002, article L304), so none is clean.
        Assert.All(new IEnumerable<Entity>[]
        {
            org.Units, org.People, org.Roles, org.Offerings, org.IncentivePlans, org.Targets, org.Forecasts, org.Meetings,
            org.ApprovalPolicies, org.Handoffs, org.Channels, org.ToolRollouts, org.Processes,
            org.CultureStatements, org.DecisionRights,
        }, c => Assert.NotEmpty(c));
        Assert.Equal(manifest.EntityCounts["recognitionPrograms"], org.RecognitionPrograms.Count);
    }

    [Fact]
    public void The_model_1_1_properties_are_written_and_resolve()
    {
        // Issue 10: owner roles and people, chairs, who decided a plan and its split, governing processes.
        var org = OrganizationReader.ReadString(Generate(50_000, 7, 0.2).Json, "generated.json").Organization!;
        var rights = org.DecisionRights;
        Assert.Contains(rights, r => r.OwnerRoleIds.Count > 0 && r.OwnerUnitIds.Count == 0);
        Assert.Contains(rights, r => r.OwnerRoleIds.Count > 0 && r.OwnerUnitIds.Count > 0); // several owners: a unit and a role
        Assert.Contains(rights, r => r.OwnerPersonIds.Count > 0);
        Assert.Contains(rights, r => r.GovernedByProcessIds.Count > 0);
        Assert.All(rights, r =>
        {
            Assert.Equal(r.OwnerRoleIds.Count, r.OwnerRoles.Count);
            Assert.Equal(r.OwnerPersonIds.Count, r.OwnerPeople.Count);
            Assert.Equal(r.GovernedByProcessIds.Count, r.GovernedByProcesses.Count);
        });
        // A person who owns a right leads a team: the others in the unit report to them.
        Assert.All(rights.SelectMany(r => r.OwnerPeople), p => Assert.Contains(org.People, o => o.Manager == p));

        Assert.Contains(org.Meetings, m => m.ChairRoleId != null);
        Assert.Contains(org.Meetings, m => m.ChairPersonId != null);
        Assert.All(org.Meetings.Where(m => m.ChairRoleId != null), m => Assert.NotNull(m.ChairRole));
        Assert.All(org.Meetings.Where(m => m.ChairPersonId != null), m => Assert.Same(m.ChairUnit, m.ChairPerson!.Unit));

        Assert.Contains(org.IncentivePlans, p => p.DecidedBy is { IsEmpty: false });
        Assert.Contains(org.IncentivePlans, p => p.Distribution == PayDistribution.ByResult);
        // A profit share to everyone is never split by result: that would turn the clean plan into a finding.
        Assert.All(org.IncentivePlans.Where(p => p.Type == IncentiveType.ProfitShare && p.Participants.Everyone),
            p => Assert.NotEqual(PayDistribution.ByResult, p.Distribution));
    }

    [Fact]
    public void The_shape_is_realistic_spans_roles_and_nested_exceptions()
    {
        var (json, manifest) = Generate(20_000, 11);
        var org = OrganizationReader.ReadString(json).Organization!;
        Assert.InRange(manifest.Layers, 6, 12);
        // Spans: direct reports of every manager stay between 1 and 25 (most between 5 and 25).
        var spans = org.People.Where(p => p.Manager != null).GroupBy(p => p.Manager!).Select(g => g.Count()).ToList();
        Assert.True(spans.Max() <= 25, "max span " + spans.Max());
        Assert.True(spans.Count(s => s >= 5) > spans.Count * 0.8, "spans of 5-25 dominate");
        // Several roles per person, skewed role distribution.
        Assert.True(org.People.Count(p => p.Roles.Count >= 2) > org.People.Count * 0.95);
        var holders = org.People.SelectMany(p => p.Roles).GroupBy(r => r.Id).Select(g => g.Count()).OrderByDescending(n => n).ToList();
        Assert.True(holders[0] > 2 * holders[holders.Count / 2], "role distribution is skewed: " + string.Join(",", holders));
        Assert.Contains(org.ApprovalPolicies, p => p.ExceptionDepth >= 2);
        Assert.Contains(org.Units, u => u.Function == BusinessFunction.Marketing);
        Assert.Contains(org.Units, u => u.Function == BusinessFunction.Engineering);
    }

    [Theory]
    [InlineData(300, 21UL, 0.05)]
    [InlineData(4000, 22UL, 0.05)]
    [InlineData(4000, 23UL, 0.3)]
    public void The_existing_rules_find_exactly_what_the_manifest_planted(int people, ulong seed, double density)
    {
        var (json, manifest) = Generate(people, seed, density);
        var result = OrganizationAnalyzer.Default.Analyze(OrganizationReader.ReadString(json, "generated.json"));
        Assert.False(result.InputFailed);
        foreach (var id in new[] { "VT3001", "VT1009", "VT1010" })
        {
            Assert.True(manifest.PlantedFor(id) > 0, id + " planted at least once");
            Assert.Equal(manifest.PlantedFor(id), result.Diagnostics.Count(d => d.Id == id));
        }
    }

    [Theory]
    [InlineData(3000, 31UL, 0.05)]
    [InlineData(6000, 32UL, 0.2)]
    public void Every_catalog_rule_finds_exactly_what_the_manifest_planted(int people, ulong seed, double density)
    {
        var (json, manifest) = Generate(people, seed, density);
        var result = OrganizationAnalyzer.Default.Analyze(OrganizationReader.ReadString(json, "generated.json"));
        Assert.False(result.InputFailed);
        var catalog = OrganizationAnalyzer.Default.SupportedDiagnostics.Select(d => d.Id).Where(id => manifest.Planted.ContainsKey(id)).ToList();
        Assert.NotEmpty(catalog);
        var expected = catalog.Select(id => id + " " + manifest.PlantedFor(id)).ToList();
        var actual = catalog.Select(id => id + " " + result.Diagnostics.Count(d => d.Id == id)).ToList();
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData(3000, 31UL, 0.05)]
    [InlineData(6000, 32UL, 0.2)]
    [InlineData(4000, 23UL, 0.3)]
    public void The_analysis_reaches_exactly_the_people_the_manifest_planted_under_each_rule(int people, ulong seed, double density)
    {
        var (json, manifest) = Generate(people, seed, density);
        var result = OrganizationAnalyzer.Default.Analyze(OrganizationReader.ReadString(json, "generated.json"));
        Assert.False(result.InputFailed);
        // Every rule that reaches people and was planted has an expectation (VT3004's work-selection rights reach
        // nobody in particular; its autonomy teams do).
        var reaching = Vertrieb40.Rules.Scoring.RuleReach.CatalogRules
            .Where(id => Vertrieb40.Rules.Scoring.RuleReach.Of(id, null) == Vertrieb40.Rules.Scoring.ReachKind.People && manifest.PlantedFor(id) > 0)
            .Order().ToList();
        Assert.Equal(reaching, manifest.ExpectedExposure.Keys.Order().ToList());
        var expected = manifest.ExpectedExposure.Select(kv => kv.Key + " " + kv.Value).ToList();
        var actual = manifest.ExpectedExposure.Keys.Select(id => id + " " + (result.Exposure!.Rules.FirstOrDefault(r => r.RuleId == id)?.People ?? 0)).ToList();
        Assert.Equal(expected, actual);
        Assert.Contains(manifest.ExpectedExposure.Values, v => v > 1); // not a trivial expectation
    }

    [Fact]
    public void Generate_command_writes_the_file_and_prints_the_planted_counts()
    {
        var dir = Path.Combine(Path.GetTempPath(), "v40-gen-" + Guid.NewGuid().ToString("N"));
        try
        {
            var file = Path.Combine(dir, "org.json");
            var manifestFile = Path.Combine(dir, "manifest.json");
            var o = new StringWriter();
            var code = Program.Run(new[] { "generate", "--people", "500", "--seed", "3", "--anti-pattern-density", "0.1", "-o", file, "--manifest", manifestFile }, o, new StringWriter());
            Assert.Equal(0, code);
            Assert.Contains("VT3001", o.ToString());
            Assert.True(File.Exists(file));
            Assert.Contains("\"planted\"", File.ReadAllText(manifestFile));
            Assert.Equal(2, Program.Run(new[] { "generate", "--people", "x", "-o", file }, new StringWriter(), new StringWriter()));
            Assert.Equal(2, Program.Run(new[] { "generate", "--people", "100" }, new StringWriter(), new StringWriter()));
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }
    }
}
