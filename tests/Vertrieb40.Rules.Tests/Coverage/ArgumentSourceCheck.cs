using System.Globalization;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Text;
using Vertrieb40.Rules.Tests.Infrastructure;

namespace Vertrieb40.Rules.Tests.Coverage;

/// <summary>
/// Checks the source of every message argument of a finding against the JSON document that was read (issue 10:
/// every argument carries its source, and none comes from a default). Independent of the rules: pointers are resolved
/// in the document's JSON, and derived values are recomputed from it (scopes, members, funnel steps, exceptions).
/// </summary>
internal static partial class ArgumentSourceCheck
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    /// <summary>The derived sources the rules may give (docs/result-format.md lists the same names).</summary>
    public static readonly string[] DerivedNames =
    [
        "chair", "details", "directMembers", "effort", "directMembersHoldingRole", "directMembersWithFewerRoles", "exceptionCount",
        "exceptionDepth", "funnelStageOfMembersRoles", "funnelStepsCarried", "higherRankSignOffs", "mandatoryProcessesByUnitsOutsideOwners",
        "noSharedGoal", "outermostCarryingUnits", "ownerNames", "peopleInTeamsBelowOwners", "peopleInUnitAndSubUnits", "peopleInUnits",
        "policiesByUnitsOutsideOwners", "approversOutsideOwners", "salesPeopleOutsideTeams", "salesPeopleWithoutUnit", "teamsBelowOwners",
        "usesReported", "wordOf", "withheldDimensions",
    ];

    /// <summary>
    /// The properties the format gives a default when left out (docs/input-format.md, "the defaults of the format"):
    /// read from the page, so that the check follows the documented list.
    /// </summary>
    public static IReadOnlySet<string> FormatDefaults { get; } = ReadFormatDefaults();

    private static HashSet<string> ReadFormatDefaults()
    {
        var page = File.ReadAllText(Path.Combine(SeedPaths.Root, "docs", "input-format.md"));
        var start = page.IndexOf("## Left out means unknown", StringComparison.Ordinal);
        var table = page[start..page.IndexOf("Everything else the rules read", start, StringComparison.Ordinal)];
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in table.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal) && !l.StartsWith("| property", StringComparison.Ordinal)))
            foreach (Match m in Backticked().Matches(line.Split('|')[1])) names.Add(m.Groups[1].Value);
        return names;
    }

    [GeneratedRegex("`([A-Za-z]+)`")]
    private static partial Regex Backticked();

    [GeneratedRegex(@"^(?<kind>absent|count|reach|derived|option)\((?<body>.*)\)$")]
    private static partial Regex Call();

    /// <summary>The problems of one finding's sources (empty when every argument is accounted for).</summary>
    public static IEnumerable<string> Problems(Diagnostic d, JObject doc)
    {
        var where = $"{d.Id} at {d.Location.JsonPointer}: ";
        if (d.ArgumentSources.Count != d.Arguments.Count)
        {
            yield return where + $"{d.Arguments.Count} arguments, {d.ArgumentSources.Count} sources";
            yield break;
        }
        for (var i = 0; i < d.Arguments.Count; i++)
        {
            var source = d.ArgumentSources[i];
            var shown = Render(d.Arguments[i]);
            foreach (var problem in ProblemsOf(d, source, shown, d.Arguments[i], doc))
                yield return where + $"argument {i} ('{shown}') from '{source}': {problem}";
        }
    }

    private static IEnumerable<string> ProblemsOf(Diagnostic d, string source, string shown, object? argument, JObject doc)
    {
        if (string.IsNullOrWhiteSpace(source)) { yield return "no source"; yield break; }
        if (source == "constant") yield break;
        if (source.StartsWith('/'))
        {
            if (Resolve(doc, source) is not { } token) { yield return "the pointer resolves to nothing (a default?)"; yield break; }
            if (!RendersTo(token, shown)) yield return $"the document says '{token}'";
            yield break;
        }
        var call = Call().Match(source);
        if (!call.Success) { yield return "not a source of the documented grammar"; yield break; }
        var body = call.Groups["body"].Value;
        switch (call.Groups["kind"].Value)
        {
            case "option":
                if (!body.StartsWith(d.Id + ".", StringComparison.Ordinal)) yield return "an option of another rule";
                break;
            case "absent":
                foreach (var p in Pointers(body))
                    if (Resolve(doc, p) is { } stated) yield return $"{p} is stated ('{stated}')";
                // Not stated, unspecified, left out of the sentence, or a count of what the document names there: none.
                if (shown.Length > 0 && shown != "0" && !shown.Contains("not stated", StringComparison.Ordinal) && shown != "unspecified")
                    yield return "the argument states something the document does not";
                break;
            case "count":
                // Ids count once however often they are listed; objects (funnel steps, thresholds) each count.
                var ids = new HashSet<string>(StringComparer.Ordinal);
                var objects = 0;
                foreach (var p in Pointers(body))
                {
                    if (Resolve(doc, p) is not JArray array) { yield return $"{p} is no array of the document"; yield break; }
                    foreach (var item in array)
                        if (item.Type == JTokenType.String) ids.Add((string)item!);
                        else objects++;
                }
                if (!Equals(argument, ids.Count + objects)) yield return $"the document lists {ids.Count + objects}";
                break;
            case "reach":
                if (Resolve(doc, body) is not JObject scope) { yield return "no scope of the document"; yield break; }
                var reach = new DocumentFacts(doc).Reach(scope);
                if (!Equals(argument, reach)) yield return $"the scope reaches {reach}";
                break;
            case "derived":
                var colon = body.IndexOf(':', StringComparison.Ordinal);
                var name = colon < 0 ? body : body[..colon];
                var pointers = colon < 0 ? Array.Empty<string>() : Pointers(body[(colon + 1)..]);
                if (!DerivedNames.Contains(name)) yield return $"'{name}' is not a documented derived source";
                if (pointers.Length == 0) yield return "derived from nothing";
                foreach (var p in pointers)
                    if (Resolve(doc, p) is null) yield return $"{p} resolves to nothing (a default?)";
                if (pointers.All(p => Resolve(doc, p) != null) && Recompute(name, pointers, doc, argument) is { } problem) yield return problem;
                break;
        }
    }

    // Values the check can recompute from the document alone; null when they agree or the name is not recomputed.
    private static string? Recompute(string name, string[] pointers, JObject doc, object? argument)
    {
        var facts = new DocumentFacts(doc);
        object? expected = name switch
        {
            "directMembers" => facts.DirectMembers(pointers[0]).Count(),
            "directMembersHoldingRole" => facts.DirectMembers(pointers[0]).Count(p => facts.RolesOf(p).Contains(facts.IdAt(pointers[1]))),
            "directMembersWithFewerRoles" => facts.DirectMembers(pointers[0]).Count(p => p["roleIds"] is JArray && facts.RolesOf(p).Count < 2),
            "peopleInUnitAndSubUnits" => facts.PeopleWithin([facts.IdAt(pointers[0])]),
            "peopleInUnits" => facts.PeopleWithin(((JArray)Resolve(doc, pointers[0])!).Select(t => (string)t!)),
            "funnelStepsCarried" => doc["offerings"]?.SelectMany(o => o["funnel"] ?? new JArray()).Count(s => (string?)s["unitId"] == facts.IdAt(pointers[0])) ?? 0,
            "exceptionCount" => Exceptions((JArray)Resolve(doc, pointers[0])!).Count,
            "exceptionDepth" => Exceptions((JArray)Resolve(doc, pointers[0])!).DefaultIfEmpty(0).Max(),
            // A stated higherRank: true, or a step of a 1.0 document that leaves it out (the 1.0 format's documented default).
            "higherRankSignOffs" => pointers.Count(p => p.EndsWith("/higherRank", StringComparison.Ordinal)
                ? (bool?)Resolve(doc, p) == true
                : (string?)doc["schemaVersion"] == "1.0" && p.Contains("/steps/", StringComparison.Ordinal) && Resolve(doc, p)!["higherRank"] is null),
            "effort" => pointers.All(p => ((JValue)Resolve(doc, p)!).Value is { } v && Render(argument).Contains(Render(v), StringComparison.Ordinal)) ? argument : "people and percent",
            "noSharedGoal" => (bool?)Resolve(doc, pointers[0]) == false ? argument : "sharedGoal: false",
            _ => argument,
        };
        if (name == "wordOf")
            return ((string?)Resolve(doc, pointers[0]))?.Contains((string)argument!, StringComparison.OrdinalIgnoreCase) == true ? null : "the word is not in the text";
        return Equals(expected, argument) || (expected is int e && argument is int a && e == a) ? null : $"recomputed from the document: {expected}";
    }

    // The depth of every exception, nested ones included (1 = an exception to the rule).
    private static List<int> Exceptions(JArray exceptions)
    {
        var depths = new List<int>();
        var pending = new Stack<(JToken, int)>(exceptions.Select(e => (e, 1)));
        while (pending.Count > 0)
        {
            var (e, depth) = pending.Pop();
            depths.Add(depth);
            if (e["exceptions"] is JArray inner) foreach (var i in inner) pending.Push((i, depth + 1));
        }
        return depths;
    }

    private static string[] Pointers(string list) => list.Split(", ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Every pointer a source names (to check that none is a format default the document left out).</summary>
    public static IEnumerable<string> PointersOf(string source)
    {
        if (source.StartsWith('/')) return [source];
        var call = Call().Match(source);
        if (!call.Success || call.Groups["kind"].Value is "option" or "absent") return [];
        var body = call.Groups["body"].Value;
        var colon = body.IndexOf(':', StringComparison.Ordinal);
        return Pointers(call.Groups["kind"].Value == "derived" && colon >= 0 ? body[(colon + 1)..] : body);
    }

    /// <summary>The token at an RFC 6901 pointer, or null (a JSON null counts as not stated).</summary>
    public static JToken? Resolve(JToken doc, string pointer)
    {
        JToken? token = doc;
        foreach (var segment in JsonPointer.Parse(pointer))
        {
            token = token switch
            {
                JObject o => o[segment],
                JArray a when int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < a.Count => a[i],
                _ => null,
            };
            if (token is null) return null;
        }
        return token.Type == JTokenType.Null ? null : token;
    }

    /// <summary>The argument as the English message shows it.</summary>
    public static string Render(object? argument) => string.Format(English, "{0}", argument);

    // A text or number as written, or an enum word the message shows for it ("statusReporting" → "status report").
    private static bool RendersTo(JToken token, string shown)
    {
        if (token is not JValue value) return false;
        var written = Convert.ToString(value.Value, CultureInfo.InvariantCulture) ?? "";
        if (written == shown || Render(value.Value) == shown) return true;
        foreach (var type in typeof(Model.Unit).Assembly.GetTypes().Where(t => t.IsEnum && t.Namespace == "Vertrieb40.Rules.Model"))
            if (Enum.TryParse(type, written, true, out var member)
                && typeof(Terms).GetMethod(nameof(Terms.Of))!.MakeGenericMethod(type).Invoke(null, [member]) is LocalizableString word
                && word.ToString(English) == shown)
                return true;
        return false;
    }

    /// <summary>Facts recomputed from the JSON document itself (the format's meaning of scopes and membership).</summary>
    private sealed class DocumentFacts(JObject doc)
    {
        private readonly JArray _people = doc["people"] as JArray ?? [];
        private readonly Dictionary<string, string?> _parent = (doc["units"] as JArray ?? [])
            .GroupBy(u => (string)u["id"]!).ToDictionary(g => g.Key, g => (string?)g.First()["parentId"]);

        public string IdAt(string entityPointer) => (string)Resolve(doc, entityPointer)!["id"]!;

        public IEnumerable<JToken> DirectMembers(string unitPointer) => _people.Where(p => (string?)p["unitId"] == IdAt(unitPointer));

        public HashSet<string> RolesOf(JToken person) => (person["roleIds"] as JArray ?? []).Select(r => (string)r!).ToHashSet();

        private bool IsWithin(string? unit, ICollection<string> ancestors)
        {
            for (var u = unit; u != null; u = _parent.GetValueOrDefault(u))
                if (ancestors.Contains(u)) return true;
            return false;
        }

        public int PeopleWithin(IEnumerable<string> units)
        {
            var set = units.ToHashSet();
            return _people.Count(p => IsWithin((string?)p["unitId"], set));
        }

        // The people in the listed units and their sub-units who hold one of the listed roles (either list may be
        // omitted), plus the listed people; everyone: all of them.
        public int Reach(JObject scope)
        {
            if ((bool?)scope["everyone"] == true) return _people.Count;
            var units = (scope["unitIds"] as JArray ?? []).Select(t => (string)t!).ToHashSet();
            var roles = (scope["roleIds"] as JArray ?? []).Select(t => (string)t!).ToHashSet();
            var named = (scope["personIds"] as JArray ?? []).Select(t => (string)t!).ToHashSet();
            return _people.Count(p =>
                named.Contains((string)p["id"]!)
                || ((units.Count > 0 || roles.Count > 0)
                    && (units.Count == 0 || IsWithin((string?)p["unitId"], units))
                    && (roles.Count == 0 || RolesOf(p).Overlaps(roles))));
        }
    }
}
