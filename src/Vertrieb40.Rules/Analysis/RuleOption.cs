using System.Globalization;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Text;

namespace Vertrieb40.Rules.Analysis;

/// <summary>
/// An option a rule declares (<see cref="OrganizationRule.SupportedOptions"/>): its name, value type, default,
/// allowed values and one line of documentation. Options are checked against the declarations before the run
/// (unknown rule id VT0200, unknown option VT0203, bad value VT0202, each with the closest valid name); a rule
/// then reads an already-typed value with <see cref="RuleOptions.Get{T}(RuleOption{T})"/>.
/// </summary>
public abstract class RuleOption
{
    private protected RuleOption(string ruleId, string name, string documentation)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ruleId);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        RuleId = ruleId;
        Name = name;
        Key = ruleId + "." + name;
        Documentation = documentation ?? "";
    }

    /// <summary>The id of the rule that reads the option.</summary>
    public string RuleId { get; }

    /// <summary>The option's name, e.g. <c>minHolders</c>.</summary>
    public string Name { get; }

    /// <summary><c>ID.name</c>, as written in configuration files and <c>--rule-option</c>.</summary>
    public string Key { get; }

    /// <summary>One line saying what the option changes (rule pages, <c>vertrieb40 rules</c>).</summary>
    public string Documentation { get; }

    /// <summary>The type of the value a rule reads.</summary>
    public abstract Type ValueType { get; }

    /// <summary>The default as it is written in a configuration file.</summary>
    public abstract string DefaultText { get; }

    /// <summary>What a value must be ("a whole number from 1 to 1000", "true or false", …), localised.</summary>
    public abstract LocalizableString Expected { get; }

    internal abstract object DefaultObject { get; }

    // Null when the text is not a value of this option.
    internal abstract object? Parse(string text);

    /// <summary>A whole-number option from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static RuleOption<int> Int(string ruleId, string name, int defaultValue, string documentation, int min = 0, int max = int.MaxValue)
    {
        if (defaultValue < min || defaultValue > max) throw new ArgumentOutOfRangeException(nameof(defaultValue), defaultValue, "The default is outside the option's range.");
        return new(ruleId, name, documentation, defaultValue, defaultValue.ToString(CultureInfo.InvariantCulture),
            max == int.MaxValue ? Text("Option_IntAtLeast", min) : Text("Option_IntRange", min, max),
            text => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max ? v : null);
    }

    /// <summary>A true/false option.</summary>
    public static RuleOption<bool> Bool(string ruleId, string name, bool defaultValue, string documentation)
        => new(ruleId, name, documentation, defaultValue, defaultValue ? "true" : "false", Text("Option_Bool"),
            text => bool.TryParse(text, out var v) ? v : null);

    /// <summary>A comma-separated list of free words (matched case-insensitively by the rule); every list is valid.</summary>
    public static RuleOption<IReadOnlySet<string>> Words(string ruleId, string name, IEnumerable<string> defaults, string documentation)
    {
        var d = new HashSet<string>(defaults, StringComparer.OrdinalIgnoreCase);
        return new(ruleId, name, documentation, d, string.Join(", ", defaults), Text("Option_Words"),
            text => new HashSet<string>(SplitList(text), StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>A comma-separated set of enum members, written in camelCase as in documents.</summary>
    public static RuleOption<IReadOnlySet<TEnum>> Set<TEnum>(string ruleId, string name, IEnumerable<TEnum> defaults, string documentation)
        where TEnum : struct, Enum
    {
        var d = new HashSet<TEnum>(defaults);
        return new(ruleId, name, documentation, d, string.Join(", ", defaults.Select(EnumNames<TEnum>.Name)), Text("Option_Set", EnumNames<TEnum>.List),
            text =>
            {
                var set = new HashSet<TEnum>();
                foreach (var word in SplitList(text))
                {
                    if (!EnumNames<TEnum>.TryParse(word, out var v)) return null;
                    set.Add(v);
                }
                return set;
            });
    }

    internal static string[] SplitList(string text) => text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static LocalizableString Text(string key, params object?[] args)
        => new LocalizableFormat(new LocalizableResourceString(key, InputDescriptors.Resources), args);
}

/// <summary>A declared rule option whose value is a <typeparamref name="T"/>.</summary>
/// <typeparam name="T">The value type the rule reads.</typeparam>
public sealed class RuleOption<T> : RuleOption where T : notnull
{
    private readonly Func<string, object?> _parse;

    internal RuleOption(string ruleId, string name, string documentation, T defaultValue, string defaultText, LocalizableString expected, Func<string, object?> parse)
        : base(ruleId, name, documentation)
    {
        Default = defaultValue;
        DefaultText = defaultText;
        Expected = expected;
        _parse = parse;
    }

    /// <summary>The value a rule reads when the option is not set (or its value is not valid, which is reported).</summary>
    public T Default { get; }

    /// <inheritdoc />
    public override Type ValueType => typeof(T);

    /// <inheritdoc />
    public override string DefaultText { get; }

    /// <inheritdoc />
    public override LocalizableString Expected { get; }

    internal override object DefaultObject => Default;

    internal override object? Parse(string text) => _parse(text.Trim());
}
