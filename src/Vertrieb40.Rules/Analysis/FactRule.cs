using NRules.Fluent.Dsl;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Model;

namespace Vertrieb40.Rules.Analysis;

/// <summary>
/// The common shape of a rule: one kind of fact, a predicate, and the message arguments — one diagnostic per fact
/// the predicate holds for. A rule of this shape says only what is particular to it:
/// <code>
/// [Name("ACME0002"), Description("Meeting without agenda")]
/// public sealed class NoAgendaRule() : FactRule&lt;Meeting&gt;(Descriptor)
/// {
///     protected override bool IsFinding(Meeting meeting, RuleOptions options) => meeting.Purpose is null;
///     protected override object?[] MessageArguments(Meeting meeting, AnalysisContext context) => [meeting.DisplayName];
/// }
/// </code>
/// Rules that join several facts, or report more than one diagnostic per fact, derive from
/// <see cref="OrganizationRule"/> directly.
/// </summary>
/// <typeparam name="TFact">The kind of fact the rule judges: an entity of the document or a declared derived fact.</typeparam>
public abstract class FactRule<TFact> : OrganizationRule where TFact : class
{
    private readonly DiagnosticDescriptor _descriptor;
    private readonly IReadOnlyList<DiagnosticDescriptor> _supported;

    /// <summary>A rule that reports <paramref name="descriptor"/>.</summary>
    protected FactRule(DiagnosticDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        _descriptor = descriptor;
        _supported = [descriptor];
    }

    /// <inheritdoc />
    public sealed override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => _supported;

    /// <summary>True when <paramref name="fact"/> is a finding under the given options.</summary>
    protected abstract bool IsFinding(TFact fact, RuleOptions options);

    /// <summary>The arguments of the descriptor's message for a finding.</summary>
    protected abstract object?[] MessageArguments(TFact fact, AnalysisContext context);

    /// <summary>The entity the finding is located at: the fact itself when it is an entity.</summary>
    protected virtual Entity Subject(TFact fact)
        => fact as Entity ?? throw new InvalidOperationException($"{GetType().Name} judges {typeof(TFact).Name}, which is not an entity: override Subject.");

    /// <summary>The property of the subject that caused the finding (its location); null for the whole entity.</summary>
    protected virtual string? LocatedAt(TFact fact) => null;

    /// <inheritdoc />
    public sealed override void Define()
    {
        AnalysisContext context = null!;
        RuleOptions options = null!;
        TFact fact = null!;

        Dependency().Resolve(() => context);
        When()
            .Match(() => options)
            .Match(() => fact, f => IsFinding(f, options));
        Then()
            .Do(_ => Report(context, fact));
    }

    private void Report(AnalysisContext context, TFact fact)
    {
        var subject = Subject(fact);
        var arguments = MessageArguments(fact, context);
        if (LocatedAt(fact) is { } property) context.ReportAt(_descriptor, subject, property, null, null, arguments);
        else context.Report(_descriptor, subject, arguments);
    }
}
