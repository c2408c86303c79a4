using System.Diagnostics;
using NRules.Fluent.Dsl;
using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Model;
using Vertrieb40.Rules.Reporting;
using Vertrieb40.Rules.Tests.Infrastructure;

namespace Vertrieb40.Rules.Tests.Analysis;

/// <summary>Contracts of the library API that a caller relies on (issue 13).</summary>
public class ApiContractTests
{
    [Fact]
    public void A_cancelled_token_throws_instead_of_returning_a_partial_result()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => OrganizationAnalyzer.Default.AnalyzeFile(SeedPaths.Classic, null, cts.Token));
        var load = Vertrieb40.Rules.Reading.OrganizationReader.ReadFile(SeedPaths.Classic);
        Assert.ThrowsAny<OperationCanceledException>(() => OrganizationAnalyzer.Default.Analyze(load.Organization!, null, cts.Token));
        // Not cancelled: the same call completes.
        Assert.NotEmpty(OrganizationAnalyzer.Default.AnalyzeFile(SeedPaths.Classic, null, CancellationToken.None).Diagnostics);
    }

    [Fact]
    public void AnalyzeText_equals_AnalyzeFile_and_Fails_applies_the_threshold()
    {
        var fromFile = OrganizationAnalyzer.Default.AnalyzeFile(SeedPaths.Classic);
        var fromText = OrganizationAnalyzer.Default.AnalyzeText(File.ReadAllText(SeedPaths.Classic), SeedPaths.Classic);
        Assert.Equal(fromFile.Diagnostics.Select(TestOrg.Short), fromText.Diagnostics.Select(TestOrg.Short));
        // The classic seed has errors: it fails at error and below; the clean seed has no error.
        Assert.True(fromText.Fails(DiagnosticSeverity.Error));
        Assert.True(fromText.Fails(DiagnosticSeverity.Info));
        var clean = OrganizationAnalyzer.Default.AnalyzeFile(SeedPaths.Clean);
        Assert.False(clean.Fails(DiagnosticSeverity.Error));
        var bad = OrganizationAnalyzer.Default.AnalyzeText("{ \"schemaVersion\": ", "bad.json");
        Assert.True(bad.InputFailed);
        Assert.True(bad.Fails(DiagnosticSeverity.Error));
    }

    [Name("TST-bad-descriptor")]
    private sealed class BadDescriptorRule : OrganizationRule
    {
        // "acme-1" is not an id (2-5 upper-case letters and 4 digits): the descriptor throws in the type initializer.
        public static readonly DiagnosticDescriptor Descriptor = new("acme-1", "Bad id", "Found {0}", "Acme", DiagnosticSeverity.Warning, true);
        public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];
        public override void Define()
        {
            Meeting m = null!;
            When().Match(() => m);
            Then().Do(_ => Console.WriteLine(m.Id));
        }
    }

    [Name("TST-bad-descriptor-on-demand")]
    private sealed class BadDescriptorOnDemandRule : OrganizationRule
    {
        public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [new("acme-2", "Bad id", "Found {0}", "Acme", DiagnosticSeverity.Warning, true)];
        public override void Define()
        {
            Meeting m = null!;
            When().Match(() => m);
            Then().Do(_ => Console.WriteLine(m.Id));
        }
    }

    [Fact]
    public void A_custom_rule_with_a_bad_descriptor_id_gets_a_clear_error()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => RuleEngine.CreateRule(typeof(BadDescriptorRule)));
        Assert.Contains(nameof(BadDescriptorRule), ex.Message, StringComparison.Ordinal);
        Assert.Contains("'acme-1'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("upper-case letters", ex.Message, StringComparison.Ordinal);
        Assert.IsNotType<TypeInitializationException>(ex.InnerException);
        // A rule instance made by the caller, whose descriptor is made when it is asked for, fails the same way.
        var fromInstance = Assert.Throws<InvalidOperationException>(() => RuleEngine.Create(new OrganizationRule[] { new BadDescriptorOnDemandRule() }));
        Assert.Contains(nameof(BadDescriptorOnDemandRule), fromInstance.Message, StringComparison.Ordinal);
        Assert.Contains("'acme-2'", fromInstance.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_public_surface_stays_small()
    {
        var exported = typeof(OrganizationAnalyzer).Assembly.GetExportedTypes();
        // Issue 13: 144 public types before the first cut, 113 after the rule-authoring API; 82 since the second cut
        // (docs/public-api.md lists every remaining type and why a user needs it). The model (44 types: entities and
        // their enums) is most of it; custom rules match on it, so it stays public. Lower the budget when the surface shrinks.
        Assert.True(exported.Length <= 82, $"{exported.Length} public types: " + string.Join(", ", exported.Select(t => t.FullName).Order(StringComparer.Ordinal)));
        // Implementation types the command line uses through InternalsVisibleTo, not API.
        foreach (var ns in new[] { "Vertrieb40.Rules.Comparison", "Vertrieb40.Rules.Reading.Workbook", "Vertrieb40.Rules.IO", "Vertrieb40.Rules.Text", "Vertrieb40.Rules.Generation" })
            Assert.DoesNotContain(exported, t => t.Namespace == ns);
        foreach (var name in new[] { "Xoshiro256", "Windows1252Encoding", "AtomicFile", "UnifiedDiff", "Terms", "HrExportReader", "SarifReportWriter", "VertriebScore",
            // The second cut: the fixer's syntax tree and providers, the score's breakdown, positions and file read results.
            "DocumentNode", "CodeFixProvider", "OrganizationDocument", "Exposure", "OrganizationOutline", "SourcePosition", "EntityOrigin",
            "SuppressionEntry", "Pseudonymizer", "RuleTiming", "LocalizableResourceString" })
            Assert.DoesNotContain(exported, t => t.Name == name);
        // One entry point for the writers instead of four classes.
        Assert.Equal(ReportWriters.Formats, ReportWriters.Formats.Select(f => ReportWriters.Create(f).Format));
        Assert.Throws<ArgumentException>(() => ReportWriters.Create("pdf"));
    }

    [Fact]
    [Trait("Category", "Slow")] // six processes of the tool
    public void Two_processes_give_byte_identical_reports()
    {
        // In-process determinism can hide per-process state (hash seeds, static caches, culture): run the tool twice.
        var cli = Path.Combine(AppContext.BaseDirectory, "vertrieb40.dll");
        foreach (var format in new[] { "json", "sarif", "text" })
        {
            var first = RunCli(cli, "analyze", SeedPaths.Classic, "--format", format, "--culture", "en");
            var second = RunCli(cli, "analyze", SeedPaths.Classic, "--format", format, "--culture", "en");
            Assert.Equal(1, first.Code);
            Assert.True(first.Out.Length > 1000, format + " report is too short");
            Assert.Equal(first.Out, second.Out);
        }
    }

    private static (int Code, string Out) RunCli(string dll, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = SeedPaths.Root };
        psi.ArgumentList.Add(dll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        _ = stderr.Result;
        return (p.ExitCode, stdout.Result);
    }
}
