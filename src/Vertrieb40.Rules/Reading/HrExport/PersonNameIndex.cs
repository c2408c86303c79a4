using System.Globalization;
using System.Text;
using Vertrieb40.Rules.Model;

namespace Vertrieb40.Rules.Reading.HrExport;

/// <summary>
/// Finds a person by a name as exports write it. Employees are often written "Last, First M" and managers
/// "First Last"; case, spaces, dots, middle initials and diacritics differ between systems. A name is looked up at
/// ever looser levels, and the first level where it is known decides:
/// <list type="number">
/// <item>the name itself, in "First Last" order, ignoring case, extra spaces and dots;</item>
/// <item>without single-letter middle initials ("Wilson K Adinolfi" → "wilson adinolfi");</item>
/// <item>umlauts written out and other diacritics dropped ("Müller" = "Mueller", "José" = "Jose");</item>
/// <item>umlauts reduced to their letter ("Müller" = "Muller").</item>
/// </list>
/// Several people at the deciding level is ambiguity, reported, never guessed: folding applies only where it is
/// unambiguous.
/// </summary>
internal sealed class PersonNameIndex
{
    private const int Levels = 4;
    private readonly Dictionary<string, (Person First, int Count)>[] _levels = new Dictionary<string, (Person, int)>[Levels];

    public PersonNameIndex(IReadOnlyList<Person> people)
    {
        for (var l = 0; l < Levels; l++) _levels[l] = new Dictionary<string, (Person, int)>(StringComparer.Ordinal);
        var keys = new string?[Levels];
        foreach (var p in people)
        {
            if (string.IsNullOrWhiteSpace(p.Name)) continue;
            Keys(p.Name, keys);
            for (var l = 0; l < Levels; l++)
            {
                if (keys[l] is not { } key) continue;
                var d = _levels[l];
                d[key] = d.TryGetValue(key, out var e) ? (e.First, e.Count + 1) : (p, 1);
            }
        }
    }

    /// <summary>The one person with this name, or null and how many share it (0: nobody).</summary>
    public (Person? Match, int Count) Find(string name)
    {
        var keys = new string?[Levels];
        Keys(name, keys);
        for (var l = 0; l < Levels; l++)
        {
            if (keys[l] is not { } key || !_levels[l].TryGetValue(key, out var e)) continue;
            return e.Count == 1 ? (e.First, 1) : (null, e.Count);
        }
        return (null, 0);
    }

    /// <summary>The key of a name at each level (null where a level gives nothing).</summary>
    internal static void Keys(string name, string?[] keys)
    {
        var words = Words(name);
        keys[0] = words.Count == 0 ? null : string.Join(' ', words);
        // Middle initials: single letters between the first and the last word.
        if (words.Count >= 3)
            for (var i = words.Count - 2; i >= 1; i--)
                if (words[i].Length == 1) words.RemoveAt(i);
        keys[1] = words.Count == 0 ? null : string.Join(' ', words);
        keys[2] = keys[1] is null ? null : Fold(keys[1]!, writeOut: true);
        keys[3] = keys[1] is null ? null : Fold(keys[1]!, writeOut: false);
    }

    // "Adinolfi, Wilson  K." → [wilson, k, adinolfi]
    private static List<string> Words(string name)
    {
        var text = name.Trim();
        var comma = text.IndexOf(',');
        if (comma > 0 && comma == text.LastIndexOf(',') && comma < text.Length - 1)
            text = text[(comma + 1)..] + " " + text[..comma];
        var words = new List<string>();
        foreach (var raw in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var w = raw.Replace(".", "", StringComparison.Ordinal).ToLowerInvariant();
            if (w.Length > 0) words.Add(w);
        }
        return words;
    }

    private static string Fold(string key, bool writeOut)
    {
        var sb = new StringBuilder(key.Length + 4);
        foreach (var c in key)
        {
            switch (c)
            {
                case 'ä': sb.Append(writeOut ? "ae" : "a"); continue;
                case 'ö': sb.Append(writeOut ? "oe" : "o"); continue;
                case 'ü': sb.Append(writeOut ? "ue" : "u"); continue;
                case 'ß': sb.Append("ss"); continue;
            }
            foreach (var d in c.ToString().Normalize(NormalizationForm.FormD))
                if (CharUnicodeInfo.GetUnicodeCategory(d) != UnicodeCategory.NonSpacingMark) sb.Append(d);
        }
        return sb.ToString();
    }
}
