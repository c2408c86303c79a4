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
        => [ArgumentSource.Name(meeting), ArgumentSource.Stated(Terms.Of(meeting.Purpose), meeting, "purpose"),
            ArgumentSource.Optional(meeting.Cadence, meeting, "cadence"), ArgumentSource.Reach(context.Model, meeting, "attendees", meeting.Attendees),
            Chair(meeting)];

    /// <summary>
    /// Who chairs the meeting, as a sentence starting with a space: the chair role by name (schema 1.1), or the roles of
    /// the chair person — never the person —, and the chair unit (schema 1.0 <c>chairUnitId</c>) by name; nothing when
    /// the document does not say. Its source lists the references and the names the sentence shows.
    /// </summary>
    internal static SourcedArgument Chair(Meeting meeting)
    {
        var unit = meeting.ChairUnit;
        var pointers = new List<string>();
        LocalizableString? who = null;
        var unitSaid = false;
        if (meeting.ChairRole is { } role)
        {
            who = Part("VT1010_ChairRole", role.DisplayName);
            pointers.Add(ArgumentSource.PointerOf(meeting, "chairRoleId"));
            pointers.Add(NameOf(role));
        }
        else if (meeting.ChairPerson is { } person)
        {
            pointers.Add(ArgumentSource.PointerOf(meeting, "chairPersonId"));
            var roles = person.Roles.Distinct().ToArray();
            if (roles.Length > 0)
            {
                pointers.Add(ArgumentSource.PointerOf(person, "roleIds"));
                pointers.AddRange(roles.Select(NameOf));
                var quoted = roles.Select(r => (LocalizableString)Part("VT1010_Quoted", r.DisplayName)).ToArray();
                who = Part("VT1010_ChairPersonRoles", quoted.Length, new LocalizableList(quoted, new LocalizableResourceString("VT1010_And", RuleDescriptors.Team)));
            }
            else
            {
                // "a person of the unit '…'" rather than "a person the document names of the unit '…'".
                who = unit is null ? Part("VT1010_ChairPerson") : Part("VT1010_ChairPersonUnit", unit.DisplayName);
                unitSaid = unit != null;
            }
        }
        if (unit != null)
        {
            pointers.Add(ArgumentSource.PointerOf(meeting, "chairUnitId"));
            pointers.Add(NameOf(unit));
            if (who is null) who = Part("VT1010_ChairUnit", unit.DisplayName);
            else if (!unitSaid) who = new LocalizableFormat("{0}{1}", who, Part("VT1010_OfUnit", unit.DisplayName));
        }
        return who is null
            ? new SourcedArgument("", ArgumentSource.Absent(meeting, "chairUnitId", "chairRoleId", "chairPersonId"))
            : ArgumentSource.Derived(who, "chair", pointers.Distinct().ToArray());
    }

    private static string NameOf(Entity entity) => ArgumentSource.PointerOf(entity, string.IsNullOrWhiteSpace(entity.Name) ? "id" : "name");

    private static LocalizableFormat Part(string key, params object?[] args) => new(new LocalizableResourceString(key, RuleDescriptors.Team), args);
}
