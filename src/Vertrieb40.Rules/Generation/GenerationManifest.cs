using Newtonsoft.Json;

namespace Vertrieb40.Rules.Generation;

/// <summary>Settings for <see cref="OrganizationGenerator"/>.</summary>
internal sealed class GeneratorOptions
{
    /// <summary>The number of people to generate (at least 10).</summary>
    public int People { get; set; } = 1000;

    /// <summary>The seed: the same seed and settings always give byte-identical output.</summary>
    public ulong Seed { get; set; } = 1;

    /// <summary>
    /// The share (0–1) of the candidates of each anti-pattern that are planted (default 0.05). With a density
    /// above zero every pattern is planted at least once where the organisation has a candidate for it.
    /// </summary>
    public double AntiPatternDensity { get; set; } = 0.05;

    /// <summary>The organisation's name; a name derived from the seed when null.</summary>
    public string? Name { get; set; }
}

/// <summary>
/// What a generated organisation contains: entity counts and, per rule id, how many findings of that rule
/// were planted (the count a correct rule reports with default options), with a note on how each pattern
/// was planted so that a benchmark can check the findings are right.
/// </summary>
internal sealed class GenerationManifest
{
    internal GenerationManifest(int people, int units, int teams, int layers,
        SortedDictionary<string, int> entities, SortedDictionary<string, int> planted, SortedDictionary<string, string> notes)
    {
        People = people;
        Units = units;
        Teams = teams;
        Layers = layers;
        EntityCounts = entities;
        Planted = planted;
        Notes = notes;
    }

    /// <summary>People written.</summary>
    public int People { get; }
    /// <summary>Units written.</summary>
    public int Units { get; }
    /// <summary>Units of kind team.</summary>
    public int Teams { get; }
    /// <summary>Management layers (the depth of the unit tree plus one).</summary>
    public int Layers { get; }
    /// <summary>Entities per collection name (units, people, incentivePlans, …).</summary>
    public IReadOnlyDictionary<string, int> EntityCounts { get; }
    /// <summary>Planted findings per rule id (VT1001 … VT3010).</summary>
    public IReadOnlyDictionary<string, int> Planted { get; }
    /// <summary>Per rule id: what was planted and which reading of the rule the count assumes.</summary>
    public IReadOnlyDictionary<string, string> Notes { get; }

    /// <summary>
    /// Per rule id that reaches people (docs/score.md): the distinct people its planted findings reach — the union over
    /// the findings, not the sum — as the generator placed them. A correct analysis reports this exposure. Rules whose
    /// findings reach no people (or were not planted) are absent.
    /// </summary>
    public IReadOnlyDictionary<string, int> ExpectedExposure { get; internal init; } = new SortedDictionary<string, int>(StringComparer.Ordinal);

    /// <summary>The planted count for a rule id (0 when none was planted).</summary>
    public int PlantedFor(string ruleId) => Planted.TryGetValue(ruleId, out var n) ? n : 0;

    /// <summary>Writes the manifest as JSON.</summary>
    public void WriteJson(TextWriter output)
    {
        using var w = new JsonTextWriter(output) { Formatting = Formatting.Indented, CloseOutput = false };
        w.WriteStartObject();
        w.WritePropertyName("people"); w.WriteValue(People);
        w.WritePropertyName("units"); w.WriteValue(Units);
        w.WritePropertyName("teams"); w.WriteValue(Teams);
        w.WritePropertyName("layers"); w.WriteValue(Layers);
        w.WritePropertyName("entities");
        w.WriteStartObject();
        foreach (var kv in EntityCounts) { w.WritePropertyName(kv.Key); w.WriteValue(kv.Value); }
        w.WriteEndObject();
        w.WritePropertyName("planted");
        w.WriteStartObject();
        foreach (var kv in Planted) { w.WritePropertyName(kv.Key); w.WriteValue(kv.Value); }
        w.WriteEndObject();
        w.WritePropertyName("exposure");
        w.WriteStartObject();
        foreach (var kv in ExpectedExposure) { w.WritePropertyName(kv.Key); w.WriteValue(kv.Value); }
        w.WriteEndObject();
        w.WritePropertyName("notes");
        w.WriteStartObject();
        foreach (var kv in Notes) { w.WritePropertyName(kv.Key); w.WriteValue(kv.Value); }
        w.WriteEndObject();
        w.WriteEndObject();
        w.Flush();
        output.WriteLine();
    }
}
