namespace Vertrieb40.Rules.Model;

/// <summary>A 1-based line and column in a source file.</summary>
internal readonly record struct SourcePosition(int Line, int Column)
{
    /// <summary>True when the position is known.</summary>
    public bool IsKnown => Line > 0;
}

/// <summary>
/// Where an entity came from when it is not an entry of the organisation's JSON document. One instance is
/// shared by many entities (all rows of one export), so a million people cost one reference each.
/// </summary>
/// <param name="FilePath">The file; null means the organisation's file.</param>
/// <param name="Collection">The collection name used in the pointer instead of the entity's own (e.g. <c>rows</c>); null keeps it.</param>
/// <param name="Pointer">A fixed pointer (e.g. <c>/rows/4/department</c> for a unit derived from a column); null computes it from the index.</param>
internal sealed record EntityOrigin(string? FilePath, string? Collection = null, string? Pointer = null);

/// <summary>
/// Base of every entity of the organisation document. Entities are NRules facts, so they keep reference
/// identity (classes, not records): two plans with equal fields are still two plans.
/// </summary>
public abstract class Entity
{
    // Where recorded properties were written: a few known property names per entity, so a small array searched
    // linearly (a dictionary per unit cost ~400 bytes; 124k units at a million people).
    private (string Property, SourcePosition Start, SourcePosition End)[]? _propertyPositions;
    private int _propertyPositionCount;

    /// <summary>The stable identifier from the document; used for references, suppressions and baselines.</summary>
    public string Id { get; internal set; } = "";

    /// <summary>An optional human-readable name.</summary>
    public string? Name { get; internal set; }

    /// <summary>The position of the entity in its collection (for its JSON Pointer).</summary>
    public int Index { get; internal set; }

    /// <summary>Where the entity's object starts.</summary>
    internal SourcePosition Start { get; set; }

    /// <summary>Where the entity's object ends.</summary>
    internal SourcePosition End { get; set; }

    /// <summary>The collection name in the document, e.g. <c>incentivePlans</c>.</summary>
    public abstract string Collection { get; }

    /// <summary>
    /// Where the entity was read from when that is not an entry of the organisation's own JSON document:
    /// a row of an HR export, or a practices side file merged with it. Null for ordinary documents.
    /// </summary>
    internal EntityOrigin? Origin { get; set; }

    /// <summary>The file the entity was read from: <see cref="EntityOrigin.FilePath"/>, else <paramref name="organizationFile"/>.</summary>
    public string? FileOr(string? organizationFile) => Origin?.FilePath ?? organizationFile;

    /// <summary>The JSON Pointer of the entity, e.g. <c>/incentivePlans/3</c> (or <c>/rows/17</c> for a row of an HR export).</summary>
    public virtual string Pointer => Origin?.Pointer
        ?? "/" + (Origin?.Collection ?? Collection) + "/" + Index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The name if given, the id otherwise.</summary>
    public string DisplayName => string.IsNullOrWhiteSpace(Name) ? Id : Name!;

    /// <summary>Remembers where a property was written (only for properties that diagnostics may point at).</summary>
    internal void SetPropertyPosition(string property, SourcePosition position)
        => SetPropertySpan(property, position, position);

    /// <summary>Remembers where a property was written, from its name to the end of its value.</summary>
    internal void SetPropertySpan(string property, SourcePosition start, SourcePosition end)
    {
        var i = FindProperty(property);
        if (i < 0)
        {
            _propertyPositions ??= new (string, SourcePosition, SourcePosition)[InitialPropertyPositions];
            if (_propertyPositionCount == _propertyPositions.Length) Array.Resize(ref _propertyPositions, _propertyPositionCount * 2);
            i = _propertyPositionCount++;
        }
        _propertyPositions![i] = (property, start, end);
    }

    // How many recorded positions the array starts with: enough for the properties an entity usually records.
    private protected virtual int InitialPropertyPositions => 4;

    private int FindProperty(string property)
    {
        for (var i = 0; i < _propertyPositionCount; i++)
            if (string.Equals(_propertyPositions![i].Property, property, StringComparison.Ordinal)) return i;
        return -1;
    }

    /// <summary>Where a property was written, or the entity's start when it was not recorded.</summary>
    internal SourcePosition GetPropertyPosition(string property)
        => FindProperty(property) is var i and >= 0 ? _propertyPositions![i].Start : Start;

    /// <summary>Where a property was written (name to end of value), when it was recorded.</summary>
    internal bool TryGetPropertySpan(string property, out SourcePosition start, out SourcePosition end)
    {
        var i = FindProperty(property);
        if (i >= 0)
        {
            (_, start, end) = _propertyPositions![i];
            return true;
        }
        start = end = default;
        return false;
    }

    /// <summary>True when the document wrote the property and its position was kept.</summary>
    public bool HasPropertyPosition(string property) => FindProperty(property) >= 0;

    /// <inheritdoc />
    public override string ToString() => Collection + ":" + Id;
}
