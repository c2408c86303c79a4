using Vertrieb40.Rules.Diagnostics;

namespace Vertrieb40.Rules.Reading.Json;

/// <summary>Collects input diagnostics; stops reading (with a final diagnostic) once the limit is reached.</summary>
internal sealed class InputErrors(ReaderOptions options, string? filePath)
{
    /// <summary>Input text quoted in a message (a value, a property name) is cut to this many characters.</summary>
    internal const int MaxQuotedLength = 200;

    private readonly List<Diagnostic> _items = new();
    private int _errorCount;
    private int _warningCount;
    private int _omittedWarnings;

    public IReadOnlyList<Diagnostic> Items
    {
        get
        {
            if (_omittedWarnings == 0) return _items;
            // Warnings do not stop reading, so they are capped too (a document of a million unknown properties
            // must not become a million diagnostics); one line says how many were left out.
            var summary = Diagnostic.Create(InputDescriptors.LimitExceeded, new Location(filePath, "", LineSpan.None),
                    $"{_omittedWarnings:N0} more warnings were left out (ReaderOptions.MaxErrors)")
                .WithSeverity(DiagnosticSeverity.Warning);
            return _items.Append(summary).ToList();
        }
    }

    public int ErrorCount => _errorCount;

    /// <summary>The worksheet the positions of this file refer to (a workbook), or null.</summary>
    public string? Sheet { get; set; }

    /// <summary>In a practice workbook: the sheet of a JSON Pointer (its collection's sheet).</summary>
    public Func<string, string?>? SheetOf { get; set; }

    public void Add(DiagnosticDescriptor descriptor, Location location, params object?[] args)
    {
        if (!Admit(descriptor.DefaultSeverity)) return;
        for (var i = 0; i < args.Length; i++)
            if (args[i] is string { Length: > MaxQuotedLength } text)
                args[i] = Truncate(text);
        if ((Sheet ?? SheetOf?.Invoke(location.JsonPointer)) is { } sheet && location.Sheet is null && location.FilePath == filePath && location.Span.IsKnown)
            location = new Location(location.FilePath, location.JsonPointer, location.Span, location.EntityKind, location.EntityId, location.ContextSpan) { Sheet = sheet };
        _items.Add(Diagnostic.Create(descriptor, location, args));
    }

    /// <summary>Adds a diagnostic built by the caller (e.g. one that stands for many rows), counted like the others.</summary>
    public void Add(Diagnostic diagnostic)
    {
        if (Admit(diagnostic.DefaultSeverity)) _items.Add(diagnostic);
    }

    // Counts the diagnostic: false when it is a warning over the cap; throws (after a final diagnostic) when errors are.
    private bool Admit(DiagnosticSeverity severity)
    {
        if (severity == DiagnosticSeverity.Error && ++_errorCount > options.MaxErrors)
        {
            _items.Add(Diagnostic.Create(InputDescriptors.LimitExceeded, new Location(filePath, "", LineSpan.None),
                $"more than {options.MaxErrors} input errors; reading stopped (ReaderOptions.MaxErrors)"));
            throw new InputLimitException();
        }
        if (severity != DiagnosticSeverity.Error && ++_warningCount > options.MaxErrors)
        {
            _omittedWarnings++;
            return false;
        }
        return true;
    }

    /// <summary>Cuts input text quoted in a message, so that a 1 MiB value does not become a 1 MiB message.</summary>
    internal static string Truncate(string text)
        => text.Length <= MaxQuotedLength ? text : string.Concat(text.AsSpan(0, MaxQuotedLength), $"… ({text.Length:N0} characters)");
}

/// <summary>Thrown to stop reading once a limit is reached (the diagnostic has been recorded).</summary>
internal sealed class InputLimitException : Exception;
