using Vertrieb40.Rules.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Vertrieb40.Rules.Reporting;

/// <summary>
/// Merges SARIF 2.1.0 logs — e.g. one per shard of a batch — into one log: one run per tool (by driver
/// name), rules deduplicated by id and ordered by id, results concatenated in input order and re-indexed
/// (<c>ruleIndex</c>, override and notification descriptor indexes), invocations concatenated, run properties
/// arrays concatenated. Deterministic: the same inputs in the same order give the same bytes.
/// </summary>
internal static class SarifMerge
{
    /// <summary>Merges the logs read from <paramref name="inputs"/> (file paths) and writes the result to <paramref name="output"/>.</summary>
    public static void MergeFiles(IReadOnlyList<string> inputs, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var logs = new List<JObject>();
        foreach (var path in inputs) logs.Add(ReadLog(path));
        Write(Merge(logs, inputs), output);
    }

    /// <summary>
    /// Merges logs given as text (<paramref name="inputs"/>: a name for messages and the log's text), as
    /// <see cref="MergeFiles"/> does for files. The fuzz harness drives <c>sarif merge</c>'s reading through it.
    /// Bad input throws <see cref="InvalidDataException"/> naming the input.
    /// </summary>
    public static void MergeTexts(IReadOnlyList<(string Name, string Text)> inputs, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var logs = new List<JObject>();
        foreach (var (name, text) in inputs) logs.Add(ReadLog(name, new StringReader(text)));
        Write(Merge(logs, inputs.Select(i => i.Name).ToList()), output);
    }

    private static JObject ReadLog(string path) => ReadLog(path, File.OpenText(path));

    // One log: a JSON object and nothing after it; every error names the file, with line and column where known.
    private static JObject ReadLog(string path, TextReader text)
    {
        using var reader = new JsonTextReader(text) { DateParseHandling = DateParseHandling.None };
        var afterRoot = false;
        try
        {
            var token = JToken.ReadFrom(reader);
            afterRoot = true;
            if (token is not JObject o) throw Invalid(path, token, "not a SARIF log (the document is not a JSON object).");
            // Trailing text after the log: Newtonsoft stops at the end of the first value unless asked again.
            while (reader.Read())
                if (reader.TokenType != JsonToken.Comment)
                    throw new InvalidDataException($"{path}({reader.LineNumber},{reader.LinePosition}): not a SARIF log: text after the end of the JSON document.");
            return o;
        }
        catch (JsonReaderException ex)
        {
            throw new InvalidDataException(afterRoot
                ? $"{path}({ex.LineNumber},{ex.LinePosition}): not a SARIF log: text after the end of the JSON document."
                : $"{path}({ex.LineNumber},{ex.LinePosition}): not valid JSON: {WithoutPosition(ex.Message)}", ex);
        }
    }

    // Newtonsoft appends "Path '…', line n, position m." — the position is already in front of the message.
    private static string WithoutPosition(string message)
    {
        var i = message.IndexOf(" Path '", StringComparison.Ordinal);
        if (i < 0) i = message.IndexOf(", line ", StringComparison.Ordinal);
        return i < 0 ? message : message[..i].TrimEnd('.', ',') + ".";
    }

    private static InvalidDataException Invalid(string name, JToken? at, string what)
    {
        var where = at is IJsonLineInfo li && li.HasLineInfo() ? $"({li.LineNumber},{li.LinePosition})" : "";
        var path = at is null || at.Path.Length == 0 ? "" : $" at '{at.Path}'";
        return new InvalidDataException($"{name}{where}: {what}{path}");
    }

    // A string property, absent or null; any other type is a structural error of the log.
    private static string? Text(string name, JToken? value, string what)
        => value is null || value.Type == JTokenType.Null ? null
            : value.Type == JTokenType.String ? (string?)value
            : throw Invalid(name, value, $"not a SARIF log: {what} must be a string.");

    // An object property, absent or null; any other type is a structural error.
    private static JObject? Object(string name, JToken? value, string what)
        => value is null || value.Type == JTokenType.Null ? null
            : value as JObject ?? throw Invalid(name, value, $"not a SARIF log: {what} must be an object.");

    // An array property, absent or null (then empty); any other type is a structural error.
    private static JArray Array(string name, JToken? value, string what)
        => value is null || value.Type == JTokenType.Null ? new JArray()
            : value as JArray ?? throw Invalid(name, value, $"not a SARIF log: {what} must be an array.");

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
            try
            {
                if (Text(name, log["version"], "\"version\"") != "2.1.0") throw Invalid(name, log["version"], "only SARIF version 2.1.0 can be merged.");
                if (i == 0 && log["$schema"] is JValue s && s.Type == JTokenType.String) schema = (string)s!;
                foreach (var runToken in Array(name, log["runs"], "\"runs\""))
                {
                    if (runToken is not JObject run || Object(name, run["tool"], "\"tool\"")?["driver"] is not JObject driver)
                        throw Invalid(name, runToken, "not a SARIF log: a run without tool.driver");
                    var tool = Text(name, driver["name"], "the driver's name") ?? "";
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
                    var oldRules = Array(name, driver["rules"], "\"rules\"").OfType<JObject>().ToList();
                    var oldIds = oldRules.Select(r => Text(name, r["id"], "a rule's id")).ToList();
                    for (var r = 0; r < oldRules.Count; r++) merged.Rules.TryAdd(oldIds[r] ?? "", (JObject)oldRules[r].DeepClone());
                    string? RuleIdAt(JToken? index) => index?.Type == JTokenType.Integer && (long)index >= 0 && (long)index < oldRules.Count ? oldIds[(int)(long)index] : null;

                    foreach (var result in Array(name, run["results"], "\"results\"").OfType<JObject>())
                    {
                        var copy = (JObject)result.DeepClone();
                        // Keep the rule id; the index is recomputed once all rules are known.
                        var id = Text(name, result["ruleId"], "a result's ruleId") ?? RuleIdAt(result["ruleIndex"])
                            ?? Text(name, Object(name, result["rule"], "a result's rule")?["id"], "a result's rule.id");
                        if (id != null) copy["ruleId"] = id;
                        else copy.Remove("ruleId");
                        merged.Results.Add(copy);
                    }
                    foreach (var inv in Array(name, run["invocations"], "\"invocations\"").OfType<JObject>())
                    {
                        var copy = (JObject)inv.DeepClone();
                        foreach (var reference in DescriptorReferences(name, copy))
                        {
                            var id = Text(name, reference["id"], "a descriptor reference's id") ?? RuleIdAt(reference["index"]);
                            if (id != null) reference["id"] = id;
                            else reference.Remove("id");
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
            // Whatever shape the checks above did not foresee is still the log's fault, never an internal error.
            catch (Exception ex) when (ex is InvalidCastException or OverflowException or ArgumentException or InvalidOperationException or FormatException)
            {
                throw new InvalidDataException($"{name}: not a SARIF log: {ex.Message}", ex);
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
                foreach (var reference in DescriptorReferences(null, inv))
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

    private static IEnumerable<JObject> DescriptorReferences(string? name, JObject invocation)
    {
        JArray List(string property) => name is null ? invocation[property] as JArray ?? new JArray() : Array(name, invocation[property], $"\"{property}\"");
        foreach (var o in List("ruleConfigurationOverrides").OfType<JObject>())
            if (o["descriptor"] is JObject d) yield return d;
        foreach (var n in List("toolConfigurationNotifications").OfType<JObject>())
            if (n["associatedRule"] is JObject d) yield return d;
        foreach (var n in List("toolExecutionNotifications").OfType<JObject>())
            if (n["associatedRule"] is JObject d) yield return d;
    }
}
