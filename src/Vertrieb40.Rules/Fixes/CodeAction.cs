namespace Vertrieb40.Rules.Fixes;

/// <summary>
/// One fix for one diagnostic (Roslyn's <c>CodeAction</c>): a title for people, an equivalence key that
/// groups the same kind of fix across diagnostics ("Fix All"), and the edit. The edit finds its target in
/// the document it is given (by entity id), so fixes can be applied one after another.
/// </summary>
internal sealed class CodeAction
{
    private readonly Func<OrganizationDocument, OrganizationDocument?> _apply;

    /// <summary>Creates a code action.</summary>
    /// <param name="title">What the fix does, e.g. "Pay plan 'Sales commission' as fixed salary".</param>
    /// <param name="equivalenceKey">The same for every fix of this kind, e.g. <c>VT3001.FixedPay</c>.</param>
    /// <param name="apply">Returns the edited document, or null when the fix no longer applies.</param>
    public CodeAction(string title, string equivalenceKey, Func<OrganizationDocument, OrganizationDocument?> apply)
    {
        Title = title ?? throw new ArgumentNullException(nameof(title));
        EquivalenceKey = equivalenceKey ?? throw new ArgumentNullException(nameof(equivalenceKey));
        _apply = apply ?? throw new ArgumentNullException(nameof(apply));
    }

    /// <summary>What the fix does.</summary>
    public string Title { get; }

    /// <summary>The title in German (<c>--culture de</c>); null where none is written.</summary>
    public string? GermanTitle { get; init; }

    /// <summary>The title in the reader's language.</summary>
    public string TitleIn(System.Globalization.CultureInfo culture) => GermanTitle != null && culture.TwoLetterISOLanguageName == "de" ? GermanTitle : Title;

    /// <summary>Groups fixes of the same kind.</summary>
    public string EquivalenceKey { get; }

    /// <summary>Applies the fix; null when it no longer applies (e.g. an earlier fix already did the work).</summary>
    public OrganizationDocument? Apply(OrganizationDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return _apply(document);
    }

    /// <inheritdoc />
    public override string ToString() => Title;
}
