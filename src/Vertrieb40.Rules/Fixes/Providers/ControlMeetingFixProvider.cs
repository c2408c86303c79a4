using Vertrieb40.Rules.Diagnostics;

namespace Vertrieb40.Rules.Fixes.Providers;

/// <summary>
/// VT1010: leave the control meeting out — removes it from <c>meetings</c> (principle 1.3, article L143).
/// Relabelling its purpose would keep the meeting as it is; meetings the team needs, it calls itself.
/// </summary>
internal sealed class ControlMeetingFixProvider : RemoveEntityFixProvider
{
    /// <inheritdoc />
    protected override string RuleId => RuleIds.VT1010;
    /// <inheritdoc />
    protected override string Title(string entity) => $"Leave out the control meeting '{entity}'";
    /// <inheritdoc />
    protected override string GermanTitle(string entity) => $"Das Kontrollmeeting „{entity}“ weglassen";
}
