namespace Vertrieb40.Rules.Diagnostics;

/// <summary>
/// A message argument with where it comes from (issue 10: every argument carries its evidence). Rules pass these in
/// place of plain arguments; <see cref="Diagnostic.Create(DiagnosticDescriptor, Location, object?[])"/> keeps the
/// value as the argument and the source in <see cref="Diagnostic.ArgumentSources"/>, so readers of the arguments
/// (plural formats, the writers, the privacy layer) see plain values.
/// </summary>
internal sealed class SourcedArgument(object? value, string source)
{
    /// <summary>The argument.</summary>
    public object? Value { get; } = value;

    /// <summary>Where it comes from (grammar in docs/result-format.md, "Argument sources").</summary>
    public string Source { get; } = source;

    /// <summary>Splits arguments into plain values and sources; no sources at all when no argument carries one.</summary>
    internal static (object?[] Arguments, string[] Sources) Split(object?[] arguments)
    {
        var any = false;
        foreach (var a in arguments) if (a is SourcedArgument) { any = true; break; }
        if (!any) return (arguments, Array.Empty<string>());
        var values = new object?[arguments.Length];
        var sources = new string[arguments.Length];
        for (var i = 0; i < arguments.Length; i++)
        {
            // An argument without a source stays visible as "" (a test fails on it): no argument is silently unexplained.
            if (arguments[i] is SourcedArgument s) (values[i], sources[i]) = (s.Value, s.Source);
            else (values[i], sources[i]) = (arguments[i], "");
        }
        return (values, sources);
    }
}
