using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Fixes;
using Vertrieb40.Rules.Reading;
using Vertrieb40.Rules.Reporting;

namespace Vertrieb40.Rules.Comparison;

/// <summary>One selection of a fixes file: the fixes of a rule, on every finding of it or only on the named entities.</summary>
/// <param name="RuleId">A fixable rule id (see <see cref="OrganizationFixer.BuiltInProviders"/>).</param>
/// <param name="EntityIds">Only the findings on these entities; every finding of the rule when empty.</param>
internal sealed record FixSelection(string RuleId, IReadOnlyList<string> EntityIds);

/// <summary>
/// The fixes a what-if applies (<c>analyze --what-if fixes.json</c>), read from JSON:
/// <code>
/// { "formatVersion": "1.0",
///   "fixes": [ { "ruleId": "VT3001" }, { "ruleId": "VT1010", "entityIds": ["m-pipeline-review"] } ] }
/// </code>
/// Errors name the file, line, column and JSON Pointer.
/// </summary>
internal sealed class FixesFile
{
    /// <summary>The format version read and written.</summary>
    public const string FormatVersion = "1.0";

    /// <summary>The largest fixes file read (1 MiB).</summary>
    public const long MaxFileBytes = 1024 * 1024;

    private FixesFile(IReadOnlyList<FixSelection> selections) => Selections = selections;

    /// <summary>The selections, in file order.</summary>
    public IReadOnlyList<FixSelection> Selections { get; }

    /// <summary>Every fix the built-in providers offer (all fixable rules).</summary>
    public static FixesFile All { get; } = new(Array.Empty<FixSelection>());

    /// <summary>A selection of whole rules (<c>fix --rule ID</c>); all fixable rules when empty.</summary>
    public static FixesFile ForRules(IEnumerable<string> ruleIds)
        => new((ruleIds ?? throw new ArgumentNullException(nameof(ruleIds))).Select(r => new FixSelection(r, Array.Empty<string>())).ToList());

    /// <summary>True when the selection takes a finding (no selections: every fixable finding).</summary>
    public bool Selects(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        if (Selections.Count == 0) return true;
        foreach (var s in Selections)
        {
            if (!string.Equals(s.RuleId, diagnostic.Id, StringComparison.OrdinalIgnoreCase)) continue;
            if (s.EntityIds.Count == 0 || (diagnostic.Location.EntityId is { } id && s.EntityIds.Contains(id, StringComparer.Ordinal))) return true;
        }
        return false;
    }

    /// <summary>Reads a fixes file; <paramref name="errors"/> holds located problems (then the result is null).</summary>
    public static FixesFile? Read(string path, out IReadOnlyList<ComparisonError> errors)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            return Parse(IO.FileGuard.ReadAllText(path, MaxFileBytes, "FixesFile.MaxFileBytes"), path, out errors);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            errors = new[] { new ComparisonError(path, 0, 0, "", "the fixes file cannot be read: " + ex.Message.TrimEnd('.')) };
            return null;
        }
    }

    /// <summary>Parses a fixes file's text.</summary>
    public static FixesFile? Parse(string json, string path, out IReadOnlyList<ComparisonError> errors)
    {
        ArgumentNullException.ThrowIfNull(json);
        var list = new List<ComparisonError>();
        errors = list;
        JToken root;
        try
        {
            using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None };
            root = JToken.ReadFrom(reader, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load, DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error });
            if (reader.Read() && reader.TokenType != JsonToken.Comment)
            {
                list.Add(new ComparisonError(path, reader.LineNumber, reader.LinePosition, "", "text after the end of the fixes object"));
                return null;
            }
        }
        catch (JsonReaderException ex)
        {
            list.Add(new ComparisonError(path, Math.Max(1, ex.LineNumber), Math.Max(1, ex.LinePosition), "", "not valid JSON: " + ex.Message.Split(" Path '")[0].TrimEnd('.')));
            return null;
        }
        void Error(JToken token, string pointer, string message)
        {
            var (line, col) = token is null ? (0, 0) : Text.JsonTokenPosition.StartOf(token);
            list.Add(new ComparisonError(path, line, col, pointer, message));
        }
        if (root is not JObject obj || obj["fixes"] is not JArray fixes)
        {
            Error(root, "", "a fixes file is an object with a 'fixes' array, e.g. { \"formatVersion\": \"1.0\", \"fixes\": [ { \"ruleId\": \"VT3001\" } ] }");
            return null;
        }
        foreach (var p in obj.Properties())
            if (p.Name is not ("formatVersion" or "fixes" or "$schema" or "description"))
                Error(p, "/" + Text.JsonPointer.Escape(p.Name), $"unknown property '{p.Name}' (formatVersion, fixes)");
        if (obj["formatVersion"] is { } v && (v.Type != JTokenType.String || (string?)v != FormatVersion))
            Error(v, "/formatVersion", $"formatVersion must be \"{FormatVersion}\"");
        var fixable = OrganizationFixer.BuiltInProviders.SelectMany(p => p.FixableDiagnosticIds).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var selections = new List<FixSelection>();
        for (var i = 0; i < fixes.Count; i++)
        {
            var pointer = "/fixes/" + i;
            if (fixes[i] is not JObject f) { Error(fixes[i], pointer, "a fix is an object with a 'ruleId'"); continue; }
            foreach (var p in f.Properties())
                if (p.Name is not ("ruleId" or "entityIds" or "description"))
                    Error(p, pointer + "/" + Text.JsonPointer.Escape(p.Name), $"unknown property '{p.Name}' (ruleId, entityIds, description)");
            if (f["ruleId"] is not { Type: JTokenType.String } ruleToken) { Error(f["ruleId"] ?? f, f["ruleId"] is null ? pointer : pointer + "/ruleId", "a fix needs the string 'ruleId'"); continue; }
            var ruleId = (string)ruleToken!;
            if (!fixable.Contains(ruleId))
            {
                Error(ruleToken, pointer + "/ruleId", $"there is no fix for '{ruleId}'; fixable: {string.Join(", ", fixable.OrderBy(x => x, StringComparer.Ordinal))}");
                continue;
            }
            var ids = new List<string>();
            if (f["entityIds"] is { } idsToken)
            {
                if (idsToken is not JArray arr) { Error(idsToken, pointer + "/entityIds", "entityIds must be an array of entity ids"); continue; }
                for (var k = 0; k < arr.Count; k++)
                {
                    if (arr[k].Type != JTokenType.String || string.IsNullOrEmpty((string?)arr[k])) Error(arr[k], pointer + "/entityIds/" + k, "an entity id must be a non-empty string");
                    else ids.Add((string)arr[k]!);
                }
            }
            selections.Add(new FixSelection(ruleId.ToUpperInvariant(), ids));
        }
        if (list.Count > 0) return null;
        return new FixesFile(selections);
    }
}

/// <summary>What a what-if projected: today's snapshot, the snapshot after the fixes, their diff and the fixes applied.</summary>
internal sealed class WhatIfResult
{
    internal WhatIfResult(AnalysisResult today, AnalysisResult projected, SnapshotDiff diff, IReadOnlyList<AppliedFix> applied)
    {
        Today = today;
        Projected = projected;
        Diff = diff;
        Applied = applied;
    }

    /// <summary>The analysis of the document as it is.</summary>
    public AnalysisResult Today { get; }
    /// <summary>The analysis of the document with the fixes applied in memory.</summary>
    public AnalysisResult Projected { get; }
    /// <summary>Today → projected.</summary>
    public SnapshotDiff Diff { get; }
    /// <summary>The fixes applied, in order.</summary>
    public IReadOnlyList<AppliedFix> Applied { get; }
}

/// <summary>
/// What-if: applies selected fixes to a document's text in memory, analyses the result, and compares it with
/// today's analysis. The input is never written.
/// </summary>
internal static class WhatIf
{
    /// <summary>
    /// Projects the effect of <paramref name="fixes"/> on the document <paramref name="text"/> (from <paramref name="filePath"/>).
    /// Returns null when the document has input errors (<paramref name="inputDiagnostics"/> holds them).
    /// </summary>
    public static WhatIfResult? Project(string text, string filePath, FixesFile fixes, OrganizationAnalyzer analyzer, AnalysisOptions options,
        ReportContext context, out IReadOnlyList<Diagnostic> inputDiagnostics)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fixes);
        ArgumentNullException.ThrowIfNull(analyzer);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        var load = OrganizationReader.ReadString(text, filePath, options.Reader);
        inputDiagnostics = load.Diagnostics;
        if (load.HasErrors) return null;
        var today = analyzer.Analyze(load, options);
        LoadResult? notRead = null;
        var fix = OrganizationFixer.Fix(text, filePath, analyzer, options, null, null, ref notRead, fixes.Selects);
        var projected = fix.Changed ? analyzer.Analyze(OrganizationReader.ReadString(fix.Fixed.Text, filePath, options.Reader), options) : today;
        var diff = SnapshotDiff.Compare(SnapshotLoader.FromResult(today, context), SnapshotLoader.FromResult(projected, context));
        return new WhatIfResult(today, projected, diff, fix.Applied);
    }

    /// <summary>The report options of a what-if: "today" and "after the fixes", and one note per applied fix.</summary>
    public static ComparisonReportOptions ReportOptions(WhatIfResult result, ComparisonReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(options);
        var c = options.Culture;
        var notes = new List<string> { ComparisonText.Format("WhatIf_Applied", c, result.Applied.Count) };
        notes.AddRange(result.Applied.Select(f => "• " + f.Diagnostic.Id + ": " + f.Title));
        return options with
        {
            Title = options.Title ?? ComparisonText.Get("WhatIf_Title", c),
            BeforeLabel = ComparisonText.Get("WhatIf_Today", c),
            AfterLabel = ComparisonText.Get("WhatIf_After", c),
            Notes = notes,
        };
    }
}
