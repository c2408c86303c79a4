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
[Name(RuleIds.VT1010), Description("Control meeting")]
internal sealed class ControlMeetingRule() : FactRule<Meeting>(Descriptor)
{
    /// <summary>VT1010.</summary>
    public static readonly DiagnosticDescriptor Descriptor =
        RuleDescriptors.Create(RuleIds.VT1010, DiagnosticCategories.Team, DiagnosticSeverity.Warning, WellKnownTags.Practice, WellKnownTags.Fixable);

    /// <summary>The purposes that count as control.</summary>
    public static readonly RuleOption<IReadOnlySet<MeetingPurpose>> Purposes = RuleOption.Set(RuleIds.VT1010, "purposes",
        [MeetingPurpose.StatusReporting, MeetingPurpose.PipelineReview, MeetingPurpose.ForecastReview], "which purposes count as control (comma-separated)");

    /// <summary>Whether one-off and ad-hoc meetings are reported too.</summary>
    public static readonly RuleOption<bool> IncludeOneOff =
        RuleOption.Bool(RuleIds.VT1010, "includeOneOff", false, "also report one-off and ad-hoc meetings with these purposes (default false)");

    /// <inheritdoc />
    public override IReadOnlyList<RuleOption> SupportedOptions => [Purposes, IncludeOneOff];

    /// <summary>True when the meeting is a control meeting under the given options.</summary>
    public static bool IsControlMeeting(Meeting meeting, RuleOptions options)
        => options.Get(Purposes).Contains(meeting.Purpose)
           && (options.Get(IncludeOneOff) || meeting.Cadence is { } cadence && cadence is not (Cadence.Once or Cadence.AdHoc));

    /// <inheritdoc />
    protected override bool IsFinding(Meeting meeting, RuleOptions options) => IsControlMeeting(meeting, options);

    /// <inheritdoc />
    protected override string LocatedAt(Meeting meeting) => "purpose";

    /// <inheritdoc />
    protected override object?[] MessageArguments(Meeting meeting, AnalysisContext context)
        => [meeting.DisplayName, Terms.Of(meeting.Purpose), Terms.OfOrNotStated(meeting.Cadence), context.Model.Reach(meeting.Attendees), Chair(meeting)];

    /// <summary>
    /// Who chairs the meeting (schema 1.1), as a sentence starting with a space: the chair role by name, or the roles of
    /// the chair person — never the person; nothing when the document does not say.
    /// </summary>
    internal static LocalizableString Chair(Meeting meeting)
    {
        if (meeting.ChairRole is { } role) return Part("VT1010_ChairRole", role.DisplayName);
        if (meeting.ChairPerson is not { } person) return "";
        var roles = person.Roles.Distinct().Select(r => (LocalizableString)Part("VT1010_Quoted", r.DisplayName)).ToArray();
        return roles.Length == 0 ? Part("VT1010_ChairPerson")
            : Part("VT1010_ChairPersonRoles", roles.Length, new LocalizableList(roles, new LocalizableResourceString("VT1010_And", RuleDescriptors.Team)));
    }

    private static LocalizableFormat Part(string key, params object?[] args) => new(new LocalizableResourceString(key, RuleDescriptors.Team), args);
}
