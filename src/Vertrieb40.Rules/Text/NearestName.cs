namespace Vertrieb40.Rules.Text;

/// <summary>"Did you mean …?": the valid name closest to a misspelt one (edit distance, case-insensitive).</summary>
internal static class NearestName
{
    /// <summary>
    /// The candidate with the smallest edit distance to <paramref name="wanted"/>, when it is close enough to be a
    /// plausible misspelling (at most a third of the name's length, at least 2); null otherwise.
    /// </summary>
    public static string? Find(string wanted, IEnumerable<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        ArgumentNullException.ThrowIfNull(candidates);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var c in candidates)
        {
            var d = Distance(wanted.ToLowerInvariant(), c.ToLowerInvariant());
            if (d < bestDistance || (d == bestDistance && string.CompareOrdinal(c, best) < 0)) (best, bestDistance) = (c, d);
        }
        return best != null && bestDistance <= Math.Max(2, wanted.Length / 3) ? best : null;
    }

    // Levenshtein distance with two rows.
    internal static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
