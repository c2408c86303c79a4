namespace Vertrieb40.Rules.Privacy;

/// <summary>
/// How people appear after reading. Org exports are personal data: reports name structures, not people.
/// Applied as a model transformation right after reading, so every writer and every rule sees only the result.
/// </summary>
public sealed class PrivacyOptions
{
    /// <summary>
    /// When set, person ids and names are replaced by keyed pseudonyms (references follow): a keyed HMAC-SHA256,
    /// so the same id gives the same pseudonym under the same key and nobody without the key can recompute it.
    /// The key is text of at least 16 bytes (a trailing line break is ignored); a shorter one throws <see cref="ArgumentException"/>.
    /// </summary>
    public string? PseudonymKey
    {
        get => _pseudonymKey;
        init
        {
            _pseudonymKey = value;
            Pseudonymizer = value is null ? null : Pseudonymizer.FromText(value);
        }
    }

    private readonly string? _pseudonymKey;

    /// <summary>The pseudonymizer made from <see cref="PseudonymKey"/> (tests may set one directly).</summary>
    internal Pseudonymizer? Pseudonymizer { get; init; }

    /// <summary>
    /// Whether person names are kept in the model (and so may appear in reports). False drops them; with a
    /// <see cref="PseudonymKey"/>, kept names are pseudonyms.
    /// </summary>
    public bool ShowNames { get; init; }

    /// <summary>Keep names, no pseudonyms (the library's behaviour when no privacy options are given).</summary>
    public static PrivacyOptions None { get; } = new() { ShowNames = true };

    /// <summary>The id as it may appear: its pseudonym, or itself.</summary>
    public string DisplayId(string id) => Pseudonymizer?.PersonId(id) ?? id;

    /// <summary>A person's name as it may appear, or null when names are hidden.</summary>
    public string? DisplayName(string? name)
        => name is null || !ShowNames ? null : Pseudonymizer?.PersonName(name) ?? name;
}
