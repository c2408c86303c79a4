using System.Reflection;
using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Cli;
using Vertrieb40.Rules.Tests.Infrastructure;

namespace Vertrieb40.Rules.Tests.CustomRules;

public class CustomRuleTests
{
    /// <summary>The sample rule assembly, built next to the tests (same configuration) but not referenced by them.</summary>
    internal static string SampleDll
    {
        get
        {
            // .../tests/Vertrieb40.Rules.Tests/bin/<Configuration>/<tfm>/
            var tfmDir = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var configuration = tfmDir.Parent!.Name;
            var path = Path.Combine(SeedPaths.Root, "tests", "Vertrieb40.Rules.SampleCustomRule", "bin", configuration, tfmDir.Name, "Vertrieb40.Rules.SampleCustomRule.dll");
            Assert.True(File.Exists(path), "build the sample rule project first: " + path);
            return path;
        }
    }

    private static string BigTeamFile()
    {
        var people = string.Join(",\n", Enumerable.Range(1, 4).Select(i => $"    {{ \"id\": \"p{i}\", \"unitId\": \"u-team\", \"roleIds\": [] }}"));
        var json = TestOrg.Doc("""
  "units": [ { "id": "u-co", "kind": "company" }, { "id": "u-team", "kind": "team", "parentId": "u-co" } ],
  "people": [
""" + people + "\n  ]");
        var path = Path.Combine(Directory.CreateTempSubdirectory("v40custom").FullName, "org.json");
        File.WriteAllText(path, json);
        return path;
    }

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var code = Program.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    [Fact]
    public void The_sample_assembly_is_not_loaded_unless_asked_for()
    {
        Assert.DoesNotContain(OrganizationAnalyzer.Default.SupportedDiagnostics, d => d.Id == "ACME0001");
        Assert.DoesNotContain(typeof(CustomRuleTests).Assembly.GetReferencedAssemblies(), a => a.Name == "Vertrieb40.Rules.SampleCustomRule");
    }

    [Fact]
    public void The_library_runs_rules_from_an_assembly()
    {
        var analyzer = OrganizationAnalyzer.Create(new[] { Assembly.LoadFrom(SampleDll) });
        Assert.Contains(analyzer.SupportedDiagnostics, d => d.Id == "ACME0001" && d.Category == "Acme");
        Assert.Contains(analyzer.SupportedDiagnostics, d => d.Id == "VT3001"); // the built-in rules still run
        var r = analyzer.AnalyzeFile(BigTeamFile(), new AnalysisOptions { RuleOptions = new RuleOptions(new Dictionary<string, string> { ["ACME0001.maxMembers"] = "3" }) });
        var d = Assert.Single(r.Diagnostics, x => x.Id == "ACME0001");
        Assert.Equal("u-team", d.Location.EntityId);
        Assert.Contains("4 direct members", d.GetMessage(TestOrg.English), StringComparison.Ordinal);
    }

    [Fact]
    public void The_cli_loads_rules_with_rules_assembly_and_configuration_applies_to_them()
    {
        var doc = BigTeamFile();
        // A team of 4: below the default --min-group-size the message would be described, not shown (privacy).
        var (code, output, _) = Run("analyze", doc, "--rules-assembly", SampleDll, "--rule-option", "ACME0001.maxMembers=3", "--culture", "en", "--min-group-size", "1");
        Assert.Equal(0, code); // a warning; --fail-on error
        Assert.Contains("warning ACME0001: Team 'u-team' has 4 direct members", output, StringComparison.Ordinal);

        File.WriteAllText(Path.Combine(Path.GetDirectoryName(doc)!, ".vertrieb40config"), "vertrieb40_analyzer_diagnostic.category-Acme.severity = error\nACME0001.maxMembers = 3\n");
        var (code2, output2, _) = Run("analyze", doc, "--rules-assembly", SampleDll);
        Assert.Equal(1, code2);
        Assert.Contains("error ACME0001", output2, StringComparison.Ordinal);

        var (_, rules, _) = Run("rules", "--rules-assembly", SampleDll);
        Assert.Contains("ACME0001", rules, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_rules_assembly_path_is_a_usage_error()
    {
        var (code, _, err) = Run("analyze", SeedPaths.Clean, "--rules-assembly", "/no/such/rules.dll");
        Assert.Equal(2, code);
        Assert.Contains("does not exist", err, StringComparison.Ordinal);

        var notAssembly = Path.Combine(Directory.CreateTempSubdirectory("v40custom").FullName, "rules.dll");
        File.WriteAllText(notAssembly, "not an assembly");
        var (code2, _, err2) = Run("analyze", SeedPaths.Clean, "--rules-assembly", notAssembly);
        Assert.Equal(2, code2);
        Assert.Contains("not a .NET assembly", err2, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", err2, StringComparison.Ordinal);
    }
}
