using ArchUnitNET.Loader;
using ArchitectureModel = ArchUnitNET.Domain.Architecture;

namespace Vertrieb40.Rules.Tests.Architecture;

/// <summary>
/// The layer checks can fail: run on a small set of types that break the layer map on purpose (in this test
/// project, under <see cref="Root"/>, with the library's layer names), they report the upward import and the
/// cycle. Without this, a rule that matched no type (a mistyped pattern) would pass for ever.
/// </summary>
public sealed class LayerViolationTests
{
    private const string Root = "Vertrieb40.Rules.Tests.Architecture.Violating";

    private static readonly ArchitectureModel Violating
        = new ArchLoader().LoadNamespacesWithinAssembly(typeof(LayerViolationTests).Assembly, Root).Build();

    [Fact]
    public void The_fixture_holds_the_types_it_is_about()
        => Assert.Equal(5, Violating.Types.Count(t => t.Namespace.FullName.StartsWith(Root + ".", StringComparison.Ordinal)));

    [Fact]
    public void An_upward_import_is_reported()
    {
        // Model may use only Text: its use of Reporting is an upward import.
        var model = LayerTests.LayerRule("Model", Root);
        Assert.False(model.HasNoViolations(Violating));
        var failures = model.Evaluate(Violating).Where(r => !r.Passed).Select(r => r.Description).ToList();
        Assert.Contains(failures, d => d.Contains("Violating.Model.Unit", StringComparison.Ordinal) && d.Contains("Violating.Reporting.Report", StringComparison.Ordinal));
        // The downward use (Reporting → Model) and a layer that keeps to its list pass.
        Assert.True(LayerTests.LayerRule("Reporting", Root).HasNoViolations(Violating));
        Assert.True(LayerTests.LayerRule("Text", Root).HasNoViolations(Violating));
    }

    [Fact]
    public void A_cycle_between_layers_is_reported()
    {
        Assert.False(LayerTests.LayerRule("Analysis", Root).HasNoViolations(Violating));
        var cycles = LayerTests.Cycles(Violating, Root);
        Assert.Contains(cycles, c => c.Contains("Analysis -> Scoring", StringComparison.Ordinal) && c.Contains("Scoring -> Analysis", StringComparison.Ordinal));
    }

    [Fact]
    public void A_use_the_IL_cannot_see_a_constant_is_reported_from_the_source()
    {
        // Before: Generation used RuleIds (Diagnostics) through constants only, which the compiler inlines.
        var withoutDiagnostics = LayerTests.Layers.Select(l => l.Layer == "Generation" ? (l.Layer, l.Uses.Where(u => u != "Diagnostics").ToArray()) : l).ToArray();
        var inlined = LayerTests.InlinedTypes(typeof(OrganizationAnalyzer).Assembly, "Vertrieb40.Rules");
        const string Source = """
            using Vertrieb40.Rules.Model;
            namespace Vertrieb40.Rules.Generation;
            // RuleIds.VT1001 in a comment does not count, nor "RuleIds.VT1002" in a string.
            internal static class Planted { public static readonly string[] Ids = { RuleIds.VT3001 }; }
            """;
        var violations = LayerTests.SourceViolations(Source, withoutDiagnostics, inlined);
        Assert.Equal(new[] { "Generation uses Diagnostics (RuleIds)" }, violations);
        Assert.Contains("Generation uses Diagnostics (Diagnostics.RuleIds)".Split(' ')[2], LayerTests.SourceViolations(Source.Replace("{ RuleIds.", "{ Diagnostics.RuleIds.", StringComparison.Ordinal), withoutDiagnostics, inlined).Single());
        Assert.Contains("Diagnostics", LayerTests.SourceViolations(Source.Replace("using Vertrieb40.Rules.Model;", "using Vertrieb40.Rules.Diagnostics;", StringComparison.Ordinal), withoutDiagnostics, inlined).First());
        Assert.Empty(LayerTests.SourceViolations(Source.Replace("{ RuleIds.VT3001 }", "{ \"VT3001\" }", StringComparison.Ordinal), withoutDiagnostics, inlined));
        // The real generator, checked against the old table, is reported (the temporary revert of this change).
        var generator = File.ReadAllText(Path.Combine(Infrastructure.SeedPaths.Root, "src", "Vertrieb40.Rules", "Generation", "OrganizationGenerator.cs"));
        Assert.Contains("Generation uses Diagnostics (Vertrieb40.Rules.Diagnostics)", LayerTests.SourceViolations(generator, withoutDiagnostics, inlined));
        Assert.Contains("Generation uses Diagnostics (RuleIds)", LayerTests.SourceViolations(generator, withoutDiagnostics, inlined));
        // With the dependency in the table, the same source passes.
        Assert.Empty(LayerTests.SourceViolations(Source, LayerTests.Layers, inlined));
    }
}
