using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Model;

namespace Vertrieb40.Rules.Tests.Reference;

/// <summary>Reference statements of VT3001, VT1009 and VT1010.</summary>
public static class FoundationReference
{
    [ReferenceRule("VT3001")]
    public static IEnumerable<Entity> IncentivePay(Organization org, RuleOptions options)
    {
        var allowShare = !options.Values.TryGetValue("VT3001.allowCompanyProfitShare", out var v) || v != "false";
        return org.IncentivePlans.Where(p => p.Type is IncentiveType.Commission or IncentiveType.Bonus or IncentiveType.Spiff
                || (p.Type == IncentiveType.ProfitShare && !(allowShare && ToEveryone(p) && p.Distribution != PayDistribution.ByResult)))
            .Cast<Entity>()
            .Concat(org.RecognitionPrograms.Where(r => !string.IsNullOrWhiteSpace(r.Prize))); // a prize pays for results (1.1)
    }

    // The exemption holds only where the document says the share goes to everyone in the company; the plan's level is not enough.
    private static bool ToEveryone(IncentivePlan p)
    {
        var s = p.Participants;
        return s.Everyone || (s.Units.Count > 0 && s.RoleIds.Count == 0 && s.Units.All(u => u.Kind == UnitKind.Company && u.Parent == null));
    }

    [ReferenceRule("VT1009")]
    public static IEnumerable<Entity> IndividualTargets(Organization org, RuleOptions options)
        => org.Targets.Where(t => t.Level == MeasurementLevel.Individual);

    [ReferenceRule("VT1010")]
    public static IEnumerable<Entity> ControlMeetings(Organization org, RuleOptions options)
        => org.Meetings.Where(m => (m.Purpose == MeetingPurpose.StatusReporting || m.Purpose == MeetingPurpose.PipelineReview || m.Purpose == MeetingPurpose.ForecastReview)
            && m.Cadence != null && m.Cadence != Cadence.Once && m.Cadence != Cadence.AdHoc); // an unstated cadence may be one-off
}
