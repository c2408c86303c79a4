using Vertrieb40.Rules.Diagnostics;

namespace Vertrieb40.Rules.Reading;

/// <summary>Collects input diagnostics; stops reading (with a final diagnostic) once the limit is reached.</summary>
internal sealed class InputErrors(ReaderOptions options, string? filePath)
{
    private readonly List<Diagnostic> _items = new();
    private int _errorCount;

    public IReadOnlyList<Diagnostic> Items => _items;
    public int ErrorCount => _errorCount;

    public void Add(DiagnosticDescriptor descriptor, Location location, params object?[] args)
    {
        if (descriptor.DefaultSeverity == DiagnosticSeverity.Error && ++_errorCount > options.MaxErrors)
        {
            _items.Add(Diagnostic.Create(InputDescriptors.LimitExceeded, new Location(filePath, "", LineSpan.None),
                $"more than {options.MaxErrors} input errors; reading stopped (ReaderOptions.MaxErrors)"));
            throw new InputLimitException();
        }
        _items.Add(Diagnostic.Create(descriptor, location, args));
    }
}

/// <summary>Thrown to stop reading once a limit is reached (the diagnostic has been recorded).</summary>
internal sealed class InputLimitException : Exception;
