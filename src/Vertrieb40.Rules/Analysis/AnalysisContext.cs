using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Model;

namespace Vertrieb40.Rules.Analysis;

/// <summary>
/// What a rule sees of the current analysis besides its facts: the semantic model, the rule options, and
/// the sink it reports to. One per analysis (per NRules session); rules resolve it as a dependency.
/// </summary>
public sealed class AnalysisContext
{
    private readonly List<Diagnostic> _diagnostics = new();
    private readonly Func<string, IReadOnlyList<DiagnosticDescriptor>> _declaredBy;
    private readonly Action<string, DiagnosticDescriptor> _onUndeclared;

    internal AnalysisContext(SemanticModel model, RuleOptions options,
        Func<string, IReadOnlyList<DiagnosticDescriptor>> declaredBy, Action<string, DiagnosticDescriptor> onUndeclared)
    {
        Model = model;
        Options = options;
        _declaredBy = declaredBy;
        _onUndeclared = onUndeclared;
    }

    /// <summary>Derived facts: counts, reach of scopes, unit containment.</summary>
    public SemanticModel Model { get; }

    /// <summary>Rule options from configuration.</summary>
    public RuleOptions Options { get; }

    /// <summary>The organisation being analysed.</summary>
    public Organization Organization => Model.Organization;

    /// <summary>The rule whose action is running (set by the engine).</summary>
    internal string? CurrentRule { get; set; }

    internal List<Diagnostic> Diagnostics => _diagnostics;

    // The run's time budget, when it has one (set by the engine).
    internal RuleWatch? Watch { get; init; }

    private bool _abandoned;

    /// <summary>
    /// Cancelled when the running rule is over its time budget or the run is cancelled (Ctrl+C). A rule that may
    /// take long — a loop over many facts, a search — should look at it (<c>ThrowIfCancellationRequested</c>):
    /// then the engine can stop it and report it (VT0100) instead of abandoning the whole run.
    /// </summary>
    public CancellationToken CancellationToken => Watch?.TokenFor(CurrentRule) ?? CancellationToken.None;

    /// <summary>An abandoned run takes no more findings (its rule may still be running on its own thread).</summary>
    internal void Abandon()
    {
        lock (_diagnostics) _abandoned = true;
    }

    /// <summary>The findings so far; none are taken after this.</summary>
    internal List<Diagnostic> CloseAndCopy()
    {
        lock (_diagnostics)
        {
            _abandoned = true;
            return new List<Diagnostic>(_diagnostics);
        }
    }

    /// <summary>Reports a diagnostic whose primary location is <paramref name="entity"/>.</summary>
    public void Report(DiagnosticDescriptor descriptor, Entity entity, params object?[] messageArgs)
        => Report(Diagnostic.Create(descriptor, LocationOf(entity), messageArgs));

    /// <summary>Reports a diagnostic at <paramref name="entity"/> with related locations and properties.</summary>
    public void Report(DiagnosticDescriptor descriptor, Entity entity, IEnumerable<Entity>? related,
        IReadOnlyDictionary<string, string?>? properties, params object?[] messageArgs)
        => Report(Diagnostic.Create(descriptor, LocationOf(entity), related?.Select(LocationOf), properties, messageArgs));

    /// <summary>
    /// Reports a diagnostic at the <paramref name="property"/> of <paramref name="entity"/> that caused it (the
    /// whole entity stays the location's context), e.g. the <c>"type": "commission"</c> of a plan.
    /// </summary>
    public void ReportAt(DiagnosticDescriptor descriptor, Entity entity, string property, IEnumerable<Entity>? related,
        IReadOnlyDictionary<string, string?>? properties, params object?[] messageArgs)
        => Report(Diagnostic.Create(descriptor, LocationOf(entity, property), related?.Select(LocationOf), properties, messageArgs));

    /// <summary>Reports a prepared diagnostic. Refused (and reported as VT0101) when the running rule did not declare its descriptor.</summary>
    public void Report(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        var rule = CurrentRule ?? "";
        var declared = _declaredBy(rule);
        var ok = false;
        foreach (var d in declared) if (ReferenceEquals(d, diagnostic.Descriptor) || d.Id == diagnostic.Id) { ok = true; break; }
        if (!ok)
        {
            _onUndeclared(rule, diagnostic.Descriptor);
            return;
        }
        lock (_diagnostics) if (!_abandoned) _diagnostics.Add(diagnostic);
    }

    /// <summary>The location of a property of an entity (the entity's span as context); the whole entity when the property's position is unknown.</summary>
    public Location LocationOf(Entity entity, string property)
    {
        var whole = LocationOf(entity);
        if (!entity.TryGetPropertySpan(property, out var start, out var end) || !start.IsKnown) return whole;
        if (!end.IsKnown || (end.Line, end.Column).CompareTo((start.Line, start.Column)) < 0) end = start;
        // A practice workbook keeps lists of objects (approval thresholds, steps) on a sheet of their own.
        var sheet = whole.Sheet != null && Organization.Sheets?.TryGetValue(entity.Collection + "/" + property, out var listSheet) == true ? listSheet : whole.Sheet;
        return new Location(whole.FilePath, whole.JsonPointer, new LineSpan(start.Line, start.Column, end.Line, end.Column),
            whole.EntityKind, whole.EntityId, whole.Span)
        { Sheet = sheet };
    }

    /// <summary>The location of an entity: file, JSON Pointer, span from its start to its end.</summary>
    public Location LocationOf(Entity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var end = entity.End.IsKnown ? entity.End : entity.Start;
        var file = entity.FileOr(Organization.FilePath);
        // A practice workbook: the entity's row and column are in its collection's sheet.
        var sheet = file == Organization.FilePath && entity.Collection != null && Organization.Sheets?.TryGetValue(entity.Collection, out var s) == true ? s : null;
        return new Location(file, entity.Pointer,
            new LineSpan(entity.Start.Line, entity.Start.Column, end.Line, end.Column), entity.Collection, entity.Id)
        { Sheet = sheet };
    }
}
