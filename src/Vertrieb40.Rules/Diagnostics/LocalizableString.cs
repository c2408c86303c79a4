using System.Globalization;
using System.Resources;

namespace Vertrieb40.Rules.Diagnostics;

/// <summary>A text that can be shown in several languages (English is the neutral culture, German is shipped).</summary>
public abstract class LocalizableString : IFormattable
{
    /// <inheritdoc />
    public string ToString(string? format, IFormatProvider? formatProvider) => ToString(formatProvider);

    /// <summary>The text in the given culture (the current UI culture when null).</summary>
    public abstract string ToString(IFormatProvider? formatProvider);

    /// <inheritdoc />
    public override string ToString() => ToString(null);

    /// <summary>A text that is the same in every language.</summary>
    public static implicit operator LocalizableString(string text) => new FixedString(text);

    private sealed class FixedString(string text) : LocalizableString
    {
        public override string ToString(IFormatProvider? formatProvider) => text;
    }
}

/// <summary>A text looked up in a resource file, per culture.</summary>
internal sealed class LocalizableResourceString : LocalizableString
{
    private readonly string _name;
    private readonly ResourceManager _resources;
    // Reports look a text up once per finding (40,000 at a million people): ResourceManager takes a lock and walks
    // the culture chain each time, so each text is kept once found, per culture (resources do not change at run time;
    // shared by all instances, which findings may create one each).
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(ResourceManager, string, CultureInfo), string> Texts = new();

    /// <summary>Creates a text that is looked up under <paramref name="name"/>.</summary>
    public LocalizableResourceString(string name, ResourceManager resources)
    {
        _name = name ?? throw new ArgumentNullException(nameof(name));
        _resources = resources ?? throw new ArgumentNullException(nameof(resources));
        // Checked once per name: the resource manager's lookup takes a lock, and every finding builds its texts,
        // so parallel analyses (a batch) queued on that lock.
        if (Checked.ContainsKey((resources, name))) return;
        if (_resources.GetString(name, CultureInfo.InvariantCulture) is null)
            throw new ArgumentException($"Resource '{name}' is missing from '{resources.BaseName}'.", nameof(name));
        Checked.TryAdd((resources, name), 0);
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(ResourceManager, string), byte> Checked = new();

    /// <summary>The resource name.</summary>
    public string Name => _name;

    /// <inheritdoc />
    public override string ToString(IFormatProvider? formatProvider)
    {
        var culture = formatProvider as CultureInfo ?? CultureInfo.CurrentUICulture;
        if (Texts.TryGetValue((_resources, _name, culture), out var text)) return text;
        text = _resources.GetString(_name, culture) ?? _resources.GetString(_name, CultureInfo.InvariantCulture) ?? _name;
        Texts.TryAdd((_resources, _name, culture), text);
        return text;
    }
}
