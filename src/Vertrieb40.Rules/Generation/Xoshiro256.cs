namespace Vertrieb40.Rules.Generation;

/// <summary>
/// xoshiro256** seeded through SplitMix64: a small, fast PRNG whose output is fixed by its published
/// algorithm (unlike <see cref="System.Random"/>, whose algorithm may change between .NET versions), so a
/// seed gives the same organisation on every machine and runtime.
/// </summary>
internal sealed class Xoshiro256
{
    private ulong _s0, _s1, _s2, _s3;

    /// <summary>Creates a generator for a seed.</summary>
    public Xoshiro256(ulong seed)
    {
        var x = seed;
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    private static ulong SplitMix(ref ulong x)
    {
        var z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong Rotl(ulong x, int k) => (x << k) | (x >> (64 - k));

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        var result = Rotl(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = Rotl(_s3, 45);
        return result;
    }

    /// <summary>A number in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>An integer in [min, maxExclusive).</summary>
    public int Next(int min, int maxExclusive)
    {
        if (maxExclusive <= min) return min;
        var range = (ulong)(maxExclusive - min);
        // Lemire's multiply-shift; the tiny bias is irrelevant for a generator of test data.
        return min + (int)(((NextUInt64() >> 32) * range) >> 32);
    }

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public bool Chance(double p) => NextDouble() < p;

    /// <summary>A Zipf-like skewed index in [0, n): index i has weight 1/(i+1).</summary>
    public int Skewed(int n)
    {
        if (n <= 1) return 0;
        double total = 0;
        for (var i = 0; i < n; i++) total += 1.0 / (i + 1);
        var x = NextDouble() * total;
        for (var i = 0; i < n; i++)
        {
            x -= 1.0 / (i + 1);
            if (x < 0) return i;
        }
        return n - 1;
    }

    /// <summary>Shuffles an array in place (Fisher–Yates).</summary>
    public void Shuffle<T>(T[] items)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = Next(0, i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
