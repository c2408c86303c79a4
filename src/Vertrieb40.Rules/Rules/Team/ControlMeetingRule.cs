using NRules.Fluent.Dsl;
using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Model;

namespace Vertrieb40.Rules.Rules.Team;

/// <summary>
/// VT1010 — recurring meetings whose purpose is to pull information out of sales and control the work
/// (principle 1.3). Options: <c>VT1010.purposes</c> (default statusReporting, pipelineReview,
/// forecastReview) and <c>VT1010.includeOneOff</c> (default false: a one-off or ad-hoc meeting is no routine of control).
/// </summary>
[RequiresFacts(InputFacts.MeetingCadences)]
[Name("VT1010"), Description("Control meeting")]
internal sealed class ControlMeetingRule : OrganizationRule
{
    /// <summary>VT1010.</summary>
    public static readonly DiagnosticDescriptor Descriptor =
        RuleDescriptors.Create("VT1010", DiagnosticCategories.Team, DiagnosticSeverity.Warning, WellKnownTags.Practice, WellKnownTags.Fixable);

    /// <inheritdoc />
    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    /// <summary>True when the meeting is a control meeting under the given options.</summary>
    public static bool IsControlMeeting(Meeting meeting, RuleOptions options)
        => options.Set("VT1010", "purposes", MeetingPurpose.StatusReporting, MeetingPurpose.PipelineReview, MeetingPurpose.ForecastReview).Contains(meeting.Purpose)
           && (options.Bool("VT1010", "includeOneOff", false) || meeting.Cadence is { } cadence && cadence is not (Cadence.Once or Cadence.AdHoc));

    /// <inheritdoc />
    public override void Define()
    {
        AnalysisContext context = null!;
        RuleOptions options = null!;
        Meeting meeting = null!;

        Dependency().Resolve(() => context);
        When()
            .Match(() => options)
            .Match(() => meeting, m => IsControlMeeting(m, options));
        Then()
            .Do(_ => context.ReportAt(Descriptor, meeting, "purpose", null, null,
                meeting.DisplayName, Terms.Of(meeting.Purpose), Terms.OfOrNotStated(meeting.Cadence), context.Model.Reach(meeting.Attendees)));
    }
}
