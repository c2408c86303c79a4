using Vertrieb40.Rules.Diagnostics;

namespace Vertrieb40.Rules.Fixes.Providers;

/// <summary>A fix that sets one property of the diagnostic's entity to a value the rule accepts.</summary>
public abstract class SetPropertyFixProvider : CodeFixProvider
{
    /// <summary>The rule id.</summary>
    protected abstract string RuleId { get; }
    /// <summary>The property to set.</summary>
    protected abstract string Property { get; }
    /// <summary>The new value (a string).</summary>
    protected abstract string NewValue { get; }
    /// <summary>The title for an entity.</summary>
    protected abstract string Title(string entity);

    /// <inheritdoc />
    public override IReadOnlyList<string> FixableDiagnosticIds => [RuleId];

    /// <inheritdoc />
    public override CodeAction? GetFix(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        if (diagnostic.Id != RuleId) return null;
        return new CodeAction(Title(NameOf(diagnostic)), RuleId + "." + Property + "=" + NewValue, document =>
        {
            var entity = EntityOf(document, diagnostic);
            if (entity is null) return null;
            if (entity[Property]?.StringValue == NewValue) return null; // already done
            return document.WithProperty(entity, Property, OrganizationDocument.Literal(NewValue));
        });
    }
}

/// <summary>VT3001: pay the plan as fixed salary (<c>"type": "fixed"</c>) — principle 3.3, abolish incentive pay.</summary>
public sealed class IncentivePayFixProvider : SetPropertyFixProvider
{
    /// <inheritdoc />
    protected override string RuleId => "VT3001";
    /// <inheritdoc />
    protected override string Property => "type";
    /// <inheritdoc />
    protected override string NewValue => "fixed";
    /// <inheritdoc />
    protected override string Title(string entity) => $"Turn incentive plan '{entity}' into fixed pay";
}

/// <summary>VT1009: set the target at team level (<c>"level": "team"</c>) — principle 1.3/3.4.</summary>
public sealed class IndividualTargetFixProvider : SetPropertyFixProvider
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

/// <summary>VT1010: make the meeting a coordination meeting (<c>"purpose": "coordination"</c>) — principle 1.3.</summary>
public sealed class ControlMeetingFixProvider : SetPropertyFixProvider
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
