using Newtonsoft.Json;
using Vertrieb40.Rules.Scoring;

namespace Vertrieb40.Rules.Reporting;

/// <summary>
/// Exposure as JSON (docs/result-format.md, <c>exposure</c>; SARIF <c>run.properties.vertrieb40Exposure</c>): counts
/// and shares only, never a person; nothing for groups smaller than the minimum group size.
/// </summary>
internal static class ExposureJson
{
    /// <summary>Writes the exposure object, or null when there is none or the organisation is below the minimum group size.</summary>
    public static void Write(JsonWriter w, Exposure? exposure, int minimumGroupSize, bool units = true)
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
        if (units)
        {
            w.WritePropertyName("units");
            w.WriteStartArray();
            foreach (var u in exposure.Units(minimumGroupSize))
            {
                if (u.Rules.Count == 0) continue; // a unit no finding reaches: nothing to say
                w.WriteStartObject();
                w.WritePropertyName("id"); w.WriteValue(u.UnitId);
                w.WritePropertyName("people"); w.WriteValue(u.People);
                w.WritePropertyName("rules"); WriteRules(w, u.Rules);
                w.WritePropertyName("categories"); WriteCategories(w, u.Categories);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
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
