using Vertrieb40.Rules.Diagnostics;

namespace Vertrieb40.Rules.Fixes.Providers;

/// <summary>A fix that sets one property of the diagnostic's entity to a value the rule accepts.</summary>
internal abstract class SetPropertyFixProvider : CodeFixProvider
{
    /// <summary>The rule id.</summary>
    protected abstract string RuleId { get; }
    /// <summary>The property to set.</summary>
    protected abstract string Property { get; }
    /// <summary>The new value (a string).</summary>
    protected abstract string NewValue { get; }
    /// <summary>The title for an entity.</summary>
    protected abstract string Title(string entity);
    /// <summary>The German title for an entity.</summary>
    protected abstract string GermanTitle(string entity);

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
        })
        { GermanTitle = GermanTitle(NameOf(diagnostic)) };
    }
}
