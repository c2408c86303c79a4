namespace Vertrieb40.Rules.Fixes.Providers;

/// <summary>VT1009: set the target at team level (<c>"level": "team"</c>) — principle 1.3/3.4.</summary>
internal sealed class IndividualTargetFixProvider : SetPropertyFixProvider
{
    /// <inheritdoc />
    protected override string RuleId => "VT1009";
    /// <inheritdoc />
    protected override string Property => "level";
    /// <inheritdoc />
    protected override string NewValue => "team";
    /// <inheritdoc />
    protected override string Title(string entity) => $"Set target '{entity}' for the team, not per person";
}
