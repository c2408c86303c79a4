using System.Globalization;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Model;
using Vertrieb40.Rules.Text;

namespace Vertrieb40.Rules.Analysis;

/// <summary>
/// Builds <see cref="SourcedArgument"/>s. The grammar of a source (docs/result-format.md):
/// <list type="bullet">
/// <item><c>/units/3/name</c> — a JSON Pointer: the value there renders to the argument;</item>
/// <item><c>absent(/meetings/2/cadence)</c> — the document does not state it: the argument says "not stated" (or is empty);</item>
/// <item><c>count(/p, /q)</c> — the number of items of the arrays at the pointers (an id listed twice counts once);</item>
/// <item><c>reach(/p)</c> — the number of people the scope at the pointer reaches;</item>
/// <item><c>derived(name: /p, /q)</c> — a value the rule derives from the listed places (the name says how);</item>
/// <item><c>option(VT1002.minHolders)</c> — a rule option (configured, or the rule's declared default): not the input;</item>
/// <item><c>constant</c> — the rule's own words (a remedy), not the input.</item>
/// </list>
/// Pointers are built from collection names, indexes and property names: never a person's name or id.
/// </summary>
internal static class ArgumentSource
{
    /// <summary>The source of the rule's own text.</summary>
    public const string ConstantSource = "constant";

    /// <summary>
    /// The pointer of a property of an entity. An entity read from one cell of an HR export (a unit from its
    /// department column, a role from its job title) has that cell as its pointer: its name, id and kind come from it.
    /// </summary>
    public static string PointerOf(Entity entity, string property)
    {
        ArgumentNullException.ThrowIfNull(entity);
        if (entity.Origin is { Pointer: { } cell, Collection: null } && IsCell(cell)) return cell;
        return JsonPointer.Append(entity.Pointer, property);
    }

    // "/rows/17/department": three segments, the last one a column.
    private static bool IsCell(string pointer) => pointer.StartsWith("/rows/", StringComparison.Ordinal) && pointer.Count(c => c == '/') == 3;

    /// <summary>
    /// True when the document states a property whose model value has a format default (unit <c>kind</c> and
    /// <c>function</c>): its position was recorded, or the entity was read from one cell of an HR export (the column
    /// and the cell's text say it).
    /// </summary>
    public static bool States(Entity entity, string property)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return entity.HasPropertyPosition(property) || entity.Origin is { Pointer: { } cell, Collection: null } && IsCell(cell);
    }

    /// <summary>The entity's name as the message shows it (<see cref="Entity.DisplayName"/>): its name, else its id.</summary>
    public static SourcedArgument Name(Entity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return new(entity.DisplayName, PointerOf(entity, string.IsNullOrWhiteSpace(entity.Name) ? "id" : "name"));
    }

    /// <summary>A unit's name, or "unspecified" when the entity does not name one (<paramref name="reference"/> absent).</summary>
    public static SourcedArgument UnitName(Unit? unit, Entity owner, string reference)
        => unit is null ? new(Terms.OrUnspecified(null), Absent(owner, reference)) : Name(unit);

    /// <summary>A value the document states at a property of the entity.</summary>
    public static SourcedArgument Stated(object? value, Entity entity, string property) => new(value, PointerOf(entity, property));

    /// <summary>A value the document may leave out: its pointer when stated, <c>absent(…)</c> when not (the argument says so).</summary>
    public static SourcedArgument Optional(object? value, bool stated, Entity entity, string property)
        => new(value, stated ? PointerOf(entity, property) : Absent(entity, property));

    /// <summary>An optional enum value as its word, or "… not stated".</summary>
    public static SourcedArgument Optional<TEnum>(TEnum? value, Entity entity, string property) where TEnum : struct, Enum
        => Optional(Terms.OfOrNotStated(value), value.HasValue, entity, property);

    /// <summary>An optional text, or "unspecified".</summary>
    public static SourcedArgument Optional(string? text, Entity entity, string property)
        => Optional(Terms.OrUnspecified(text), !string.IsNullOrWhiteSpace(text), entity, property);

    /// <summary>The number of people a scope of the entity reaches; <c>absent(…)</c> when the entity names no scope.</summary>
    public static SourcedArgument Reach(SemanticModel model, Entity entity, string property, Scope scope)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(scope);
        var stated = !scope.IsEmpty || entity.HasPropertyPosition(property);
        return new(model.Reach(scope), stated ? "reach(" + PointerOf(entity, property) + ")" : Absent(entity, property));
    }

    /// <summary>The number of items of the arrays at the given properties of the entity (those it states; an id listed twice counts once).</summary>
    public static SourcedArgument Count(int count, Entity entity, params string[] properties)
    {
        var stated = properties.Where(entity.HasPropertyPosition).ToArray();
        return new(count, stated.Length == 0 ? Absent(entity, properties) : "count(" + string.Join(", ", stated.Select(p => PointerOf(entity, p))) + ")");
    }

    /// <summary>A value derived from the listed places: <c>derived(name: /p, /q)</c>.</summary>
    public static SourcedArgument Derived(object? value, string name, params string[] pointers)
        => new(value, "derived(" + name + ": " + string.Join(", ", pointers) + ")");

    /// <summary>A value derived from the entity itself (its pointer).</summary>
    public static SourcedArgument Derived(object? value, string name, Entity entity) => Derived(value, name, entity.Pointer);

    /// <summary>The value of a rule option: configured or the rule's declared default, not the input.</summary>
    public static SourcedArgument Option(object? value, RuleOption option)
    {
        ArgumentNullException.ThrowIfNull(option);
        return new(value, "option(" + option.Key + ")");
    }

    /// <summary>The rule's own words.</summary>
    public static SourcedArgument Constant(object? value) => new(value, ConstantSource);

    /// <summary><c>absent(/p, /q)</c>: the document states none of the properties.</summary>
    public static string Absent(Entity entity, params string[] properties)
        => "absent(" + string.Join(", ", properties.Select(p => PointerOf(entity, p))) + ")";

    /// <summary>An index as a pointer segment.</summary>
    public static string Index(int index) => index.ToString(CultureInfo.InvariantCulture);
}
