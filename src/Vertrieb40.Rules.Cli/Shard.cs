using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Vertrieb40.Rules.Cli;

/// <summary>
/// <c>--shard i/n</c>: this run takes the inputs whose hash (SHA-256 of the normalised relative path)
/// modulo n is i. Hashing the path instead of counting positions keeps a file in the same shard when other
/// files are added or removed, and every machine of a CI matrix or Kubernetes indexed job
/// (JOB_COMPLETION_INDEX) computes the same split without talking to the others.
/// </summary>
internal readonly record struct Shard(int Index, int Count)
{
    public static Shard Parse(string text)
    {
        var slash = text.IndexOf('/');
        if (slash > 0
            && int.TryParse(text.AsSpan(0, slash), NumberStyles.None, CultureInfo.InvariantCulture, out var i)
            && int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            && n >= 1 && i < n)
            return new Shard(i, n);
        throw new UsageException($"--shard takes i/n with 0 <= i < n, e.g. --shard 0/4 (got '{text}').", $"--shard erwartet i/n mit 0 <= i < n, z. B. --shard 0/4 (erhalten: „{text}“).");
    }

    public bool Contains(string key) => BucketOf(key, Count) == Index;

    public static int BucketOf(string key, int count)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(key), hash);
        var value = System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(hash);
        return (int)(value % (ulong)count);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");
}
