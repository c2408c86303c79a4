namespace Vertrieb40.Rules.Cli;

/// <summary>A usage error: shown with the command's help hint, exit code 2.</summary>
/// <summary>A usage error (exit 2); <paramref name="german"/> is the same message for <c>--culture de</c>, where one is written.</summary>
internal sealed class UsageException(string message, string? german = null) : Exception(message)
{
    /// <summary>The message in the language of the command line (English where no German is written yet).</summary>
    public string MessageIn(System.Globalization.CultureInfo culture) => german != null && culture.TwoLetterISOLanguageName == "de" ? german : Message;
}

/// <summary>
/// A small, strict argument parser: <c>--name value</c>, <c>--name=value</c>, flags, and positional
/// arguments. Unknown options are errors (an option that silently does nothing is worse than none).
/// </summary>
internal sealed class CommandLine
{
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    public List<string> Positionals { get; } = new();

    public static CommandLine Parse(IReadOnlyList<string> args, IReadOnlySet<string> valueOptions, IReadOnlySet<string> flagOptions)
    {
        var cl = new CommandLine();
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i];
            if (a == "--")
            {
                cl.Positionals.AddRange(args.Skip(i + 1));
                break;
            }
            if (a.StartsWith("--", StringComparison.Ordinal) || (a.StartsWith('-') && a.Length == 2 && a != "-"))
            {
                string name = a, value = "";
                var eq = a.IndexOf('=');
                var hasValue = eq > 0;
                if (hasValue) { name = a[..eq]; value = a[(eq + 1)..]; }
                if (flagOptions.Contains(name))
                {
                    if (hasValue) throw new UsageException($"Option {name} takes no value.", $"Die Option {name} nimmt keinen Wert.");
                    cl._flags.Add(name);
                }
                else if (valueOptions.Contains(name))
                {
                    if (!hasValue)
                    {
                        if (i + 1 >= args.Count) throw new UsageException($"Option {name} needs a value.", $"Die Option {name} braucht einen Wert.");
                        value = args[++i];
                    }
                    if (!cl._values.TryGetValue(name, out var list)) cl._values[name] = list = new List<string>();
                    list.Add(value);
                }
                else throw new UsageException($"Unknown option '{name}'.", $"Unbekannte Option „{name}“.");
            }
            else cl.Positionals.Add(a);
        }
        return cl;
    }

    public bool Has(string flag) => _flags.Contains(flag);

    public string? Value(string name) => _values.TryGetValue(name, out var l) ? l[^1] : null;

    public IReadOnlyList<string> Values(string name) => _values.TryGetValue(name, out var l) ? l : Array.Empty<string>();

    public string OneOf(string name, string defaultValue, params string[] allowed)
    {
        var v = Value(name) ?? defaultValue;
        if (!allowed.Contains(v, StringComparer.OrdinalIgnoreCase))
            throw new UsageException($"Option {name} must be one of {string.Join(", ", allowed)} (got '{v}').", $"Die Option {name} erwartet einen der Werte {string.Join(", ", allowed)} (angegeben: „{v}“).");
        return v.ToLowerInvariant();
    }
}
