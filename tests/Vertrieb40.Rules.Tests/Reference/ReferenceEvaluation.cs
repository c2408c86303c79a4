using System.Reflection;
using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Model;

namespace Vertrieb40.Rules.Tests.Reference;

/// <summary>Marks a plain-LINQ statement of one rule: <c>static IEnumerable&lt;Entity&gt; M(Organization, RuleOptions)</c>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ReferenceRuleAttribute(string id) : Attribute
{
    public string Id { get; } = id;
}

/// <summary>
/// An independent, deliberately plain statement of every rule, written without NRules and without the
/// semantic model, over the model only. The engine must agree with it (FsCheck property in
/// <see cref="ReferenceAgreementProperties"/>). Each category contributes its own file of
/// [ReferenceRule] methods; they return the entities the rule reports at (once per diagnostic).
/// </summary>
public static class ReferenceEvaluation
{
    private static readonly (string Id, Func<Organization, RuleOptions, IEnumerable<Entity>> Evaluate)[] Rules =
        typeof(ReferenceEvaluation).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
            .Select(m => (Method: m, Attribute: m.GetCustomAttribute<ReferenceRuleAttribute>()))
            .Where(x => x.Attribute != null)
            .Select(x => (x.Attribute!.Id, (Func<Organization, RuleOptions, IEnumerable<Entity>>)x.Method.CreateDelegate<Func<Organization, RuleOptions, IEnumerable<Entity>>>()))
            .OrderBy(x => x.Id, StringComparer.Ordinal)
            .ToArray();

    /// <summary>The rule ids that have a reference statement.</summary>
    public static IReadOnlyCollection<string> CoveredIds => Rules.Select(r => r.Id).ToArray();

    /// <summary>"ID collection:entityId" for every finding of the reference, sorted.</summary>
    public static IReadOnlyList<string> Evaluate(Organization org, RuleOptions options)
        => Rules.Where(r => ReferenceCoverage.CanCheck(r.Id, org))
            .SelectMany(r => r.Evaluate(org, options).Select(e => r.Id + " " + e.Collection + ":" + e.Id))
            .OrderBy(s => s, StringComparer.Ordinal).ToList();

    /// <summary>The engine's findings in the same form (only ids the reference covers).</summary>
    public static IReadOnlyList<string> FromEngine(AnalysisResult result)
    {
        var covered = CoveredIds.ToHashSet(StringComparer.Ordinal);
        return result.Diagnostics.Where(d => covered.Contains(d.Id))
            .Select(d => d.Id + " " + d.Location.EntityKind + ":" + d.Location.EntityId)
            .OrderBy(s => s, StringComparer.Ordinal).ToList();
    }

    // ------------------------------------------------------------------ shared plain helpers

    /// <summary>Is <paramref name="unit"/> the same as or below <paramref name="ancestor"/>? (walks parents)</summary>
    public static bool IsWithin(Unit? unit, Unit ancestor)
    {
        for (var u = unit; u != null; u = u.Parent) if (ReferenceEquals(u, ancestor)) return true;
        return false;
    }

    /// <summary>The people a scope reaches, by brute force.</summary>
    public static IEnumerable<Person> PeopleIn(Organization org, Scope scope)
        => org.People.Where(p => scope.Everyone
            || scope.People.Contains(p)
            || ((scope.Units.Length > 0 || scope.Roles.Length > 0)
                && (scope.Units.Length == 0 || scope.Units.Any(u => IsWithin(p.Unit, u)))
                && (scope.Roles.Length == 0 || p.Roles.Any(r => scope.Roles.Contains(r)))));
}
