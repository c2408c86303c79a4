using Vertrieb40.Rules.Model;

namespace Vertrieb40.Rules.Tests.Reference;

/// <summary>
/// A plain statement of which rules can judge a document (issue 10: a rule never judges what the document does
/// not say), written independently of <c>InputFacts</c>: per rule, what the document must state.
/// </summary>
public static class ReferenceCoverage
{
    private static bool Written(Organization org, string collection, int count) => count > 0 || org.DescribedCollections.Contains(collection);

    private static bool HasTeams(Organization org) => org.People.Any(p => p.Unit is { Kind: UnitKind.Team });
    private static bool HasRoles(Organization org) => org.People.Any(p => p.Roles.Count > 0);
    private static bool HasRoleFunctions(Organization org) => org.Roles.Any(r => r.Function != null && !r.FunctionInferred);

    /// <summary>True when the rule <paramref name="id"/> can judge <paramref name="org"/>.</summary>
    public static bool CanCheck(string id, Organization org) => id switch
    {
        "VT1001" or "VT1002" => HasTeams(org) && HasRoles(org),
        "VT1003" => Written(org, "offerings", org.Offerings.Count) && (org.Offerings.Count == 0 || org.Offerings.Any(o => o.Funnel.Count > 0)),
        "VT1004" => HasTeams(org) && (Written(org, "targets", org.Targets.Count) || org.Units.Any(u => u.Kind == UnitKind.Team && u.SharedGoal != null)),
        "VT1005" or "VT1006" => Written(org, "decisionRights", org.DecisionRights.Count),
        "VT1007" => org.Units.Any(u => u.CustomerContact != null),
        "VT1008" => Written(org, "forecasts", org.Forecasts.Count),
        "VT1009" => Written(org, "targets", org.Targets.Count),
        "VT1010" => Written(org, "meetings", org.Meetings.Count) && (org.Meetings.Count == 0 || org.Meetings.Any(m => m.Cadence != null)),
        "VT2001" => Written(org, "toolRollouts", org.ToolRollouts.Count),
        "VT2002" or "VT2007" => Written(org, "processes", org.Processes.Count),
        "VT2003" => Written(org, "channels", org.Channels.Count),
        "VT2004" => Written(org, "processes", org.Processes.Count)
                    && (org.Processes.All(p => p.WorkType != WorkType.Routine) || org.Processes.Any(p => p.WorkType == WorkType.Routine && p.Automation != null)),
        "VT2005" => Written(org, "handoffs", org.Handoffs.Count),
        "VT2006" => HasRoles(org) && HasRoleFunctions(org),
        // A recognition programme with a prize pays for results (schema 1.1): it is stated incentive pay too.
        "VT3001" => Written(org, "incentivePlans", org.IncentivePlans.Count) || org.RecognitionPrograms.Any(p => p.Prize != null),
        "VT3002" or "VT3009" => Written(org, "recognitionPrograms", org.RecognitionPrograms.Count),
        "VT3003" => Written(org, "cultureStatements", org.CultureStatements.Count),
        // VT3004 has two halves (unit autonomy, work chosen above the teams): checked when either can run.
        "VT3004" => org.Units.Any(u => u.Autonomy != null) || Written(org, "decisionRights", org.DecisionRights.Count),
        "VT3005" => Written(org, "forecasts", org.Forecasts.Count) && (org.Forecasts.Count == 0 || org.Forecasts.Any(f => f.UsedFor.Count > 0)),
        "VT3006" or "VT3008" => Written(org, "approvalPolicies", org.ApprovalPolicies.Count),
        "VT3007" => Written(org, "approvalPolicies", org.ApprovalPolicies.Count)
                    && (org.ApprovalPolicies.All(p => p.Steps.Count == 0 && p.Thresholds.Count == 0)
                        || org.ApprovalPolicies.Any(p => p.Steps.Any(s => s.HigherRank != null) || p.Thresholds.Any(t => t.HigherRank != null))),
        "VT3010" => HasTeams(org) && HasRoles(org) && HasRoleFunctions(org),
        _ => true,
    };
}
