using System.Text.RegularExpressions;
using ArchUnitNET.Domain;
using ArchUnitNET.Fluent;
using ArchUnitNET.Loader;
using ArchUnitNET.xUnit;
using static ArchUnitNET.Fluent.ArchRuleDefinition;
using ArchitectureModel = ArchUnitNET.Domain.Architecture;

namespace Vertrieb40.Rules.Tests.Architecture;

/// <summary>
/// The library's layers as code: every namespace belongs to a layer, a layer uses only the lower layers it
/// names, and namespaces form no cycle. ArchUnitNET reads the compiled IL, so a fully qualified name or a
/// type in a signature counts as much as a <c>using</c>. The README's layer diagram is this list.
/// </summary>
public sealed class LayerTests
{
    /// <summary>
    /// Lowest first; a layer may use only the layers it names, all of them earlier in the list.
    /// "" is the root namespace <c>Vertrieb40.Rules</c> (the facade: read → rules → pipeline → score);
    /// any other name is <c>Vertrieb40.Rules.Name</c> with its sub-namespaces.
    /// </summary>
    public static readonly (string Layer, string[] Uses)[] Layers =
    {
        ("IO", []),                                            // guarded file opening and atomic writing (regular files, size limits, links)
        ("Text", []),                                          // JSON Pointer, token positions, enum names, terminal and JSON escaping
        ("Model", ["Text"]),                                   // the organisation
        ("Diagnostics", ["Text", "Model"]),                    // descriptors, diagnostics, locations, terms
        ("Privacy", ["Model"]),                                // pseudonyms before anything is reported
        ("Reading", ["IO", "Text", "Model", "Diagnostics", "Privacy"]), // Reading.Json, Reading.Yaml, Reading.HrExport; OrganizationReader dispatches
        ("Configuration", ["IO", "Text", "Diagnostics"]),            // .vertrieb40config / .globalconfig
        ("Suppressions", ["IO", "Text", "Model", "Diagnostics"]),
        ("Baselines", ["IO", "Text", "Diagnostics"]),
        ("Analysis", ["Text", "Model", "Diagnostics"]),        // the rule engine, semantic model, derived facts
        ("Rules", ["Text", "Model", "Diagnostics", "Analysis"]), // the built-in rules
        ("Scoring", ["Model", "Diagnostics", "Analysis", "Rules"]), // exposure judges team conditions with the rules' own options
        ("", ["IO", "Text", "Model", "Diagnostics", "Privacy", "Reading", "Configuration", "Suppressions", "Baselines", "Analysis", "Scoring"]),
        ("Generation", ["IO", "Text", "Model"]),
        ("Fixes", ["IO", "Text", "Model", "Diagnostics", "Reading", "Analysis", ""]),
        ("Reporting", ["IO", "Text", "Model", "Diagnostics", "Analysis", "Baselines", "Scoring", ""]),
        // diff, trend and what-if (issue 16): snapshots of analyses and saved results, matched by the baseline's fingerprint
        ("Comparison", ["IO", "Text", "Model", "Diagnostics", "Reading", "Baselines", "Scoring", "", "Fixes", "Reporting"]),
    };

    private static readonly System.Reflection.Assembly Library = typeof(OrganizationAnalyzer).Assembly;

    private static readonly ArchitectureModel Architecture = new ArchLoader().LoadAssemblies(Library).Build();

    public static TheoryData<string> LayerNames => new(Layers.Select(l => l.Layer));

    private const string LibraryRoot = "Vertrieb40.Rules";

    private static string Pattern(IEnumerable<string> layers, string root = LibraryRoot)
        => "^(?:" + string.Join("|", layers.Select(l => l.Length == 0 ? Regex.Escape(root) : Regex.Escape(root) + @"\." + Regex.Escape(l) + @"(?:\..+)?")) + ")$";

    private static string Show(string layer) => layer.Length == 0 ? "Vertrieb40.Rules (facade)" : layer;

    [Fact]
    public void The_layer_list_is_ordered_so_no_cycle_is_allowed()
    {
        for (var i = 0; i < Layers.Length; i++)
            foreach (var used in Layers[i].Uses)
            {
                var at = Array.FindIndex(Layers, l => l.Layer == used);
                Assert.True(at >= 0 && at < i, $"{Show(Layers[i].Layer)} may use only layers listed before it, not {Show(used)}");
            }
    }

    [Fact]
    public void Every_namespace_of_the_library_belongs_to_a_layer()
    {
        var all = new Regex(Pattern(Layers.Select(l => l.Layer)));
        var outside = Library.GetTypes()
            .Where(t => t.Namespace?.StartsWith("Vertrieb40", StringComparison.Ordinal) == true && !all.IsMatch(t.Namespace))
            .Select(t => t.Namespace!).Distinct().OrderBy(n => n, StringComparer.Ordinal).ToList();
        Assert.True(outside.Count == 0, "namespaces in no layer (add them to LayerTests.Layers and the README): " + string.Join(", ", outside));
    }

    [Theory]
    [MemberData(nameof(LayerNames))]
    public void A_layer_uses_only_the_lower_layers_it_names(string layer)
        => LayerRule(layer, LibraryRoot).Check(Architecture);

    /// <summary>The rule of one layer for the namespaces under <paramref name="root"/> (the library's, or a fixture's).</summary>
    internal static IArchRule LayerRule(string layer, string root)
    {
        var entry = Layers.Single(l => l.Layer == layer);
        var forbidden = Layers.Select(l => l.Layer).Where(l => l != layer && !entry.Uses.Contains(l)).ToList();
        return Types().That().ResideInNamespaceMatching(Pattern([layer], root)).As(Show(layer))
            .Should().NotDependOnAny(Types().That().ResideInNamespaceMatching(Pattern(forbidden, root)).As("layers " + Show(layer) + " does not name"))
            .WithoutRequiringPositiveResults();
    }

    // ArchUnitNET's slice syntax cannot group a root namespace with its children, so the namespace graph
    // is built here from ArchUnitNET's dependencies (the same IL references the layer rules see).
    [Fact]
    public void Namespaces_form_no_cycle_across_layers()
    {
        var cycles = Cycles(Architecture, LibraryRoot);
        Assert.True(cycles.Count == 0, "namespace cycles:\n" + string.Join("\n", cycles));
    }

    /// <summary>Every cycle between the layers under <paramref name="root"/>, one reference per step.</summary>
    internal static List<string> Cycles(ArchitectureModel architecture, string root)
    {
        string? LayerOf(string ns)
            => ns == root ? ""
                : ns.StartsWith(root + ".", StringComparison.Ordinal) ? ns[(root.Length + 1)..].Split('.')[0]
                : null;
        var edges = new Dictionary<string, Dictionary<string, string>>();
        foreach (var type in architecture.Types)
        {
            var from = type.Namespace?.FullName is { } ns ? LayerOf(ns) : null;
            if (from is null) continue;
            foreach (var dependency in type.Dependencies)
            {
                var to = dependency.Target?.Namespace?.FullName is { } target ? LayerOf(target) : null;
                if (to is null || to == from) continue;
                if (!edges.TryGetValue(from, out var targets)) edges[from] = targets = new();
                targets.TryAdd(to, type.FullName + " -> " + dependency.Target!.FullName);
            }
        }
        // Depth-first search; every back edge closes a cycle, reported with one reference per step.
        var state = new Dictionary<string, int>();
        var path = new List<string>();
        var cycles = new List<string>();
        void Visit(string node)
        {
            state[node] = 1;
            path.Add(node);
            foreach (var next in (edges.GetValueOrDefault(node) ?? new()).Keys.OrderBy(k => k, StringComparer.Ordinal))
            {
                if (state.GetValueOrDefault(next) == 1)
                {
                    var cycle = path.Skip(path.IndexOf(next)).Append(next).ToList();
                    cycles.Add(string.Join("\n", cycle.Zip(cycle.Skip(1), (a, b) => $"  {Show(a)} -> {Show(b)}: {edges[a][b]}")));
                }
                else if (state.GetValueOrDefault(next) == 0) Visit(next);
            }
            path.RemoveAt(path.Count - 1);
            state[node] = 2;
        }
        foreach (var node in edges.Keys.OrderBy(k => k, StringComparer.Ordinal))
            if (state.GetValueOrDefault(node) == 0) Visit(node);
        return cycles;
    }

    [Fact]
    public void The_JSON_reader_knows_nothing_of_HR_exports()
        => Types().That().ResideInNamespaceMatching(Pattern(["Reading.Json"])).As("Reading.Json")
            .Should().NotDependOnAny(Types().That().ResideInNamespaceMatching(Pattern(["Reading.HrExport"])).As("Reading.HrExport"))
            .Check(Architecture);

    // The other formats feed the JSON reader (YAML as its token stream); the JSON reader does not know them.
    [Theory]
    [InlineData("Reading.Yaml")]
    public void The_JSON_reader_knows_nothing_of_the_other_formats(string format)
        => Types().That().ResideInNamespaceMatching(Pattern(["Reading.Json"])).As("Reading.Json")
            .Should().NotDependOnAny(Types().That().ResideInNamespaceMatching(Pattern([format])).As(format))
            .Check(Architecture);
}
