namespace Vertrieb40.Rules.Fixes.Providers;

/// <summary>VT1010: make the meeting a coordination meeting (<c>"purpose": "coordination"</c>) — principle 1.3.</summary>
internal sealed class ControlMeetingFixProvider : SetPropertyFixProvider
{
    /// <inheritdoc />
    protected override string RuleId => "VT1010";
    /// <inheritdoc />
    protected override string Property => "purpose";
    /// <inheritdoc />
    protected override string NewValue => "coordination";
    /// <inheritdoc />
    protected override string Title(string entity) => $"Turn meeting '{entity}' into a coordination meeting";
}
