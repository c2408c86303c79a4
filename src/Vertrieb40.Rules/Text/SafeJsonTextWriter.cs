using System.Text;
using Newtonsoft.Json;
using Vertrieb40.Rules.Text;

namespace Vertrieb40.Rules.Text;

/// <summary>
/// A <see cref="JsonTextWriter"/> that also escapes what Newtonsoft leaves raw but a terminal or a code-review view
/// would act on: bidi overrides and isolates, C1 controls, DEL (see <see cref="TerminalText.IsUnsafe"/>). The JSON
/// means the same; only the bytes show <c>\u202E</c> instead of reordering the text around it.
/// </summary>
internal sealed class SafeJsonTextWriter(TextWriter output) : JsonTextWriter(output)
{
    public override void WriteValue(string? value)
    {
        if (value is null || !NeedsEscape(value)) { base.WriteValue(value); return; }
        WriteRawValue(Escape(JsonConvert.ToString(value)));
    }

    public override void WritePropertyName(string name) => WritePropertyName(name, escape: true);

    public override void WritePropertyName(string name, bool escape)
    {
        if (!escape || !NeedsEscape(name)) { base.WritePropertyName(name, escape); return; }
        var quoted = Escape(JsonConvert.ToString(name));
        base.WritePropertyName(quoted[1..^1], escape: false); // already escaped, without its quotes
    }

    /// <summary>A string value as this writer writes it, with its quotes ("null" for null): for JSON written in pieces.</summary>
    public static string Quote(string? value)
        => value is null ? "null" : NeedsEscape(value) ? Escape(JsonConvert.ToString(value)) : JsonConvert.ToString(value);

    /// <summary>A property name as this writer writes it (escaped, with its quotes).</summary>
    public static string QuotePropertyName(string name) => Quote(name);

    private static bool NeedsEscape(string s)
    {
        foreach (var c in s)
            if (c >= 0x7F && TerminalText.IsUnsafe(c)) return true;
        return false;
    }

    private static string Escape(string json)
    {
        var sb = new StringBuilder(json.Length + 16);
        foreach (var c in json)
        {
            if (c >= 0x7F && TerminalText.IsUnsafe(c)) sb.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
            else sb.Append(c);
        }
        return sb.ToString();
    }
}
