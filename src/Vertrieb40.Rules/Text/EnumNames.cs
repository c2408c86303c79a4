namespace Vertrieb40.Rules.Text;

/// <summary>camelCase names of an enum's members, as written in documents.</summary>
internal static class EnumNames<TEnum> where TEnum : struct, Enum
{
    private static readonly Dictionary<string, TEnum> ByName = BuildNames();

    /// <summary>"a, b or c" for messages.</summary>
    public static readonly string List = string.Join(", ", Enum.GetValues<TEnum>().Select(Name));

    public static string Name(TEnum value) => CamelCase(value.ToString());

    public static bool TryParse(string text, out TEnum value) => ByName.TryGetValue(Normalise(text), out value);

    private static Dictionary<string, TEnum> BuildNames()
    {
        var d = new Dictionary<string, TEnum>(StringComparer.Ordinal);
        foreach (var v in Enum.GetValues<TEnum>()) d[Normalise(v.ToString())] = v;
        return d;
    }

    // Accepts "pipelineReview", "PipelineReview", "pipeline-review", "pipeline_review".
    private static string Normalise(string s) => s.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).ToLowerInvariant();

    internal static string CamelCase(string s) => s.Length == 0 ? s : char.ToLowerInvariant(s[0]) + s[1..];
}
