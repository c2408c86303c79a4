using Vertrieb40.Rules.Diagnostics;

namespace Vertrieb40.Rules.Fixes.Providers;

/// <summary>VT3001: pay the plan as fixed salary (<c>"type": "fixed"</c>) — principle 3.3, abolish incentive pay.</summary>
internal sealed class IncentivePayFixProvider : SetPropertyFixProvider
{
    /// <inheritdoc />
    protected override string RuleId => RuleIds.VT3001;
    /// <inheritdoc />
    protected override string Property => "type";
    /// <inheritdoc />
    protected override string NewValue => "fixed";
    /// <inheritdoc />
    protected override string Title(string entity) => $"Turn incentive plan '{entity}' into fixed pay";
    /// <inheritdoc />
    protected override string GermanTitle(string entity) => $"Den Anreizplan „{entity}“ in Festgehalt umwandeln";

    /// <inheritdoc />
    // A recognition programme with a prize (schema 1.1) has no "type" to set: dropping the prize is the user's call
    // (what the money becomes is not in the document), so it gets no automatic fix.
    public override CodeAction? GetFix(Diagnostic diagnostic)
        => diagnostic?.Location.EntityKind is "incentivePlans" or null ? base.GetFix(diagnostic!) : null;
}
