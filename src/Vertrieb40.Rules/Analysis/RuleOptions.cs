using System.Collections.Concurrent;
using System.Globalization;
using Vertrieb40.Rules.Text;

namespace Vertrieb40.Rules.Analysis;

/// <summary>
/// Rule options (<c>VT1002.minHolders = 2</c>), inserted as one fact so that rule conditions can read
/// thresholds. A rule reads a declared option with <see cref="Get{T}(RuleOption{T})"/>: the value was checked
/// before the run (VT0200/VT0202/VT0203 report what cannot be used), so a rule only ever sees a typed value —
/// the one given, or the declared default.
/// </summary>
public sealed class RuleOptions
{
    private readonly IReadOnlyDictionary<string, string> _values;
    // Typed values per declared option (reference identity): one lookup per read, no allocation.
    private readonly ConcurrentDictionary<RuleOption, object> _typed = new();
    private readonly ConcurrentDictionary<string, object> _cache = new(StringComparer.Ordinal);

    /// <summary>No options: every rule uses its defaults.</summary>
    public static RuleOptions Empty { get; } = new(new Dictionary<string, string>());

    /// <summary>Creates options from <c>ID.option → value</c> pairs (keys are case-insensitive).</summary>
    public RuleOptions(IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var d = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var kv in values) d[kv.Key.Trim()] = kv.Value.Trim();
        _values = d;
    }

    /// <summary>The raw values.</summary>
    public IReadOnlyDictionary<string, string> Values => _values;

    /// <summary>True when the option has a value (valid or not); false when the rule uses its default.</summary>
    public bool IsSet(RuleOption option)
    {
        ArgumentNullException.ThrowIfNull(option);
        return _values.ContainsKey(option.Key);
    }

    /// <summary>The value of a declared option: the one given when it is valid, else the declared default.</summary>
    public T Get<T>(RuleOption<T> option) where T : notnull
    {
        ArgumentNullException.ThrowIfNull(option);
        return _typed.TryGetValue(option, out var value) ? (T)value : (T)Resolve(option);
    }

    private object Resolve(RuleOption option)
        => _typed.GetOrAdd(option, static (o, values) => values.TryGetValue(o.Key, out var text) && o.Parse(text) is { } v ? v : o.DefaultObject, _values);

    // Undeclared reading (the reference implementations in the tests and benchmarks): parsed once, an unusable
    // value reads as the default. Rules declare their options instead.
    internal int Int(string ruleId, string option, int defaultValue, int min = int.MinValue, int max = int.MaxValue)
        => (int)_cache.GetOrAdd(ruleId + "." + option, key =>
            _values.TryGetValue(key, out var text) && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max ? v : defaultValue);

    internal bool Bool(string ruleId, string option, bool defaultValue)
        => (bool)_cache.GetOrAdd(ruleId + "." + option, key => _values.TryGetValue(key, out var text) && bool.TryParse(text, out var v) ? v : defaultValue);

    internal IReadOnlyCollection<string> Words(string ruleId, string option, params string[] defaults)
        => (IReadOnlyCollection<string>)_cache.GetOrAdd(ruleId + "." + option, key =>
            new HashSet<string>(_values.TryGetValue(key, out var text) ? RuleOption.SplitList(text) : defaults, StringComparer.OrdinalIgnoreCase));

    internal ISet<TEnum> Set<TEnum>(string ruleId, string option, params TEnum[] defaults) where TEnum : struct, Enum
        => (ISet<TEnum>)_cache.GetOrAdd(ruleId + "." + option, key =>
        {
            if (!_values.TryGetValue(key, out var text)) return new HashSet<TEnum>(defaults);
            var set = new HashSet<TEnum>();
            foreach (var word in RuleOption.SplitList(text))
            {
                if (!EnumNames<TEnum>.TryParse(word, out var v)) return new HashSet<TEnum>(defaults);
                set.Add(v);
            }
            return set;
        });
}
