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
/// type in a signature counts as much as a <c>using</c>. The compiler inlines constants and enum values, so their
/// uses are not in the IL (<c>RuleIds.VT3001</c> compiles to <c>"VT3001"</c>): the sources are checked against the
/// same list. The README's layer diagram is this list.
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
        ("Generation", ["IO", "Text", "Model", "Diagnostics"]), // RuleIds: the rules a generated document plants
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

    /// <summary>
    /// Types whose uses the IL may not show: enums and types with constants (the compiler copies their values), by
    /// their simple name where it is unique in the library, with their layer.
    /// </summary>
    internal static Dictionary<string, string> InlinedTypes(System.Reflection.Assembly assembly, string root)
    {
        var types = assembly.GetTypes().Where(t => t.Namespace is { } ns && (ns == root || ns.StartsWith(root + ".", StringComparison.Ordinal))).ToList();
        var unique = types.GroupBy(t => SimpleName(t)).Where(g => g.Count() == 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        return types.Where(t => unique.Contains(SimpleName(t)) && !t.Name.Contains('<', StringComparison.Ordinal)
                && (t.IsEnum || t.GetFields(System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.DeclaredOnly).Any(f => f.IsLiteral)))
            .ToDictionary(t => SimpleName(t), t => LayerOfNamespace(t.Namespace!, root)!, StringComparer.Ordinal);
    }

    private static string SimpleName(System.Type t) => t.Name.Split('`')[0];

    private static string? LayerOfNamespace(string ns, string root)
        => ns == root ? "" : ns.StartsWith(root + ".", StringComparison.Ordinal) ? ns[(root.Length + 1)..].Split('.')[0] : null;

    /// <summary>
    /// The layers one source file uses that its layer does not name: its <c>using</c> directives and qualified names
    /// (<c>Vertrieb40.Rules.X</c>), and the names of <paramref name="inlined"/> types, in code (comments and the text of
    /// strings do not count; an interpolation's expressions do).
    /// </summary>
    internal static List<string> SourceViolations(string source, (string Layer, string[] Uses)[] layers, IReadOnlyDictionary<string, string> inlined, string root = LibraryRoot)
    {
        var code = CodeOnly(source);
        var ns = Regex.Match(code, @"^\s*namespace\s+([\w.]+)", RegexOptions.Multiline).Groups[1].Value;
        var layer = LayerOfNamespace(ns, root);
        if (layer is null) return new();
        var entry = layers.FirstOrDefault(l => l.Layer == layer);
        if (entry.Uses is null) return new() { $"{ns} is in no layer" };
        var names = layers.Select(l => l.Layer).ToHashSet(StringComparer.Ordinal);
        var used = new List<(string Layer, string Why)>();
        foreach (Match m in Regex.Matches(code, @"\b" + Regex.Escape(root) + @"(?:\.(\w+))?\b"))
        {
            var next = m.Groups[1].Success ? m.Groups[1].Value : "";
            used.Add((names.Contains(next) ? next : "", m.Value));
        }
        // RuleIds.VT3001, and Diagnostics.RuleIds.VT3001 (qualified by a layer's name); not a member's own name (x.Automation).
        foreach (Match m in Regex.Matches(code, @"(?<![\w.])(?:(\w+)\.)?([A-Z]\w*)\s*\."))
        {
            var name = m.Groups[1].Success && names.Contains(m.Groups[1].Value) ? m.Groups[2].Value : m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value;
            if (inlined.TryGetValue(name, out var of)) used.Add((of, name));
        }
        return used.Where(u => u.Layer != layer && !entry.Uses.Contains(u.Layer))
            .Select(u => $"{Show(layer)} uses {Show(u.Layer)} ({u.Why})").Distinct().ToList();
    }

    /// <summary>The code of a C# source with comments removed and the text of string and character literals blanked.</summary>
    internal static string CodeOnly(string source)
    {
        var sb = new System.Text.StringBuilder(source.Length);
        var i = 0;
        while (i < source.Length)
        {
            var c = source[i];
            if (c == '/' && i + 1 < source.Length && source[i + 1] == '/') { while (i < source.Length && source[i] != '\n') i++; continue; }
            if (c == '/' && i + 1 < source.Length && source[i + 1] == '*') { var end = source.IndexOf("*/", i + 2, StringComparison.Ordinal); i = end < 0 ? source.Length : end + 2; sb.Append(' '); continue; }
            if (c == '\'') { i++; while (i < source.Length && source[i] != '\'') i += source[i] == '\\' ? 2 : 1; i++; sb.Append("' '"); continue; }
            if (c is '"' or '$' or '@')
            {
                var j = i;
                var interpolated = false;
                var verbatim = false;
                while (j < source.Length && source[j] is '$' or '@') { interpolated |= source[j] == '$'; verbatim |= source[j] == '@'; j++; }
                if (j >= source.Length || source[j] != '"') { sb.Append(c); i++; continue; }
                var quotes = 0;
                while (j + quotes < source.Length && source[j + quotes] == '"') quotes++;
                var raw = quotes >= 3;
                if (!raw && quotes == 2) { sb.Append("\"\""); i = j + 2; continue; } // ""
                var k = j + (raw ? quotes : 1);
                sb.Append('"');
                while (k < source.Length)
                {
                    var d = source[k];
                    if (raw && string.CompareOrdinal(source, k, new string('"', quotes), 0, quotes) == 0) { k += quotes; break; }
                    if (!raw && d == '\\' && !verbatim) { k += 2; continue; }
                    if (!raw && d == '"') { if (verbatim && k + 1 < source.Length && source[k + 1] == '"') { k += 2; continue; } k++; break; }
                    if (interpolated && d == '{')
                    {
                        if (k + 1 < source.Length && source[k + 1] == '{') { k += 2; continue; }
                        // An interpolation hole is code (its own strings are rare here and blanked naively).
                        var depth = 1;
                        k++;
                        while (k < source.Length && depth > 0)
                        {
                            if (source[k] == '{') depth++;
                            else if (source[k] == '}') depth--;
                            if (depth > 0) sb.Append(source[k] == '"' ? ' ' : source[k]);
                            k++;
                        }
                        sb.Append(' ');
                        continue;
                    }
                    if (d == '\n') sb.Append('\n');
                    k++;
                }
                sb.Append('"');
                i = k;
                continue;
            }
            sb.Append(c);
            i++;
        }
        return sb.ToString();
    }

    [Fact]
    public void The_sources_use_only_the_layers_they_name_also_through_constants()
    {
        var inlined = InlinedTypes(Library, LibraryRoot);
        Assert.Equal("Diagnostics", inlined["RuleIds"]); // the blind spot: constants only
        var dir = Path.Combine(Infrastructure.SeedPaths.Root, "src", "Vertrieb40.Rules");
        var violations = Directory.EnumerateFiles(dir, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                && !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .SelectMany(f => SourceViolations(File.ReadAllText(f), Layers, inlined).Select(v => Path.GetRelativePath(dir, f) + ": " + v))
            .ToList();
        Assert.True(violations.Count == 0, "uses the layer list does not allow:\n" + string.Join("\n", violations));
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
