using System.Collections.Concurrent;
using System.Globalization;
using Vertrieb40.Rules.Reading;
using Vertrieb40.Rules.Text;

namespace Vertrieb40.Rules.Analysis;

/// <summary>
/// Rule options (<c>VT1002.minHolders = 2</c>), inserted as one fact so that rule conditions can read
/// thresholds. Values are parsed once per key and cached; an unparsable value falls back to the default
/// and is remembered as a problem for the configuration stage to report.
/// </summary>
public sealed class RuleOptions
{
    private readonly IReadOnlyDictionary<string, string> _values;
    private readonly ConcurrentDictionary<string, object> _cache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _problems = new(StringComparer.Ordinal);

    /// <summary>No options: every rule uses its defaults.</summary>
    public static RuleOptions Empty { get; } = new(new Dictionary<string, string>());

    /// <summary>Creates options from <c>ID.option → value</c> pairs (keys are case-insensitive).</summary>
    public RuleOptions(IReadOnlyDictionary<string, string> values)
    {
        var d = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var kv in values) d[kv.Key.Trim()] = kv.Value.Trim();
        _values = d;
    }

    /// <summary>The raw values.</summary>
    public IReadOnlyDictionary<string, string> Values => _values;

    /// <summary>Options whose value could not be used, with the reason.</summary>
    public IReadOnlyDictionary<string, string> Problems => _problems;

    /// <summary>A whole-number option.</summary>
    public int Int(string ruleId, string option, int defaultValue, int min = int.MinValue, int max = int.MaxValue)
        => (int)_cache.GetOrAdd(ruleId + "." + option, key =>
        {
            if (!_values.TryGetValue(key, out var text)) return defaultValue;
            if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max) return v;
            _problems[key] = $"'{text}' is not a whole number from {min} to {max}; the default {defaultValue} is used";
            return defaultValue;
        });

    /// <summary>A true/false option.</summary>
    public bool Bool(string ruleId, string option, bool defaultValue)
        => (bool)_cache.GetOrAdd(ruleId + "." + option, key =>
        {
            if (!_values.TryGetValue(key, out var text)) return defaultValue;
            if (bool.TryParse(text, out var v)) return v;
            _problems[key] = $"'{text}' is not true or false; the default {defaultValue.ToString().ToLowerInvariant()} is used";
            return defaultValue;
        });

    /// <summary>A comma-separated list of words.</summary>
    public IReadOnlyCollection<string> Words(string ruleId, string option, params string[] defaults)
        => (IReadOnlyCollection<string>)_cache.GetOrAdd(ruleId + "." + option, key =>
        {
            if (!_values.TryGetValue(key, out var text)) return new HashSet<string>(defaults, StringComparer.OrdinalIgnoreCase);
            return new HashSet<string>(text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), StringComparer.OrdinalIgnoreCase);
        });

    /// <summary>A comma-separated set of enum members (camelCase, as in documents).</summary>
    public ISet<TEnum> Set<TEnum>(string ruleId, string option, params TEnum[] defaults) where TEnum : struct, Enum
        => (ISet<TEnum>)_cache.GetOrAdd(ruleId + "." + option, key =>
        {
            if (!_values.TryGetValue(key, out var text)) return new HashSet<TEnum>(defaults);
            var set = new HashSet<TEnum>();
            foreach (var word in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (EnumNames<TEnum>.TryParse(word, out var v)) set.Add(v);
                else
                {
                    _problems[key] = $"'{word}' is not one of {EnumNames<TEnum>.List}; the default is used";
                    return new HashSet<TEnum>(defaults);
                }
            }
            return set;
        });
}
