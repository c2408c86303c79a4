using System.Numerics;

namespace Vertrieb40.Rules.Scoring;

/// <summary>Sets of people as bits (one per person, numbered in the pre-order of their units): ranges and counts.</summary>
internal static class PeopleBits
{
    public static void Set(ulong[] bits, int i) => bits[i >> 6] |= 1UL << (i & 63);

    public static void SetRange(ulong[] bits, int from, int to)
    {
        if (from >= to) return;
        int first = from >> 6, last = (to - 1) >> 6;
        ulong headMask = ~0UL << (from & 63), tailMask = ~0UL >> (63 - ((to - 1) & 63));
        if (first == last)
        {
            bits[first] |= headMask & tailMask;
            return;
        }
        bits[first] |= headMask;
        for (var w = first + 1; w < last; w++) bits[w] = ~0UL;
        bits[last] |= tailMask;
    }

    public static int CountRange(ulong[] bits, int from, int to)
    {
        if (from >= to) return 0;
        int first = from >> 6, last = (to - 1) >> 6;
        ulong headMask = ~0UL << (from & 63), tailMask = ~0UL >> (63 - ((to - 1) & 63));
        if (first == last) return BitOperations.PopCount(bits[first] & headMask & tailMask);
        var count = BitOperations.PopCount(bits[first] & headMask) + BitOperations.PopCount(bits[last] & tailMask);
        for (var w = first + 1; w < last; w++) count += BitOperations.PopCount(bits[w]);
        return count;
    }

    public static int Count(ulong[] bits)
    {
        var count = 0;
        foreach (var w in bits) count += BitOperations.PopCount(w);
        return count;
    }

    /// <summary>Sets in <paramref name="target"/> the bits of <paramref name="source"/> in [from, to).</summary>
    public static void OrRange(ulong[] target, ulong[] source, int from, int to)
    {
        if (from >= to) return;
        int first = from >> 6, last = (to - 1) >> 6;
        ulong headMask = ~0UL << (from & 63), tailMask = ~0UL >> (63 - ((to - 1) & 63));
        if (first == last)
        {
            target[first] |= source[first] & headMask & tailMask;
            return;
        }
        target[first] |= source[first] & headMask;
        for (var w = first + 1; w < last; w++) target[w] |= source[w];
        target[last] |= source[last] & tailMask;
    }

    public static void Or(ulong[] target, ulong[] source)
    {
        for (var i = 0; i < target.Length; i++) target[i] |= source[i];
    }
}
