using System.Security.Cryptography;
using System.Text;

namespace Vertrieb40.Rules.Privacy;

/// <summary>
/// Replaces person ids and names by a keyed HMAC-SHA256 (truncated to 96 bits, hex): the same id always
/// gives the same pseudonym under the same key, so references and reruns stay consistent, but without
/// the key nobody can recompute or reverse it (a plain hash of an employee number can be brute-forced in
/// seconds). The key is held only in this object and is never written anywhere.
/// </summary>
internal sealed class Pseudonymizer
{
    private readonly byte[] _key;

    /// <summary>Creates a pseudonymizer; the key must have at least 16 bytes.</summary>
    public Pseudonymizer(ReadOnlySpan<byte> key)
    {
        if (key.Length < 16)
            throw new ArgumentException("A pseudonymisation key needs at least 16 bytes (e.g. 32 random bytes, base64- or hex-encoded in a file).", nameof(key));
        _key = key.ToArray();
    }

    /// <summary>Creates a pseudonymizer from a key given as text (environment variable, key file).</summary>
    public static Pseudonymizer FromText(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new Pseudonymizer(Encoding.UTF8.GetBytes(key.TrimEnd('\r', '\n')));
    }

    /// <summary>The pseudonym of a person id, e.g. <c>p-3fa9c0e1b2d4a5f607182930</c>.</summary>
    public string PersonId(string id) => "p-" + Hash("person-id", id);

    /// <summary>The pseudonym of a person's name, e.g. <c>n-9c0e1b2d4a5f6071829303fa</c>.</summary>
    public string PersonName(string name) => "n-" + Hash("person-name", name);

    private string Hash(string domain, string value)
    {
        // Domain separation: an id and a name that happen to be equal get different pseudonyms.
        var data = Encoding.UTF8.GetBytes(domain + "\0" + value);
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(_key, data, mac);
        return Convert.ToHexString(mac[..12]).ToLowerInvariant();
    }
}
