namespace Vertrieb40.Rules.Model;

/// <summary>A 1-based line and column in a source file.</summary>
public readonly record struct SourcePosition(int Line, int Column)
{
    /// <summary>True when the position is known.</summary>
    public bool IsKnown => Line > 0;
}

/// <summary>
/// Base of every entity of the organisation document. Entities are NRules facts, so they keep reference
/// identity (classes, not records): two plans with equal fields are still two plans.
/// </summary>
public abstract class Entity
{
    private Dictionary<string, SourcePosition>? _propertyPositions;

    /// <summary>The stable identifier from the document; used for references, suppressions and baselines.</summary>
    public string Id { get; set; } = "";

    /// <summary>An optional human-readable name.</summary>
    public string? Name { get; set; }

    /// <summary>The position of the entity in its collection (for its JSON Pointer).</summary>
    public int Index { get; set; }

    /// <summary>Where the entity's object starts.</summary>
    public SourcePosition Start { get; set; }

    /// <summary>Where the entity's object ends.</summary>
    public SourcePosition End { get; set; }

    /// <summary>The collection name in the document, e.g. <c>incentivePlans</c>.</summary>
    public abstract string Collection { get; }

    /// <summary>The JSON Pointer of the entity, e.g. <c>/incentivePlans/3</c>.</summary>
    public virtual string Pointer => "/" + Collection + "/" + Index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The name if given, the id otherwise.</summary>
    public string DisplayName => string.IsNullOrWhiteSpace(Name) ? Id : Name!;

    /// <summary>Remembers where a property was written (only for properties that diagnostics may point at).</summary>
    public void SetPropertyPosition(string property, SourcePosition position)
        => (_propertyPositions ??= new Dictionary<string, SourcePosition>(StringComparer.Ordinal))[property] = position;

    /// <summary>Where a property was written, or the entity's start when it was not recorded.</summary>
    public SourcePosition GetPropertyPosition(string property)
        => _propertyPositions != null && _propertyPositions.TryGetValue(property, out var p) ? p : Start;

    /// <inheritdoc />
    public override string ToString() => Collection + ":" + Id;
}
