using Vertrieb40.Rules.Diagnostics;

namespace Vertrieb40.Rules.Fixes.Providers;

/// <summary>
/// VT1009: leave the individual target out — removes it from <c>targets</c> (principle 1.3, article L143).
/// Turning it into a team target would keep the practice under another label; whether the team wants a goal
/// of its own is the team's decision.
/// </summary>
internal sealed class IndividualTargetFixProvider : RemoveEntityFixProvider
{
    /// <inheritdoc />
    protected override string RuleId => RuleIds.VT1009;
    /// <inheritdoc />
    protected override string Title(string entity) => $"Leave out the individual target '{entity}'";
    /// <inheritdoc />
    protected override string GermanTitle(string entity) => $"Das Einzelziel „{entity}“ weglassen";
}
