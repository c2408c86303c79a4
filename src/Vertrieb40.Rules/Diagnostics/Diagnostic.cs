using Vertrieb40.Rules.Text;
using System.Collections.Immutable;
using System.Globalization;

namespace Vertrieb40.Rules.Diagnostics;

/// <summary>One finding: a descriptor, where, the message arguments, and how it ended up (severity, suppression).</summary>
public sealed class Diagnostic
{
    private readonly object?[] _arguments;
    private readonly string[] _sources;

    private Diagnostic(DiagnosticDescriptor descriptor, Location location, IReadOnlyList<Location> additionalLocations,
        ImmutableDictionary<string, string?> properties, object?[] arguments, DiagnosticSeverity severity,
        bool isSuppressed, string? suppressionJustification, string[] sources)
    {
        _sources = sources;
        Descriptor = descriptor;
        Location = location;
        AdditionalLocations = additionalLocations;
        Properties = properties;
        _arguments = arguments;
        Severity = severity;
        IsSuppressed = isSuppressed;
        SuppressionJustification = suppressionJustification;
    }

    /// <summary>Creates a diagnostic with the descriptor's default severity.</summary>
    public static Diagnostic Create(DiagnosticDescriptor descriptor, Location location, params object?[] messageArgs)
        => Create(descriptor, location, null, null, messageArgs);

    /// <summary>Creates a diagnostic with additional locations and properties.</summary>
    public static Diagnostic Create(DiagnosticDescriptor descriptor, Location location, IEnumerable<Location>? additionalLocations,
        IReadOnlyDictionary<string, string?>? properties, params object?[] messageArgs)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        var (arguments, sources) = SourcedArgument.Split(messageArgs ?? Array.Empty<object?>());
        return new Diagnostic(descriptor, location ?? Location.None,
            additionalLocations?.ToArray() ?? Array.Empty<Location>(),
            properties?.ToImmutableDictionary(StringComparer.Ordinal) ?? ImmutableDictionary<string, string?>.Empty,
            arguments, descriptor.DefaultSeverity, false, null, sources);
    }

    /// <summary>The descriptor.</summary>
    public DiagnosticDescriptor Descriptor { get; }
    /// <summary>The rule id.</summary>
    public string Id => Descriptor.Id;
    /// <summary>The primary location: the structure or practice the finding is about.</summary>
    public Location Location { get; }
    /// <summary>Related locations (e.g. the role of a unit-level finding).</summary>
    public IReadOnlyList<Location> AdditionalLocations { get; }
    /// <summary>Extra data for tools and code fixes.</summary>
    public ImmutableDictionary<string, string?> Properties { get; }
    /// <summary>The message arguments.</summary>
    public IReadOnlyList<object?> Arguments => _arguments;

    /// <summary>
    /// Where each message argument comes from, one per argument (same order), or empty when the diagnostic does not
    /// say (input and run diagnostics, VT0xxx: their evidence is their location). Every finding of a rule
    /// (VT1xxx–VT3xxx) carries them: a JSON Pointer into the document (<c>/meetings/2/cadence</c>), the absence of one
    /// (<c>absent(/meetings/2/cadence)</c>: the argument says "not stated"), a value derived from pointers
    /// (<c>count(…)</c>, <c>reach(…)</c>, <c>derived(name: …)</c>), a rule option (<c>option(VT1002.minHolders)</c>)
    /// or the rule's own text (<c>constant</c>). The grammar is in docs/result-format.md; sources hold pointers with
    /// indexes, never a person's name or id.
    /// </summary>
    public IReadOnlyList<string> ArgumentSources => _sources;
    /// <summary>The effective severity (after configuration).</summary>
    public DiagnosticSeverity Severity { get; }
    /// <summary>The severity the descriptor proposes.</summary>
    public DiagnosticSeverity DefaultSeverity => Descriptor.DefaultSeverity;
    /// <summary>True when a suppression with a justification covers this diagnostic.</summary>
    public bool IsSuppressed { get; }
    /// <summary>The justification of the suppression.</summary>
    public string? SuppressionJustification { get; }

    /// <summary>
    /// The message in the given culture (current UI culture when null). Counts agree with their nouns through
    /// plural placeholders such as <c>{2:plural:one=# person|other=# people}</c> (see <see cref="PluralFormat"/>).
    /// </summary>
    public string GetMessage(IFormatProvider? formatProvider = null)
    {
        var format = Descriptor.MessageFormat.ToString(formatProvider);
        if (_arguments.Length == 0) return format;
        try
        {
            var culture = formatProvider as CultureInfo ?? CultureInfo.CurrentUICulture;
            // A reader error's reason is English text from the parsers: a German message gets it in German.
            var arguments = ReaderMessages.ForCulture(Descriptor, _arguments, culture);
            return PluralFormat.Format(culture, format, arguments);
        }
        catch (FormatException)
        {
            return format;
        }
    }

    /// <summary>The same diagnostic with another severity.</summary>
    public Diagnostic WithSeverity(DiagnosticSeverity severity)
        => severity == Severity ? this : new(Descriptor, Location, AdditionalLocations, Properties, _arguments, severity, IsSuppressed, SuppressionJustification, _sources);

    /// <summary>The same diagnostic, suppressed (or no longer suppressed) with a justification.</summary>
    public Diagnostic WithSuppression(bool isSuppressed, string? justification)
        => new(Descriptor, Location, AdditionalLocations, Properties, _arguments, Severity, isSuppressed, isSuppressed ? justification : null, _sources);

    /// <summary>The same diagnostic with one more property.</summary>
    public Diagnostic WithProperty(string key, string? value)
        => new(Descriptor, Location, AdditionalLocations, Properties.SetItem(key, value), _arguments, Severity, IsSuppressed, SuppressionJustification, _sources);

    /// <summary>
    /// The same diagnostic with the source of each message argument (see <see cref="ArgumentSources"/>): one non-empty
    /// source per argument, in order. A custom rule states where its arguments come from this way.
    /// </summary>
    /// <exception cref="ArgumentException">The number of sources differs from the number of arguments, or a source is empty.</exception>
    public Diagnostic WithArgumentSources(IEnumerable<string> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var list = sources.ToArray();
        if (list.Length != _arguments.Length)
            throw new ArgumentException($"{Id} has {_arguments.Length} message arguments but {list.Length} sources.", nameof(sources));
        if (list.Any(string.IsNullOrWhiteSpace)) throw new ArgumentException($"{Id}: a source is empty.", nameof(sources));
        return new(Descriptor, Location, AdditionalLocations, Properties, _arguments, Severity, IsSuppressed, SuppressionJustification, list);
    }

    /// <summary>Compiler-style text: <c>file(line,col): warning VT1009: message</c>.</summary>
    public string ToString(IFormatProvider? formatProvider)
    {
        var prefix = Location.ToString();
        // One line, whatever the input held: control and bidi characters from file names, ids and names are escaped.
        return Text.TerminalText.Escape((prefix.Length > 0 ? prefix + ": " : "") + SeverityName(Severity) + " " + Id + ": " + GetMessage(formatProvider));
    }

    /// <summary>The word for a severity in compiler-style text and the JSON result format (error, warning, info, hidden).</summary>
    internal static string SeverityName(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "info",
        _ => "hidden",
    };

    /// <inheritdoc />
    public override string ToString() => ToString(CultureInfo.InvariantCulture);
}
