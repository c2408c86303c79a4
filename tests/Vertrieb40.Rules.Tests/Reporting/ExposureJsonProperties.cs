using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Newtonsoft.Json;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Reporting;
using Vertrieb40.Rules.Scoring;
using Vertrieb40.Rules.Text;

namespace Vertrieb40.Rules.Tests.Reporting;

/// <summary>
/// The JSON report writes each unit's exposure as one compact line from fragments made once per rule (issue 14):
/// byte for byte what the safe JSON writer without indentation writes for the same object — ids with quotes,
/// control and bidi characters, umlauts; whole-number, tiny and ordinary shares.
/// </summary>
public class ExposureJsonProperties
{
    private static readonly string[] Ids = { "u1", "a\"b", "back\\slash", "tab\tnew\nline", "rtl\u202Eevil", "Müller & Söhne", "c1\u0085", "😀", "" };
    private static readonly double[] Shares = { 0, 1, 0.5, 0.1, 1e-5, 0.00012, 0.3333, 2.0 / 3, 0.9999, 123456789.0 };

    [Property(MaxTest = 300)]
    public Property A_unit_line_equals_the_safe_writers_compact_output(int seed)
    {
        var random = new Random(seed);
        var rules = Enumerable.Range(0, random.Next(0, 6)).Select(i => new RuleExposure(Pick(Ids, random) + i, random.Next(0, 5000), Pick(Shares, random))
        {
            Category = Pick(new[] { "Team", "Digitalisation", "Effectiveness", "Custom \"x\"" }, random),
            Severity = (DiagnosticSeverity)random.Next(0, 4),
        }).ToList();
        var categories = new[] { "Team", "Digitalisation", "Effectiveness", "Overall" }.Select(c => new CategoryExposure(c, random.Next(0, 100), Pick(Shares, random))
        {
            PeopleUnderError = random.Next(0, 100),
            ErrorShare = Pick(Shares, random),
        }).ToList();
        var unit = new UnitExposure(0, Pick(Ids, random), random.Next(1, 100000), rules, categories);

        var fast = new StringWriter();
        ExposureJson.WriteUnit(fast, unit, new ExposureJson.Fragments());
        var expected = Reference(unit);
        return (fast.ToString() == expected).ToProperty().Label($"{fast} vs {expected}");
    }

    [Fact]
    public void Numbers_are_written_as_newtonsoft_writes_them()
    {
        foreach (var v in Shares.Concat(new[] { 1e-7, 1e21, 0.1 + 0.2, -0.0, 5.0, 0.25, 0.0001, 0.0005, 0.1234, 0.5, 1.0, 12.3456, 999999999.9999, Math.Round(2.0 / 3, 4), double.NaN }))
        {
            var o = new StringWriter();
            ExposureJson.WriteNumber(o, v);
            Assert.Equal(JsonConvert.ToString(v), o.ToString());
        }
    }

    // The object as the writer wrote it before issue 14, field by field, without indentation.
    private static string Reference(UnitExposure u)
    {
        var sw = new StringWriter();
        using (var w = new SafeJsonTextWriter(sw) { Formatting = Formatting.None })
        {
            w.WriteStartObject();
            w.WritePropertyName("id"); w.WriteValue(u.UnitId);
            w.WritePropertyName("people"); w.WriteValue(u.People);
            w.WritePropertyName("rules");
            w.WriteStartArray();
            foreach (var r in u.Rules)
            {
                w.WriteStartObject();
                w.WritePropertyName("ruleId"); w.WriteValue(r.RuleId);
                w.WritePropertyName("category"); w.WriteValue(r.Category);
                w.WritePropertyName("severity"); w.WriteValue(JsonReportWriter.SeverityName(r.Severity));
                w.WritePropertyName("people"); w.WriteValue(r.People);
                w.WritePropertyName("share"); w.WriteValue(Math.Round(r.Share, 4));
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WritePropertyName("categories");
            w.WriteStartObject();
            foreach (var c in u.Categories)
            {
                w.WritePropertyName(c.Category);
                w.WriteStartObject();
                w.WritePropertyName("people"); w.WriteValue(c.People);
                w.WritePropertyName("share"); w.WriteValue(Math.Round(c.Share, 4));
                w.WritePropertyName("peopleUnderError"); w.WriteValue(c.PeopleUnderError);
                w.WritePropertyName("errorShare"); w.WriteValue(Math.Round(c.ErrorShare, 4));
                w.WriteEndObject();
            }
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return sw.ToString();
    }

    private static T Pick<T>(IReadOnlyList<T> items, Random random) => items[random.Next(items.Count)];
}
