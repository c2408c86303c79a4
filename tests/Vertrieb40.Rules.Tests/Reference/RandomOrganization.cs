using System.Text;
using Newtonsoft.Json;

namespace Vertrieb40.Rules.Tests.Reference;

/// <summary>
/// Builds a random but valid organisation document from a seed: every entity kind, every enum value,
/// random scopes and references. Small (up to ~60 people) so that properties run many cases quickly.
/// </summary>
public static class RandomOrganization
{
    private static readonly string[] UnitKinds = { "company", "division", "department", "team", "group" };
    private static readonly string[] Functions = { "marketing", "sales", "support", "product", "engineering", "production", "finance", "people", "management", "operations", "crossFunctional", "other" };
    private static readonly string[] Stages = { "none", "awareness", "interest", "consideration", "purchase", "onboarding", "retention", "advocacy" };
    private static readonly string[] Contacts = { "direct", "indirect", "none" };
    private static readonly string[] IncentiveTypes = { "commission", "bonus", "spiff", "profitShare", "fixed" };
    private static readonly string[] Levels = { "individual", "team", "unit", "company" };
    private static readonly string[] Cadences = { "daily", "weekly", "biweekly", "monthly", "quarterly", "halfYearly", "yearly", "once", "adHoc" };
    private static readonly string[] Granularities = { "person", "deal", "team", "unit", "company" };
    private static readonly string[] Uses = { "planning", "control", "evaluation" };
    private static readonly string[] Purposes = { "statusReporting", "pipelineReview", "forecastReview", "coordination", "problemSolving", "retrospective", "planning", "customerFeedback", "other" };
    private static readonly string[] Subjects = { "discount", "price", "offer", "calculation", "contract", "expense", "hiring", "other" };
    private static readonly string[] Operators = { "inHouse", "agency", "mixed" };
    private static readonly string[] ChannelKinds = { "socialMedia", "onlineAds", "webinar", "phone", "email", "events", "web", "marketplace", "field", "other" };
    private static readonly string[] Modes = { "mandatedProject", "teamChoice", "pilot" };
    private static readonly string[] WorkTypes = { "routine", "creative", "complex" };
    private static readonly string[] Automations = { "none", "partial", "full" };
    private static readonly string[] RecognitionKinds = { "employeeOfTheMonth", "formalPraise", "performanceRating", "rating360", "ranking", "leaderboard", "contest", "topSellerAward", "peerThanks" };
    private static readonly string[] Texts = { "We are one big family.", "Wir sind eine große Familie!", "Quality first.", "Customers decide.", "Like a family, we stick together", "Teams decide for themselves.",
        "Vereinbarkeit von Familie und Beruf ist uns wichtig.", "Ein familiengeführtes Unternehmen seit 1920.", "Family and work go together here; we are a family." };

    public static string Json(int seed)
    {
        var r = new Random(seed);
        var sb = new StringBuilder();
        using var w = new JsonTextWriter(new StringWriter(sb)) { Formatting = Formatting.Indented };
        T Pick<T>(IReadOnlyList<T> xs) => xs[r.Next(xs.Count)];
        bool Coin(int percent = 50) => r.Next(100) < percent;

        var unitCount = r.Next(1, 14);
        var roleCount = r.Next(1, 10);
        var peopleCount = r.Next(0, 60);
        string U(int i) => "u" + i;
        string R(int i) => "r" + i;
        string P(int i) => "p" + i;
        string[] Some(Func<int, string> id, int count, int max)
            => count == 0 ? Array.Empty<string>() : Enumerable.Range(0, r.Next(0, max + 1)).Select(_ => id(r.Next(count))).Distinct().ToArray();

        void Ids(string name, string[] ids) { w.WritePropertyName(name); w.WriteStartArray(); foreach (var i in ids) w.WriteValue(i); w.WriteEndArray(); }
        void Scope(string name)
        {
            w.WritePropertyName(name);
            w.WriteStartObject();
            if (Coin(20)) { w.WritePropertyName("everyone"); w.WriteValue(true); }
            if (Coin(60)) Ids("unitIds", Some(U, unitCount, 2));
            if (Coin(40)) Ids("roleIds", Some(R, roleCount, 2));
            if (Coin(20)) Ids("personIds", Some(P, peopleCount, 3));
            w.WriteEndObject();
        }
        void Prop(string name, object? value) { w.WritePropertyName(name); w.WriteValue(value); }
        void Entities(string collection, int count, Action<int> body)
        {
            w.WritePropertyName(collection);
            w.WriteStartArray();
            for (var i = 0; i < count; i++) { w.WriteStartObject(); body(i); w.WriteEndObject(); }
            w.WriteEndArray();
        }

        w.WriteStartObject();
        Prop("schemaVersion", "1.0");
        Entities("units", unitCount, i =>
        {
            Prop("id", U(i));
            Prop("kind", Pick(UnitKinds));
            Prop("function", Pick(Functions));
            if (i > 0) Prop("parentId", U(r.Next(i))); // parents come first: no cycles
            if (Coin(70)) Prop("customerContact", Pick(Contacts));
            if (Coin(60)) Prop("sharedGoal", Coin());
            if (Coin(40))
            {
                w.WritePropertyName("autonomy");
                w.WriteStartObject();
                foreach (var k in new[] { "how", "what", "when", "withWhom" }) if (Coin(80)) Prop(k, Coin(60));
                w.WriteEndObject();
            }
        });
        Entities("roles", roleCount, i => { Prop("id", R(i)); Prop("funnelStage", Pick(Stages)); Prop("function", Pick(Functions)); });
        Entities("people", peopleCount, i =>
        {
            Prop("id", P(i));
            if (Coin(95)) Prop("unitId", U(r.Next(unitCount)));
            if (i > 0 && Coin(85)) Prop("managerId", P(r.Next(i)));
            Ids("roleIds", Some(R, roleCount, 3));
        });
        Entities("offerings", r.Next(0, 3), i =>
        {
            Prop("id", "o" + i);
            w.WritePropertyName("funnel");
            w.WriteStartArray();
            for (var s = r.Next(0, 5); s > 0; s--) { w.WriteStartObject(); Prop("stage", Pick(Stages)); Prop("unitId", U(r.Next(unitCount))); w.WriteEndObject(); }
            w.WriteEndArray();
        });
        Entities("incentivePlans", r.Next(0, 4), i => { Prop("id", "ip" + i); Prop("type", Pick(IncentiveTypes)); Prop("level", Pick(Levels)); if (Coin()) Prop("metric", "revenue"); Scope("participants"); });
        Entities("targets", r.Next(0, 4), i => { Prop("id", "t" + i); Prop("level", Pick(Levels)); if (Coin()) Prop("metric", "revenue"); Scope("appliesTo"); });
        Entities("forecasts", r.Next(0, 3), i =>
        {
            Prop("id", "f" + i); Prop("granularity", Pick(Granularities)); Prop("cadence", Pick(Cadences));
            if (Coin(70)) Prop("ownerUnitId", U(r.Next(unitCount)));
            Ids("usedFor", Uses.Where(_ => Coin(40)).ToArray());
            Scope("contributors");
        });
        Entities("meetings", r.Next(0, 5), i => { Prop("id", "m" + i); Prop("purpose", Pick(Purposes)); Prop("cadence", Pick(Cadences)); if (Coin()) Prop("chairUnitId", U(r.Next(unitCount))); Scope("attendees"); });
        var policyCount = r.Next(0, 4);
        Entities("approvalPolicies", policyCount, i =>
        {
            Prop("id", "ap" + i); Prop("subject", Pick(Subjects));
            if (Coin()) Prop("ownerUnitId", U(r.Next(unitCount)));
            w.WritePropertyName("thresholds"); w.WriteStartArray();
            for (var t = r.Next(0, 3); t > 0; t--) { w.WriteStartObject(); Prop("above", r.Next(0, 30)); Prop("approver", "rank" + t); w.WriteEndObject(); }
            w.WriteEndArray();
            w.WritePropertyName("steps"); w.WriteStartArray();
            for (var t = r.Next(0, 3); t > 0; t--) { w.WriteStartObject(); Prop("approver", "rank" + t); Prop("higherRank", Coin(70)); if (Coin(30)) Prop("unitId", U(r.Next(unitCount))); w.WriteEndObject(); }
            w.WriteEndArray();
            void Exceptions(int depth)
            {
                w.WritePropertyName("exceptions"); w.WriteStartArray();
                for (var x = depth > 3 ? 0 : r.Next(0, 3); x > 0; x--) { w.WriteStartObject(); Prop("description", "x"); if (Coin(40)) Exceptions(depth + 1); w.WriteEndObject(); }
                w.WriteEndArray();
            }
            Exceptions(0);
            Scope("appliesTo");
        });
        Entities("handoffs", r.Next(0, 4), i => { Prop("id", "h" + i); Prop("fromUnitId", U(r.Next(unitCount))); Prop("toUnitId", U(r.Next(unitCount))); Prop("artifact", "lead"); });
        Entities("channels", r.Next(0, 4), i => { Prop("id", "c" + i); Prop("kind", Pick(ChannelKinds)); Prop("operatedBy", Pick(Operators)); if (Coin()) Prop("ownerUnitId", U(r.Next(unitCount))); });
        Entities("toolRollouts", r.Next(0, 3), i => { Prop("id", "tr" + i); Prop("mode", Pick(Modes)); if (Coin()) Prop("mandatedByUnitId", U(r.Next(unitCount))); Ids("usedByUnitIds", Some(U, unitCount, 2)); });
        Entities("processes", r.Next(0, 4), i => { Prop("id", "pr" + i); Prop("workType", Pick(WorkTypes)); Prop("mandatory", Coin()); Prop("steps", r.Next(0, 20)); Prop("automation", Pick(Automations)); if (Coin()) Prop("performedByUnitId", U(r.Next(unitCount))); });
        Entities("recognitionPrograms", r.Next(0, 3), i => { Prop("id", "rp" + i); Prop("kind", Pick(RecognitionKinds)); if (Coin()) Prop("level", Pick(Levels)); Scope("participants"); });
        Entities("cultureStatements", r.Next(0, 3), i => { Prop("id", "cs" + i); Prop("text", Pick(Texts)); });
        Entities("decisionRights", r.Next(0, 4), i =>
        {
            Prop("id", "dr" + i); Prop("area", Coin(30) ? "Work selection " + i : "area" + i); // VT3004
            Ids("ownerUnitIds", Some(U, unitCount, 3));
            if (Coin(40)) Ids("requiresApprovalFromUnitIds", Some(U, unitCount, 2));
            if (Coin(40)) Ids("governedByPolicyIds", Some(k => "ap" + k, policyCount, 2)); // VT1005
        });
        w.WriteEndObject();
        w.Flush();
        return sb.ToString();
    }
}
