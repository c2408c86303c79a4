using System.Globalization;
using System.Reflection;
using System.Resources;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Model;

namespace Vertrieb40.Rules.Analysis;

/// <summary>Whether a rule could judge the document (Roslyn reports a skipped analyzer the same way).</summary>
public enum CoverageStatus
{
    /// <summary>The document holds what the rule needs; the rule ran.</summary>
    Checked,
    /// <summary>The rule did not run by choice: switched off by configuration or not selected (<c>--only</c>).</summary>
    NotApplicable,
    /// <summary>The document lacks a fact the rule needs (no teams, no roles, no cadences …): the rule did not judge.</summary>
    CouldNotCheck,
}

/// <summary>The coverage of one catalog rule in one analysis.</summary>
/// <param name="RuleId">The rule id, e.g. <c>VT3010</c>.</param>
/// <param name="Status">Checked, not applicable, or could not check.</param>
/// <param name="Reason">Why not checked, in English (null when checked); <see cref="LocalizableReason"/> gives it in other languages.</param>
public sealed record RuleCoverage(string RuleId, CoverageStatus Status, string? Reason)
{
    /// <summary>The reason in the reader's language (English and German), null when checked.</summary>
    public LocalizableString? LocalizableReason { get; init; }

    /// <summary>The facts (see <see cref="InputFacts"/>) the document lacks; empty unless <see cref="CoverageStatus.CouldNotCheck"/>.</summary>
    public IReadOnlyList<string> MissingFacts { get; init; } = Array.Empty<string>();

    /// <summary>The reason in the given culture (null when checked).</summary>
    public string? ReasonIn(IFormatProvider? culture) => LocalizableReason?.ToString(culture) ?? Reason;

    /// <summary>The status as written in JSON and SARIF: <c>checked</c>, <c>notApplicable</c>, <c>couldNotCheck</c>.</summary>
    public string StatusName => Status switch
    {
        CoverageStatus.Checked => "checked",
        CoverageStatus.NotApplicable => "notApplicable",
        _ => "couldNotCheck",
    };
}

/// <summary>
/// Declares the facts a rule needs from the document (names from <see cref="InputFacts"/>). When one is
/// missing the rule does not run and its coverage is <see cref="CoverageStatus.CouldNotCheck"/>: a rule never
/// judges what the document does not say. A rule without this attribute needs nothing beyond its own facts.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RequiresFactsAttribute(params string[] facts) : Attribute
{
    /// <summary>The facts the rule needs.</summary>
    public IReadOnlyList<string> Facts { get; } = facts ?? Array.Empty<string>();
}

/// <summary>
/// The facts of a document that rules may need, and how the analysis decides whether the document holds them.
/// Each fact is a statement the document makes (a unit of kind team with members, a unit stating its customer
/// contact, a written collection); defaults of the format never count as statements.
/// </summary>
internal static class InputFacts
{
    private static readonly ResourceManager Resources = new("Vertrieb40.Rules.Resources.CoverageResources", typeof(InputFacts).Assembly);

    /// <summary>A unit of kind team with at least one member.</summary>
    public const string Teams = "teams";
    /// <summary>At least one person holds a role.</summary>
    public const string Roles = "roles";
    /// <summary>At least one role states its function (a function guessed from a job title does not count).</summary>
    public const string RoleFunctions = "roleFunctions";
    /// <summary>Offerings are described and, where there are any, at least one gives its funnel.</summary>
    public const string OfferingFunnels = "offeringFunnels";
    /// <summary>A team states <c>sharedGoal</c>, or the document describes its targets.</summary>
    public const string TeamGoals = "teamGoals";
    /// <summary>At least one unit states its customer contact.</summary>
    public const string CustomerContact = "customerContact";
    /// <summary>At least one unit states its autonomy.</summary>
    public const string Autonomy = "autonomy";
    /// <summary>The decision rights are described.</summary>
    public const string DecisionRights = "decisionRights";
    /// <summary>The forecasts are described.</summary>
    public const string Forecasts = "forecasts";
    /// <summary>Forecasts are described and, where there are any, at least one states what it is used for.</summary>
    public const string ForecastUses = "forecastUses";
    /// <summary>The targets are described.</summary>
    public const string Targets = "targets";
    /// <summary>The meetings are described.</summary>
    public const string Meetings = "meetings";
    /// <summary>Meetings are described and, where there are any, at least one states its cadence.</summary>
    public const string MeetingCadences = "meetingCadences";
    /// <summary>The incentive plans are described, or a recognition programme states a prize (pay for results, schema 1.1).</summary>
    public const string IncentivePlans = "incentivePlans";
    /// <summary>The approval policies are described.</summary>
    public const string ApprovalPolicies = "approvalPolicies";
    /// <summary>Approval policies are described and, where they have approvers, at least one step or threshold states <c>higherRank</c>.</summary>
    public const string ApproverRanks = "approverRanks";
    /// <summary>The hand-overs are described.</summary>
    public const string Handoffs = "handoffs";
    /// <summary>The customer channels are described.</summary>
    public const string Channels = "channels";
    /// <summary>The tool roll-outs are described.</summary>
    public const string ToolRollouts = "toolRollouts";
    /// <summary>The processes are described.</summary>
    public const string Processes = "processes";
    /// <summary>Processes are described and, where there is routine work, at least one routine process states its automation.</summary>
    public const string RoutineAutomation = "routineAutomation";
    /// <summary>The recognition programmes are described.</summary>
    public const string RecognitionPrograms = "recognitionPrograms";
    /// <summary>The culture statements are described.</summary>
    public const string CultureStatements = "cultureStatements";

    /// <summary>Every known fact, in a stable order.</summary>
    public static IReadOnlyList<string> All { get; } = new[]
    {
        Teams, Roles, RoleFunctions, OfferingFunnels, TeamGoals, CustomerContact, Autonomy, DecisionRights, Forecasts, ForecastUses,
        Targets, Meetings, MeetingCadences, IncentivePlans, ApprovalPolicies, ApproverRanks, Handoffs, Channels, ToolRollouts, Processes,
        RoutineAutomation, RecognitionPrograms, CultureStatements,
    };

    /// <summary>True when the document holds the fact. Unknown fact names are never held (a typo must not pass silently).</summary>
    public static bool IsHeld(string fact, SemanticModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var org = model.Organization;
        return fact switch
        {
            Teams => org.Units.Any(u => u.IsTeam && model.DirectPeople(u) > 0),
            Roles => org.People.Any(p => p.Roles.Count > 0),
            RoleFunctions => org.Roles.Any(r => r.Function.HasValue && !r.FunctionInferred),
            OfferingFunnels => org.Describes("offerings") && (org.Offerings.Count == 0 || org.Offerings.Any(o => o.Funnel.Count > 0)),
            TeamGoals => org.Describes("targets") || org.Units.Any(u => u.IsTeam && u.SharedGoal.HasValue),
            CustomerContact => org.Units.Any(u => u.CustomerContact.HasValue),
            Autonomy => org.Units.Any(u => u.Autonomy != null),
            MeetingCadences => org.Describes("meetings") && (org.Meetings.Count == 0 || org.Meetings.Any(m => m.Cadence.HasValue)),
            ForecastUses => org.Describes("forecasts") && (org.Forecasts.Count == 0 || org.Forecasts.Any(f => f.UsedFor.Count > 0)),
            ApproverRanks => org.Describes("approvalPolicies")
                && (!org.ApprovalPolicies.Any(p => p.Steps.Count > 0 || p.Thresholds.Count > 0)
                    || org.ApprovalPolicies.Any(p => p.Steps.Any(s => s.HigherRank.HasValue) || p.Thresholds.Any(t => t.HigherRank.HasValue))),
            RoutineAutomation => org.Describes("processes")
                && (!org.Processes.Any(p => p.WorkType == WorkType.Routine)
                    || org.Processes.Any(p => p.WorkType == WorkType.Routine && p.Automation.HasValue)),
            IncentivePlans => org.Describes(fact) || org.RecognitionPrograms.Any(Facts.PayForResults.HasPrize),
            DecisionRights or Forecasts or Targets or Meetings or ApprovalPolicies or Handoffs or Channels
                or ToolRollouts or Processes or RecognitionPrograms or CultureStatements => org.Describes(fact),
            _ => false,
        };
    }

    /// <summary>What the document lacks when it does not hold the fact, e.g. "the input has no teams with members".</summary>
    public static LocalizableString Missing(string fact)
        => Resources.GetString("Missing_" + fact, CultureInfo.InvariantCulture) is null
            ? string.Format(CultureInfo.InvariantCulture, Resources.GetString("Missing_Unknown", CultureInfo.InvariantCulture)!, fact)
            : new LocalizableResourceString("Missing_" + fact, Resources);

    internal static LocalizableString Text(string name) => new LocalizableResourceString(name, Resources);

    /// <summary>The facts a rule class declares with <see cref="RequiresFactsAttribute"/>.</summary>
    public static IReadOnlyList<string> RequiredBy(Type ruleType)
        => ruleType.GetCustomAttribute<RequiresFactsAttribute>()?.Facts ?? Array.Empty<string>();
}

/// <summary>Several reasons joined into one text ("…; …"), in each reader's language.</summary>
internal sealed class JoinedReasons(IReadOnlyList<LocalizableString> parts) : LocalizableString
{
    public override string ToString(IFormatProvider? formatProvider) => string.Join("; ", parts.Select(p => p.ToString(formatProvider)));
}
