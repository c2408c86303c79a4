using System.Collections;
using Vertrieb40.Rules.Model;

namespace Vertrieb40.Rules.Analysis.Facts;

/// <summary>
/// A derived fact per unit: which business functions the roles of its people belong to, for the people
/// placed directly in the unit and for everyone in the unit and its sub-units, with the head counts.
/// Built once in linear time (people + units), so that a rule can ask "does this sales unit hold any
/// marketing role?" with a single-fact condition instead of joining people with units.
/// </summary>
internal sealed class UnitRoleFunctions
{
    private readonly int _direct;   // bit per BusinessFunction held by a direct member
    private readonly int _within;   // bit per BusinessFunction held by anyone in the subtree

    private UnitRoleFunctions(Unit unit, int directPeople, int peopleWithin, int direct, int within, int directUnknown, int withinUnknown)
    {
        DirectPeopleOfUnknownFunction = directUnknown;
        PeopleWithinOfUnknownFunction = withinUnknown;
        Unit = unit;
        DirectPeople = directPeople;
        PeopleWithin = peopleWithin;
        _direct = direct;
        _within = within;
    }

    /// <summary>The unit.</summary>
    public Unit Unit { get; }

    /// <summary>
    /// The fact of the unit's parent (null at a root): a rule that looks at the parent reads it here instead of
    /// joining every unit's fact with every other (NRules does not index joins, so that join grew with the square
    /// of the organisation).
    /// </summary>
    public UnitRoleFunctions? Parent { get; private set; }

    /// <summary>People whose unit is exactly this unit.</summary>
    public int DirectPeople { get; }

    /// <summary>People in this unit and its sub-units.</summary>
    public int PeopleWithin { get; }

    /// <summary>Direct members with a role of unstated function, or whose roles are not listed: what they do is unknown (issue 10).</summary>
    public int DirectPeopleOfUnknownFunction { get; }

    /// <summary>People in the unit and its sub-units of unknown function (see <see cref="DirectPeopleOfUnknownFunction"/>).</summary>
    public int PeopleWithinOfUnknownFunction { get; }

    /// <summary>People of unknown function, counted directly or with the sub-units.</summary>
    public int PeopleOfUnknownFunction(bool includeSubUnits) => includeSubUnits ? PeopleWithinOfUnknownFunction : DirectPeopleOfUnknownFunction;

    /// <summary>People counted directly, or with the sub-units.</summary>
    public int People(bool includeSubUnits) => includeSubUnits ? PeopleWithin : DirectPeople;

    /// <summary>True when a person placed directly in the unit holds a role of <paramref name="function"/>.</summary>
    public bool HasDirect(BusinessFunction function) => (_direct & Bit(function)) != 0;

    /// <summary>True when someone in the unit or its sub-units holds a role of <paramref name="function"/>.</summary>
    public bool HasWithin(BusinessFunction function) => (_within & Bit(function)) != 0;

    /// <summary>True when a role of any of <paramref name="functions"/> is held (directly, or with the sub-units).</summary>
    public bool HasAny(IEnumerable<BusinessFunction> functions, bool includeSubUnits)
    {
        var mask = includeSubUnits ? _within : _direct;
        foreach (var f in functions)
            if ((mask & Bit(f)) != 0) return true;
        return false;
    }

    private static int Bit(BusinessFunction function) => 1 << (int)function;

    /// <summary>Declared by the rules that match these facts.</summary>
    internal static readonly DerivedFact Fact = DerivedFact.Of<UnitRoleFunctions>(Build);

    /// <summary>One fact per unit, in document order.</summary>
    public static List<UnitRoleFunctions> Build(SemanticModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var units = model.Organization.Units;
        var direct = new int[units.Count];
        var unknown = new int[units.Count];
        foreach (var person in model.Organization.People)
        {
            if (person.Unit is null) continue;
            var mask = 0;
            // Known only when every role states its function ("holds no role", [], is a statement too): a role of
            // unstated function may be the marketing role the rule looks for.
            var known = person.RolesStated;
            foreach (var role in person.Roles)
                if (role.Function is { } f) mask |= Bit(f);
                else known = false;
            direct[person.Unit.Index] |= mask;
            if (!known) unknown[person.Unit.Index]++;
        }

        // Children lie deeper than their parent: folding the deepest level first gives subtree masks in
        // one pass. Units are bucketed by depth (counting sort) to stay linear.
        var within = (int[])direct.Clone();
        var unknownWithin = (int[])unknown.Clone();
        var maxDepth = 0;
        foreach (var u in units) maxDepth = Math.Max(maxDepth, u.Depth);
        var byDepth = new List<Unit>[maxDepth + 1];
        foreach (var u in units) (byDepth[u.Depth] ??= new List<Unit>()).Add(u);
        for (var depth = maxDepth; depth > 0; depth--)
            if (byDepth[depth] is { } level)
                foreach (var u in level)
                    if (u.Parent != null)
                    {
                        within[u.Parent.Index] |= within[u.Index];
                        unknownWithin[u.Parent.Index] += unknownWithin[u.Index];
                    }

        var facts = new List<UnitRoleFunctions>(units.Count);
        foreach (var u in units)
            facts.Add(new UnitRoleFunctions(u, model.DirectPeople(u), model.SubtreePeople(u), direct[u.Index], within[u.Index], unknown[u.Index], unknownWithin[u.Index]));
        foreach (var fact in facts)
            if (fact.Unit.Parent is { } parent) fact.Parent = facts[parent.Index];
        return facts;
    }
}
