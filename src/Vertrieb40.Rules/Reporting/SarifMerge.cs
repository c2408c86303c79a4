using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Vertrieb40.Rules.Reporting;

/// <summary>
/// Merges SARIF 2.1.0 logs — e.g. one per shard of a batch — into one log: one run per tool (by driver
/// name), rules deduplicated by id and ordered by id, results concatenated in input order and re-indexed
/// (<c>ruleIndex</c>, override and notification descriptor indexes), invocations concatenated, run properties
/// arrays concatenated. Deterministic: the same inputs in the same order give the same bytes.
/// </summary>
public static class SarifMerge
{
    /// <summary>Merges the logs read from <paramref name="inputs"/> (file paths) and writes the result to <paramref name="output"/>.</summary>
    public static void MergeFiles(IReadOnlyList<string> inputs, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var logs = new List<JObject>();
        foreach (var path in inputs)
        {
            using var reader = new JsonTextReader(File.OpenText(path)) { DateParseHandling = DateParseHandling.None };
            var token = JToken.ReadFrom(reader);
            if (token is not JObject o) throw new InvalidDataException($"{path}: not a SARIF log (the document is not a JSON object).");
            logs.Add(o);
        }
        Write(Merge(logs, inputs), output);
    }

    /// <summary>Writes a log as indented JSON with a final newline.</summary>
    public static void Write(JObject log, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(output);
        using var w = new SafeJsonTextWriter(output) { Formatting = Formatting.Indented, CloseOutput = false };
        log.WriteTo(w);
        w.Flush();
        output.WriteLine();
    }

    /// <summary>Merges parsed logs. <paramref name="names"/> (optional) name the inputs in error messages.</summary>
    public static JObject Merge(IReadOnlyList<JObject> logs, IReadOnlyList<string>? names = null)
    {
        ArgumentNullException.ThrowIfNull(logs);
        var runsByTool = new Dictionary<string, (JObject Run, Dictionary<string, JObject> Rules, JArray Results, JArray Invocations, JObject Properties)>(StringComparer.Ordinal);
        var toolOrder = new List<string>();
        var schema = SarifReportWriter.SchemaUri;

        for (var i = 0; i < logs.Count; i++)
        {
            var log = logs[i];
            var name = names != null && i < names.Count ? names[i] : $"log {i + 1}";
            if ((string?)log["version"] != "2.1.0") throw new InvalidDataException($"{name}: only SARIF version 2.1.0 can be merged.");
            if (i == 0 && log["$schema"] is JValue s && s.Type == JTokenType.String) schema = (string)s!;
            foreach (var runToken in log["runs"] as JArray ?? new JArray())
            {
                if (runToken is not JObject run || run["tool"]?["driver"] is not JObject driver)
                    throw new InvalidDataException($"{name}: a run without tool.driver.");
                var tool = (string?)driver["name"] ?? "";
                if (!runsByTool.TryGetValue(tool, out var merged))
                {
                    var copy = (JObject)run.DeepClone();
                    copy.Remove("results");
                    copy.Remove("invocations");
                    copy.Remove("properties");
                    merged = (copy, new Dictionary<string, JObject>(StringComparer.Ordinal), new JArray(), new JArray(), new JObject());
                    runsByTool[tool] = merged;
                    toolOrder.Add(tool);
                }

                // The rules of this run, by their old index.
                var oldRules = (driver["rules"] as JArray ?? new JArray()).OfType<JObject>().ToList();
                foreach (var rule in oldRules)
                {
                    var id = (string?)rule["id"] ?? "";
                    merged.Rules.TryAdd(id, (JObject)rule.DeepClone());
                }
                string? RuleIdAt(JToken? index) => index?.Type == JTokenType.Integer && (int)index >= 0 && (int)index < oldRules.Count ? (string?)oldRules[(int)index]["id"] : null;

                foreach (var result in (run["results"] as JArray ?? new JArray()).OfType<JObject>())
                {
                    var copy = (JObject)result.DeepClone();
                    // Keep the rule id; the index is recomputed once all rules are known.
                    var id = (string?)copy["ruleId"] ?? RuleIdAt(copy["ruleIndex"]) ?? (string?)copy["rule"]?["id"];
                    if (id != null) copy["ruleId"] = id;
                    merged.Results.Add(copy);
                }
                foreach (var inv in (run["invocations"] as JArray ?? new JArray()).OfType<JObject>())
                {
                    var copy = (JObject)inv.DeepClone();
                    foreach (var reference in DescriptorReferences(copy))
                    {
                        var id = (string?)reference["id"] ?? RuleIdAt(reference["index"]);
                        if (id != null) reference["id"] = id;
                    }
                    merged.Invocations.Add(copy);
                }
                if (run["properties"] is JObject props)
                    foreach (var p in props.Properties())
                    {
                        if (p.Value is JArray arr && merged.Properties[p.Name] is JArray existing)
                            foreach (var item in arr) existing.Add(item.DeepClone());
                        else if (merged.Properties[p.Name] is null) merged.Properties[p.Name] = p.Value.DeepClone();
                    }
            }
        }

        var runs = new JArray();
        foreach (var tool in toolOrder)
        {
            var (run, rules, results, invocations, properties) = runsByTool[tool];
            var ordered = rules.Values.OrderBy(r => (string?)r["id"], StringComparer.Ordinal).ToList();
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < ordered.Count; i++) index[(string?)ordered[i]["id"] ?? ""] = i;
            run["tool"]!["driver"]!["rules"] = new JArray(ordered);

            foreach (var result in results.OfType<JObject>())
            {
                var id = (string?)result["ruleId"];
                if (id != null && index.TryGetValue(id, out var ri)) result["ruleIndex"] = ri;
                else result.Remove("ruleIndex");
                if (result["rule"] is JObject r && id != null && index.TryGetValue(id, out var ri2)) r["index"] = ri2;
            }
            foreach (var inv in invocations.OfType<JObject>())
                foreach (var reference in DescriptorReferences(inv))
                {
                    var id = (string?)reference["id"];
                    if (id != null && index.TryGetValue(id, out var ri)) reference["index"] = ri;
                    else reference.Remove("index");
                }

            // One invocation per input keeps each shard's success and configuration; GitHub and the SARIF
            // viewers accept several.
            if (invocations.Count > 0) run["invocations"] = invocations;
            run["results"] = results;
            if (properties.Count > 0) run["properties"] = properties;
            runs.Add(run);
        }

        return new JObject
        {
            ["$schema"] = schema,
            ["version"] = "2.1.0",
            ["runs"] = runs,
        };
    }

    private static IEnumerable<JObject> DescriptorReferences(JObject invocation)
    {
        foreach (var o in invocation["ruleConfigurationOverrides"] as JArray ?? new JArray())
            if (o["descriptor"] is JObject d) yield return d;
        foreach (var n in invocation["toolConfigurationNotifications"] as JArray ?? new JArray())
            if (n["associatedRule"] is JObject d) yield return d;
        foreach (var n in invocation["toolExecutionNotifications"] as JArray ?? new JArray())
            if (n["associatedRule"] is JObject d) yield return d;
    }
}
