using Vertrieb40.Rules.Diagnostics;

namespace Vertrieb40.Rules.Scoring;

/// <summary>Whom a rule's findings reach: people (counted as exposure) or only structures (counted as entities).</summary>
internal enum ReachKind
{
    /// <summary>The finding is about a structure — a decision right, a hand-over, a channel, a process, a culture statement, an offering's funnel.</summary>
    Structure,
    /// <summary>The finding is about something done to or lived by people: the people of the practice's scope or of the unit.</summary>
    People,
}

/// <summary>
/// Which catalog rule reaches people and which kind of entity each one judges (docs/score.md). A static table on
/// purpose: the score must not change how it counts a rule because of what a document happens to contain.
/// </summary>
internal static class RuleReach
{
    // Kind of entity each catalog rule reports on, and whether the finding reaches people.
    private static readonly Dictionary<string, (string Kind, ReachKind Reach)> Catalog = new(StringComparer.Ordinal)
    {
        [RuleIds.VT1001] = ("units", ReachKind.People),            // the team's members with a single role
        [RuleIds.VT1002] = ("units", ReachKind.People),            // the team's holders of a role held alone
        [RuleIds.VT1003] = ("offerings", ReachKind.Structure),
        [RuleIds.VT1004] = ("units", ReachKind.People),            // the team's members
        [RuleIds.VT1005] = ("decisionRights", ReachKind.Structure),
        [RuleIds.VT1006] = ("decisionRights", ReachKind.Structure),
        [RuleIds.VT1007] = ("units", ReachKind.People),            // the unit's people (with its sub-units)
        [RuleIds.VT1008] = ("forecasts", ReachKind.People),        // contributors
        [RuleIds.VT1009] = ("targets", ReachKind.People),          // appliesTo
        [RuleIds.VT1010] = ("meetings", ReachKind.People),         // attendees
        [RuleIds.VT2001] = ("toolRollouts", ReachKind.People),     // the people of the using units
        [RuleIds.VT2002] = ("processes", ReachKind.Structure),
        [RuleIds.VT2003] = ("channels", ReachKind.Structure),
        [RuleIds.VT2004] = ("processes", ReachKind.Structure),
        [RuleIds.VT2005] = ("handoffs", ReachKind.Structure),
        [RuleIds.VT2006] = ("units", ReachKind.People),            // the unit's people (with its sub-units)
        [RuleIds.VT2007] = ("processes", ReachKind.Structure),
        [RuleIds.VT3001] = ("incentivePlans", ReachKind.People),   // participants
        [RuleIds.VT3002] = ("recognitionPrograms", ReachKind.People),
        [RuleIds.VT3003] = ("cultureStatements", ReachKind.Structure),
        [RuleIds.VT3004] = ("units", ReachKind.People),            // the unit's people (with its sub-units)
        [RuleIds.VT3005] = ("forecasts", ReachKind.People),
        [RuleIds.VT3006] = ("approvalPolicies", ReachKind.People), // appliesTo
        [RuleIds.VT3007] = ("approvalPolicies", ReachKind.People),
        [RuleIds.VT3008] = ("approvalPolicies", ReachKind.People),
        [RuleIds.VT3009] = ("recognitionPrograms", ReachKind.People),
        [RuleIds.VT3010] = ("units", ReachKind.People),            // the unit's direct members who sell
    };

    // Kinds whose entities carry a scope of people (or units of people): a finding there reaches that scope,
    // also for rules outside the catalog.
    private static readonly HashSet<string> ScopedKinds = new(StringComparer.Ordinal)
    {
        "incentivePlans", "targets", "forecasts", "meetings", "approvalPolicies", "recognitionPrograms", "toolRollouts", "people",
    };

    /// <summary>The catalog rules, by id.</summary>
    public static IReadOnlyCollection<string> CatalogRules => Catalog.Keys;

    /// <summary>Whom a finding of <paramref name="ruleId"/> at an entity of <paramref name="entityKind"/> reaches.</summary>
    public static ReachKind Of(string ruleId, string? entityKind)
    {
        ArgumentNullException.ThrowIfNull(ruleId);
        if (Catalog.TryGetValue(ruleId, out var entry)) return entry.Reach;
        // A rule outside the catalog reaches people only where its entity names them; a unit alone says
        // nothing about who is affected, so it stays a structure.
        return entityKind != null && ScopedKinds.Contains(entityKind) ? ReachKind.People : ReachKind.Structure;
    }

    /// <summary>Whom a diagnostic reaches.</summary>
    public static ReachKind Of(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        return Of(diagnostic.Id, diagnostic.Location.EntityKind);
    }

    /// <summary>The kind of entity a catalog rule judges (e.g. <c>incentivePlans</c>); null for other rules.</summary>
    public static string? JudgedKind(string ruleId)
        => Catalog.TryGetValue(ruleId ?? throw new ArgumentNullException(nameof(ruleId)), out var entry) ? entry.Kind : null;

    /// <summary>The catalog category of a catalog rule, from its id (VT1xxx Team, VT2xxx Digitalisation, VT3xxx Effectiveness).</summary>
    internal static string? CategoryOf(string ruleId) => ruleId.Length == 6 && Catalog.ContainsKey(ruleId)
        ? ruleId[2] switch
        {
            '1' => DiagnosticCategories.Team,
            '2' => DiagnosticCategories.Digitalisation,
            '3' => DiagnosticCategories.Effectiveness,
            _ => null,
        }
        : null;
}
