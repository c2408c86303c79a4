using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Vertrieb40.Rules.Text;

/// <summary>
/// Where a token loaded with line info starts. Newtonsoft records the position after a value and after a
/// property's colon, but the column of an object's or array's opening bracket; diagnostics point at starts.
/// A plain (line, column) pair, 1-based, (0, 0) when unknown: this layer knows nothing of diagnostics.
/// </summary>
internal static class JsonTokenPosition
{
    public static (int Line, int Column) StartOf(JToken token)
    {
        var info = (IJsonLineInfo)token;
        if (!info.HasLineInfo()) return (0, 0);
        var column = info.LinePosition;
        switch (token)
        {
            case JProperty p:
                column -= JsonConvert.ToString(p.Name).Length; // after "name": → at "name"
                break;
            case JValue v:
                var raw = v.Type switch
                {
                    JTokenType.String => JsonConvert.ToString((string?)v.Value),
                    JTokenType.Null => "null",
                    JTokenType.Boolean => (bool)v.Value! ? "true" : "false",
                    _ => Convert.ToString(v.Value, CultureInfo.InvariantCulture) ?? "",
                };
                column -= raw.Length - 1;
                break;
        }
        column = Math.Max(1, column);
        return (info.LineNumber, column);
    }
}
