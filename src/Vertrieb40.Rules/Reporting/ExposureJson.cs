using System.Globalization;
using Newtonsoft.Json;
using Vertrieb40.Rules.Scoring;
using Vertrieb40.Rules.Text;

namespace Vertrieb40.Rules.Reporting;

/// <summary>
/// Exposure as JSON (docs/result-format.md, <c>exposure</c>; SARIF <c>run.properties.vertrieb40Exposure</c>): counts
/// and shares only, never a person; nothing for groups smaller than the minimum group size.
/// </summary>
internal static class ExposureJson
{
    /// <summary>
    /// Writes the exposure object, or null when there is none or the organisation is below the minimum group size;
    /// with <paramref name="unitsOutput"/> (the text writer under <paramref name="w"/>) also the per-unit exposure.
    /// </summary>
    /// <remarks>
    /// The units are one object per line, without indentation (<see cref="WriteUnit"/>): at a million people that is
    /// 120,000 units with about ten rules each, which indented made 330 of the report's 400 MB and most of its writing
    /// time. The JSON values are the same as before (format 1.1; docs/result-format.md).
    /// </remarks>
    public static void Write(JsonWriter w, Exposure? exposure, int minimumGroupSize, TextWriter? unitsOutput)
    {
        if (exposure is null || exposure.PeopleTotal == 0 || exposure.PeopleTotal < minimumGroupSize)
        {
            w.WriteNull();
            return;
        }
        w.WriteStartObject();
        w.WritePropertyName("people"); w.WriteValue(exposure.PeopleTotal);
        w.WritePropertyName("rules"); WriteRules(w, exposure.Rules);
        w.WritePropertyName("categories"); WriteCategories(w, exposure.Categories);
        w.WritePropertyName("teamConditions");
        w.WriteStartObject();
        w.WritePropertyName("peopleInTeams"); w.WriteValue(exposure.PeopleInTeams);
        w.WritePropertyName("people"); w.WriteValue(exposure.PeopleInTeamsMeetingConditions);
        w.WritePropertyName("share"); w.WriteValue(Round(exposure.TeamConditionsShare));
        w.WriteEndObject();
        if (unitsOutput != null)
        {
            w.WritePropertyName("units");
            w.WriteStartArray();
            var fragments = new Fragments();
            var minimum = Math.Max(1, minimumGroupSize);
            // Unit by unit (as Exposure.Units, without holding all of them at once).
            for (var u = 0; u < exposure.UnitCount; u++)
            {
                if (exposure.UnitPeople(u) < minimum) continue;
                var unit = exposure.Unit(u);
                if (unit.Rules.Count == 0) continue; // a unit no finding reaches: nothing to say
                // The writer puts the separator and the line's indentation as for any array element; the object follows raw.
                w.WriteRawValue(null);
                WriteUnit(unitsOutput, unit, fragments);
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    /// <summary>
    /// One unit as compact JSON, exactly as a <see cref="SafeJsonTextWriter"/> without indentation writes it (tested
    /// against one): the parts that repeat for every unit (a rule's id, category and severity; a category's name) are
    /// built once per report.
    /// </summary>
    internal static void WriteUnit(TextWriter o, UnitExposure unit, Fragments fragments)
    {
        o.Write("{\"id\":");
        o.Write(SafeJsonTextWriter.Quote(unit.UnitId));
        o.Write(",\"people\":");
        WriteNumber(o, unit.People);
        o.Write(",\"rules\":[");
        for (var i = 0; i < unit.Rules.Count; i++)
        {
            var r = unit.Rules[i];
            if (i > 0) o.Write(',');
            o.Write(fragments.Rule(r));
            WriteNumber(o, r.People);
            o.Write(",\"share\":");
            WriteNumber(o, Round(r.Share));
            o.Write('}');
        }
        o.Write("],\"categories\":{");
        for (var i = 0; i < unit.Categories.Count; i++)
        {
            var c = unit.Categories[i];
            if (i > 0) o.Write(',');
            o.Write(fragments.Category(c.Category));
            WriteNumber(o, c.People);
            o.Write(",\"share\":");
            WriteNumber(o, Round(c.Share));
            o.Write(",\"peopleUnderError\":");
            WriteNumber(o, c.PeopleUnderError);
            o.Write(",\"errorShare\":");
            WriteNumber(o, Round(c.ErrorShare));
            o.Write('}');
        }
        o.Write("}}");
    }

    /// <summary>The JSON text before a rule's people count and before a category's, per rule and category, made once.</summary>
    internal sealed class Fragments
    {
        private readonly Dictionary<(string, string, Diagnostics.DiagnosticSeverity), string> _rules = new();
        private readonly Dictionary<string, string> _categories = new(StringComparer.Ordinal);

        // The last fragment per rule id (a rule has one category and severity per report): one string look-up per rule
        // and unit instead of hashing the three-part key.
        private readonly Dictionary<string, (string Category, Diagnostics.DiagnosticSeverity Severity, string Text)> _last = new(StringComparer.Ordinal);

        public string Rule(RuleExposure r)
        {
            if (_last.TryGetValue(r.RuleId, out var last) && last.Severity == r.Severity && string.Equals(last.Category, r.Category, StringComparison.Ordinal))
                return last.Text;
            var text = Full(r);
            _last[r.RuleId] = (r.Category, r.Severity, text);
            return text;
        }

        private string Full(RuleExposure r)
        {
            if (!_rules.TryGetValue((r.RuleId, r.Category, r.Severity), out var text))
                _rules[(r.RuleId, r.Category, r.Severity)] = text = "{\"ruleId\":" + SafeJsonTextWriter.Quote(r.RuleId) + ",\"category\":"
                    + SafeJsonTextWriter.Quote(r.Category) + ",\"severity\":" + SafeJsonTextWriter.Quote(JsonReportWriter.SeverityName(r.Severity)) + ",\"people\":";
            return text;
        }

        public string Category(string category)
        {
            if (!_categories.TryGetValue(category, out var text))
                _categories[category] = text = SafeJsonTextWriter.QuotePropertyName(category) + ":{\"people\":";
            return text;
        }
    }

    // An integer as Newtonsoft writes it (invariant digits), without a string per number.
    private static void WriteNumber(TextWriter o, int value)
    {
        Span<char> buffer = stackalloc char[16];
        value.TryFormat(buffer, out var n, default, CultureInfo.InvariantCulture);
        o.Write(buffer[..n]);
    }

    // A double as Newtonsoft writes it (JsonConvert.ToString: round-trip digits, ".0" after a whole number).
    internal static void WriteNumber(TextWriter o, double value)
    {
        Span<char> buffer = stackalloc char[40];
        // A share rounded to four places (most of them): k / 10,000 is that double's shortest round-trip text.
        if (!double.IsNegative(value) && value < 1e9) // not -0.0 (written "-0.0"), not NaN
        {
            var k = Math.Round(value * 10000);
            if (k / 10000 == value)
            {
                var whole = (long)k / 10000;
                var part = (int)((long)k % 10000);
                whole.TryFormat(buffer, out var w, default, CultureInfo.InvariantCulture);
                buffer[w++] = '.';
                if (part == 0) buffer[w++] = '0';
                else
                {
                    for (var digit = 1000; part > 0; digit /= 10)
                    {
                        buffer[w++] = (char)('0' + part / digit);
                        part %= digit;
                    }
                }
                o.Write(buffer[..w]);
                return;
            }
        }
        if (!double.IsFinite(value) || !value.TryFormat(buffer, out var n, "R", CultureInfo.InvariantCulture))
        {
            o.Write(JsonConvert.ToString(value));
            return;
        }
        o.Write(buffer[..n]);
        if (buffer[..n].IndexOfAny('.', 'E', 'e') < 0) o.Write(".0");
    }

    private static void WriteRules(JsonWriter w, IReadOnlyList<RuleExposure> rules)
    {
        w.WriteStartArray();
        foreach (var r in rules)
        {
            w.WriteStartObject();
            w.WritePropertyName("ruleId"); w.WriteValue(r.RuleId);
            w.WritePropertyName("category"); w.WriteValue(r.Category);
            w.WritePropertyName("severity"); w.WriteValue(JsonReportWriter.SeverityName(r.Severity));
            w.WritePropertyName("people"); w.WriteValue(r.People);
            w.WritePropertyName("share"); w.WriteValue(Round(r.Share));
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void WriteCategories(JsonWriter w, IReadOnlyList<CategoryExposure> categories)
    {
        w.WriteStartObject();
        foreach (var c in categories)
        {
            w.WritePropertyName(c.Category);
            w.WriteStartObject();
            w.WritePropertyName("people"); w.WriteValue(c.People);
            w.WritePropertyName("share"); w.WriteValue(Round(c.Share));
            w.WritePropertyName("peopleUnderError"); w.WriteValue(c.PeopleUnderError);
            w.WritePropertyName("errorShare"); w.WriteValue(Round(c.ErrorShare));
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    private static double Round(double share) => Math.Round(share, 4);
}
