using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace Vertrieb40.Rules.Diagnostics;

/// <summary>
/// Describes one kind of diagnostic: its id, texts, category and default severity (Roslyn's shape).
/// </summary>
public sealed partial class DiagnosticDescriptor : IEquatable<DiagnosticDescriptor>
{
    /// <summary>Base address of the rule pages; <see cref="HelpLinkUri"/> defaults to it plus the id.</summary>
    public const string DefaultHelpLinkBase = "https://github.com/vertrieb40/Vertrieb40.Rules/blob/main/rules/";

    /// <summary>Creates a descriptor and validates its conventions.</summary>
    /// <param name="id">Two to five upper-case letters followed by four digits, e.g. VT3001 or ACME0001.</param>
    /// <param name="title">A short noun phrase without a trailing period.</param>
    /// <param name="messageFormat">A composite format (<c>{0}</c>, …) that says what was found; one or more sentences.</param>
    /// <param name="category">The category, e.g. Team, Digitalisation, Effectiveness.</param>
    /// <param name="defaultSeverity">The severity when nothing is configured.</param>
    /// <param name="isEnabledByDefault">Whether the rule reports without being switched on.</param>
    /// <param name="description">Why it harms and what to do instead.</param>
    /// <param name="helpLinkUri">The rule page; defaults to <c>rules/ID.md</c>.</param>
    /// <param name="customTags">Tags such as <see cref="WellKnownTags.NotConfigurable"/>.</param>
    public DiagnosticDescriptor(string id, LocalizableString title, LocalizableString messageFormat, string category,
        DiagnosticSeverity defaultSeverity, bool isEnabledByDefault, LocalizableString? description = null,
        string? helpLinkUri = null, params string[] customTags)
    {
        if (id is null || !IdPattern().IsMatch(id))
            throw new ArgumentException($"Diagnostic id '{id}' must be 2–5 upper-case letters followed by 4 digits (e.g. VT3001).", nameof(id));
        if (string.IsNullOrWhiteSpace(category))
            throw new ArgumentException("A descriptor needs a category.", nameof(category));
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(messageFormat);
        ValidateTitle(id, title.ToString(System.Globalization.CultureInfo.InvariantCulture));
        ValidateMessage(id, messageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Id = id;
        Title = title;
        MessageFormat = messageFormat;
        Category = category;
        DefaultSeverity = defaultSeverity;
        IsEnabledByDefault = isEnabledByDefault;
        Description = description ?? "";
        HelpLinkUri = helpLinkUri ?? DefaultHelpLinkBase + id + ".md";
        CustomTags = customTags?.ToImmutableArray() ?? ImmutableArray<string>.Empty;
    }

    /// <summary>The rule id, e.g. VT3001.</summary>
    public string Id { get; }
    /// <summary>A short title.</summary>
    public LocalizableString Title { get; }
    /// <summary>The message format; the arguments come from the diagnostic.</summary>
    public LocalizableString MessageFormat { get; }
    /// <summary>The category.</summary>
    public string Category { get; }
    /// <summary>The severity when nothing is configured.</summary>
    public DiagnosticSeverity DefaultSeverity { get; }
    /// <summary>Whether the rule reports without being switched on.</summary>
    public bool IsEnabledByDefault { get; }
    /// <summary>A longer description.</summary>
    public LocalizableString Description { get; }
    /// <summary>The rule page.</summary>
    public string HelpLinkUri { get; }
    /// <summary>Custom tags.</summary>
    public ImmutableArray<string> CustomTags { get; }

    /// <summary>True when the descriptor carries <see cref="WellKnownTags.NotConfigurable"/>.</summary>
    public bool IsNotConfigurable => CustomTags.Contains(WellKnownTags.NotConfigurable);

    [GeneratedRegex("^[A-Z]{2,5}[0-9]{4}$")]
    private static partial Regex IdPattern();

    private static void ValidateTitle(string id, string title)
    {
        if (string.IsNullOrWhiteSpace(title))
            throw new ArgumentException($"{id}: the title must not be empty.", nameof(title));
        if (title.EndsWith('.'))
            throw new ArgumentException($"{id}: a title is a phrase and must not end with a period: '{title}'.", nameof(title));
        if (title.Contains('\n'))
            throw new ArgumentException($"{id}: a title must be a single line.", nameof(title));
    }

    private static void ValidateMessage(string id, string message)
    {
        if (string.IsNullOrWhiteSpace(message))
            throw new ArgumentException($"{id}: the message format must not be empty.", nameof(message));
        if (message.Contains('\n'))
            throw new ArgumentException($"{id}: a message must be a single line (compiler-style output).", nameof(message));
        try { _ = string.Format(System.Globalization.CultureInfo.InvariantCulture, message, new object[20]); }
        catch (FormatException)
        {
            throw new ArgumentException($"{id}: the message format is not a valid composite format: '{message}'.", nameof(message));
        }
    }

    /// <inheritdoc />
    public bool Equals(DiagnosticDescriptor? other) => other is not null && other.Id == Id && other.Category == Category
        && other.DefaultSeverity == DefaultSeverity && other.IsEnabledByDefault == IsEnabledByDefault;
    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as DiagnosticDescriptor);
    /// <inheritdoc />
    public override int GetHashCode() => Id.GetHashCode(StringComparison.Ordinal);
    /// <inheritdoc />
    public override string ToString() => Id;
}
