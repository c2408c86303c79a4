using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Scoring;
using Vertrieb40.Rules.Text;

namespace Vertrieb40.Rules.Reporting;

/// <summary>
/// SARIF 2.1.0 (<c>--format sarif</c>), as Roslyn's <c>/errorlog</c>: one run for all inputs, a rule entry per
/// descriptor, results with physical (file, line, column) and logical (JSON Pointer) locations, fingerprints
/// from stable entity ids, suppressions, baseline states and configuration overrides. Byte-identical for the
/// same input: no timestamps, and rule timings only when <see cref="ReportContext.IncludeRuleTimings"/> asks.
/// </summary>
internal sealed class SarifReportWriter : IReportWriter
{
    /// <summary>The schema the output declares (the OASIS final 2.1.0 schema, errata 01).</summary>
    public const string SchemaUri = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    /// <summary>The base id that relative artifact URIs are resolved against.</summary>
    public const string SourceRootBaseId = "SRCROOT";
    /// <summary>The key of the partial fingerprint.</summary>
    public const string FingerprintKey = "vertrieb40/entity/v1";
    /// <summary>GitHub code scanning's fingerprint key (see <see cref="GitHubLineHash"/>).</summary>
    public const string GitHubLineHashKey = "primaryLocationLineHash";
    /// <summary>Where the tool is described.</summary>
    public const string InformationUri = "https://github.com/vertrieb40/Vertrieb40.Rules";

    /// <inheritdoc />
    public string Format => "sarif";

    /// <inheritdoc />
    public void Write(ReportContext context, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        var culture = context.Culture;
        var english = CultureInfo.GetCultureInfo("en");
        var baseDir = Path.GetFullPath(context.BaseDirectory ?? Directory.GetCurrentDirectory());
        var workingDir = Path.GetFullPath(context.WorkingDirectory ?? Directory.GetCurrentDirectory());

        // Rules: every descriptor, plus any that a result carries without being declared (custom analyzers).
        var descriptors = context.Descriptors
            .Concat(context.Results.SelectMany(r => r.Diagnostics).Select(d => d.Descriptor))
            .GroupBy(d => d.Id, StringComparer.Ordinal).Select(g => g.First())
            .OrderBy(d => d.Id, StringComparer.Ordinal).ToList();
        var ruleIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < descriptors.Count; i++) ruleIndex[descriptors[i].Id] = i;
        var lineHashes = LineHashes(context);

        using var w = new SafeJsonTextWriter(output) { Formatting = Formatting.Indented, CloseOutput = false };
        w.WriteStartObject();
        w.WritePropertyName("$schema"); w.WriteValue(SchemaUri);
        w.WritePropertyName("version"); w.WriteValue("2.1.0");
        w.WritePropertyName("runs");
        w.WriteStartArray();
        w.WriteStartObject();

        w.WritePropertyName("tool");
        w.WriteStartObject();
        w.WritePropertyName("driver");
        w.WriteStartObject();
        w.WritePropertyName("name"); w.WriteValue("vertrieb40");
        w.WritePropertyName("fullName"); w.WriteValue("Vertrieb40.Rules " + context.ToolVersion);
        w.WritePropertyName("version"); w.WriteValue(context.ToolVersion);
        w.WritePropertyName("semanticVersion"); w.WriteValue(context.ToolVersion);
        w.WritePropertyName("informationUri"); w.WriteValue(InformationUri);
        w.WritePropertyName("language"); w.WriteValue(LanguageOf(culture));
        w.WritePropertyName("rules");
        w.WriteStartArray();
        foreach (var d in descriptors) WriteRule(w, d, culture, english, context.RuleLinkBase);
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();

        WriteInvocation(w, context, ruleIndex, culture, workingDir, baseDir);

        // Several runs (one per configuration or category) coexist in GitHub code scanning when their ids differ.
        w.WritePropertyName("automationDetails");
        w.WriteStartObject();
        w.WritePropertyName("id"); w.WriteValue("vertrieb40/" + context.AutomationCategory + "/");
        w.WriteEndObject();

        w.WritePropertyName("language"); w.WriteValue(LanguageOf(culture));
        w.WritePropertyName("columnKind"); w.WriteValue("utf16CodeUnits");
        w.WritePropertyName("originalUriBaseIds");
        w.WriteStartObject();
        w.WritePropertyName(SourceRootBaseId);
        w.WriteStartObject();
        w.WritePropertyName("uri"); w.WriteValue(DirectoryUri(baseDir));
        w.WritePropertyName("description");
        w.WriteStartObject();
        w.WritePropertyName("text"); w.WriteValue("The source root (--source-root; by default the git work tree's root, else the working directory). Artifact URIs are relative to it.");
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();

        w.WritePropertyName("results");
        w.WriteStartArray();
        var privacy = new ReportPrivacy(context);
        foreach (var r in context.Results)
            foreach (var d in r.Diagnostics)
                WriteResult(w, d, privacy.Message(r, d), ruleIndex[d.Id], baseDir, lineHashes);
        w.WriteEndArray();

        WriteRunProperties(w, context, baseDir);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
        output.WriteLine();
    }

    /// <summary>GitHub's line hash of every primary location's first line, per file (files read once each).</summary>
    private static Dictionary<string, IReadOnlyDictionary<int, string>> LineHashes(ReportContext context)
    {
        var wanted = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        var fullPaths = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var r in context.Results)
            foreach (var d in r.Diagnostics)
                if (d.Location.FilePath is { } f && d.Location.Span.IsKnown)
                {
                    if (!fullPaths.TryGetValue(f, out var full)) fullPaths[f] = full = Path.GetFullPath(f);
                    if (!wanted.TryGetValue(full, out var set)) wanted[full] = set = new HashSet<int>();
                    set.Add(d.Location.Span.StartLine);
                }
        var result = new Dictionary<string, IReadOnlyDictionary<int, string>>(StringComparer.Ordinal);
        // An HR export's rows may come in any order: its values depend on the row alone (GitHubLineHash.OfRecordsFile).
        foreach (var (file, lines) in wanted)
            result[file] = IsRecordFile(file) ? GitHubLineHash.OfRecordsFile(file, lines) : GitHubLineHash.OfFile(file, lines);
        // Results look their file up as they name it (one full path per file, not per result).
        foreach (var (given, full) in fullPaths) result.TryAdd(given, result[full]);
        return result;
    }

    // The HR-export formats (the reader's own test; the Reporting layer does not use the Reading layer).
    private static bool IsRecordFile(string path)
        => path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase);

    private static string DirectoryUri(string dir)
    {
        var uri = new Uri(Path.EndsInDirectorySeparator(dir) ? dir : dir + Path.DirectorySeparatorChar).AbsoluteUri;
        return uri.EndsWith('/') ? uri : uri + "/";
    }

    private static void WriteRule(JsonWriter w, DiagnosticDescriptor d, CultureInfo culture, CultureInfo english, string? linkBase)
    {
        w.WriteStartObject();
        w.WritePropertyName("id"); w.WriteValue(d.Id);
        // A stable identifier-like name (SARIF guidance: PascalCase, language-neutral).
        w.WritePropertyName("name"); w.WriteValue(PascalName(d.Title.ToString(english), d.Id));
        w.WritePropertyName("shortDescription"); WriteMessage(w, EndSentence(d.Title.ToString(culture)));
        var full = d.Description.ToString(culture);
        w.WritePropertyName("fullDescription"); WriteMessage(w, EndSentence(string.IsNullOrWhiteSpace(full) ? d.Title.ToString(culture) : full));
        // GitHub shows help beside each alert; a link only where the pages are published (--rule-link-base).
        var (helpText, helpMarkdown) = RulePages.Help(d, culture);
        w.WritePropertyName("help");
        w.WriteStartObject();
        w.WritePropertyName("text"); w.WriteValue(helpText);
        w.WritePropertyName("markdown"); w.WriteValue(helpMarkdown);
        w.WriteEndObject();
        if (RulePages.LinkFor(d, linkBase) is { } link) { w.WritePropertyName("helpUri"); w.WriteValue(link); }
        w.WritePropertyName("defaultConfiguration");
        w.WriteStartObject();
        w.WritePropertyName("enabled"); w.WriteValue(d.IsEnabledByDefault);
        w.WritePropertyName("level"); w.WriteValue(Level(d.DefaultSeverity));
        w.WriteEndObject();
        w.WritePropertyName("properties");
        w.WriteStartObject();
        w.WritePropertyName("category"); w.WriteValue(d.Category);
        w.WritePropertyName("tags");
        w.WriteStartArray();
        w.WriteValue(d.Category);
        foreach (var t in d.CustomTags.OrderBy(t => t, StringComparer.Ordinal)) w.WriteValue(t);
        w.WriteEndArray();
        // GitHub code scanning files alerts with precision high as confirmed problems, not guesses.
        w.WritePropertyName("precision"); w.WriteValue("high");
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteInvocation(JsonWriter w, ReportContext context, Dictionary<string, int> ruleIndex, CultureInfo culture, string workingDir, string baseDir)
    {
        w.WritePropertyName("invocations");
        w.WriteStartArray();
        w.WriteStartObject();
        w.WritePropertyName("workingDirectory");
        w.WriteStartObject();
        w.WritePropertyName("uri"); w.WriteValue(DirectoryUri(workingDir));
        w.WriteEndObject();
        // A document that could not be read means the analysis did not complete (exit code 2).
        w.WritePropertyName("executionSuccessful"); w.WriteValue(context.Results.All(r => !r.InputFailed));
        var overrides = context.SeverityOverrides.OrderBy(o => o.RuleId, StringComparer.Ordinal).ToList();
        var known = overrides.Where(o => ruleIndex.ContainsKey(o.RuleId)).ToList();
        if (known.Count > 0)
        {
            w.WritePropertyName("ruleConfigurationOverrides");
            w.WriteStartArray();
            foreach (var o in known)
            {
                w.WriteStartObject();
                w.WritePropertyName("descriptor");
                WriteDescriptorReference(w, o.RuleId, ruleIndex[o.RuleId]);
                w.WritePropertyName("configuration");
                w.WriteStartObject();
                w.WritePropertyName("enabled"); w.WriteValue(o.Enabled);
                w.WritePropertyName("level"); w.WriteValue(Level(o.Severity));
                w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        if (overrides.Count > 0)
        {
            w.WritePropertyName("toolConfigurationNotifications");
            w.WriteStartArray();
            foreach (var o in overrides)
            {
                var isKnown = ruleIndex.TryGetValue(o.RuleId, out var index);
                var source = o.Source is null ? "" : ReportText.Format("Sarif_Source", culture, o.Source);
                var key = !isKnown ? "Sarif_UnknownRule" : !o.Enabled ? "Sarif_RuleOff" : "Sarif_RuleLevel";
                var text = ReportText.Format(key, culture, o.RuleId, source, Level(o.Severity));
                w.WriteStartObject();
                w.WritePropertyName("message"); WriteMessage(w, text);
                w.WritePropertyName("level"); w.WriteValue(isKnown ? "note" : "warning");
                if (isKnown)
                {
                    w.WritePropertyName("associatedRule");
                    WriteDescriptorReference(w, o.RuleId, index);
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        WriteCoverageNotifications(w, context, ruleIndex, culture, baseDir);
        w.WriteEndObject();
        w.WriteEndArray();
    }

    // A rule that could not judge a file is a condition met while analysing (SARIF 2.1.0 §3.20.21,
    // toolExecutionNotifications: "runtime conditions detected by the tool during the analysis"), not a
    // configuration problem (§3.20.22): one note per file and rule, associated with the rule, located at the file.
    // A rule not applicable by choice (switched off, not selected) is configuration: the overrides above say it.
    private static void WriteCoverageNotifications(JsonWriter w, ReportContext context, Dictionary<string, int> ruleIndex, CultureInfo culture, string baseDir)
    {
        var unable = context.Results.SelectMany(r => r.Coverage.Where(c => c.Status == Analysis.CoverageStatus.CouldNotCheck).Select(c => (r, c))).ToList();
        if (unable.Count == 0) return;
        w.WritePropertyName("toolExecutionNotifications");
        w.WriteStartArray();
        foreach (var (r, c) in unable)
        {
            w.WriteStartObject();
            w.WritePropertyName("message"); WriteMessage(w, EndSentence(CoverageText.CouldNotCheck(c, culture)));
            w.WritePropertyName("level"); w.WriteValue("note");
            if (r.FilePath != null)
            {
                w.WritePropertyName("locations");
                w.WriteStartArray();
                WriteLocation(w, new Location(r.FilePath, "", LineSpan.None), baseDir, null);
                w.WriteEndArray();
            }
            if (ruleIndex.TryGetValue(c.RuleId, out var index))
            {
                w.WritePropertyName("associatedRule");
                WriteDescriptorReference(w, c.RuleId, index);
            }
            w.WritePropertyName("properties");
            w.WriteStartObject();
            w.WritePropertyName("coverageStatus"); w.WriteValue(c.StatusName);
            w.WritePropertyName("missingFacts");
            w.WriteStartArray();
            foreach (var f in c.MissingFacts) w.WriteValue(f);
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void WriteResult(JsonWriter w, Diagnostic d, string message, int index, string baseDir,
        Dictionary<string, IReadOnlyDictionary<int, string>> lineHashes)
    {
        w.WriteStartObject();
        w.WritePropertyName("ruleId"); w.WriteValue(d.Id);
        w.WritePropertyName("ruleIndex"); w.WriteValue(index);
        w.WritePropertyName("level"); w.WriteValue(Level(d.Severity));
        w.WritePropertyName("message"); WriteMessage(w, message);
        w.WritePropertyName("locations");
        w.WriteStartArray();
        if (d.Location.FilePath != null || d.Location.JsonPointer.Length > 0) WriteLocation(w, d.Location, baseDir, null);
        w.WriteEndArray();
        if (d.AdditionalLocations.Count > 0)
        {
            w.WritePropertyName("relatedLocations");
            w.WriteStartArray();
            for (var i = 0; i < d.AdditionalLocations.Count; i++) WriteLocation(w, d.AdditionalLocations[i], baseDir, i);
            w.WriteEndArray();
        }
        w.WritePropertyName("partialFingerprints");
        w.WriteStartObject();
        // GitHub's own key, with the value its upload action computes (so it accepts it without a warning),
        // and our entity key beside it (stable whatever the file's layout; baselines use the same value).
        if (d.Location.FilePath is { } file && d.Location.Span.IsKnown
            && lineHashes.TryGetValue(file, out var hashes) && hashes.TryGetValue(d.Location.Span.StartLine, out var lineHash))
        {
            w.WritePropertyName(GitHubLineHashKey); w.WriteValue(lineHash);
        }
        w.WritePropertyName(FingerprintKey); w.WriteValue(Fingerprint(d));
        w.WriteEndObject();
        if (d.IsSuppressed)
        {
            w.WritePropertyName("suppressions");
            w.WriteStartArray();
            w.WriteStartObject();
            // Suppressions in the organisation document are "inSource"; a suppressions file sets the
            // property suppressionKind=external.
            var kind = d.Properties.TryGetValue("suppressionKind", out var k) && k == "external" ? "external" : "inSource";
            w.WritePropertyName("kind"); w.WriteValue(kind);
            w.WritePropertyName("status"); w.WriteValue("accepted");
            if (!string.IsNullOrEmpty(d.SuppressionJustification)) { w.WritePropertyName("justification"); w.WriteValue(d.SuppressionJustification); }
            w.WriteEndObject();
            w.WriteEndArray();
        }
        if (d.Properties.TryGetValue("baselineState", out var state) && state is "new" or "unchanged" or "updated" or "absent")
        {
            w.WritePropertyName("baselineState"); w.WriteValue(state);
        }
        w.WritePropertyName("properties");
        w.WriteStartObject();
        w.WritePropertyName("category"); w.WriteValue(d.Descriptor.Category);
        foreach (var kv in d.Properties.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (kv.Key is "category" or "argumentSources") continue;
            w.WritePropertyName(kv.Key); w.WriteValue(kv.Value);
        }
        JsonReportWriter.WriteArgumentSources(w, d);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteLocation(JsonWriter w, Location l, string baseDir, int? id)
    {
        w.WriteStartObject();
        if (id != null) { w.WritePropertyName("id"); w.WriteValue(id.Value); }
        if (l.FilePath != null)
        {
            w.WritePropertyName("physicalLocation");
            w.WriteStartObject();
            w.WritePropertyName("artifactLocation");
            w.WriteStartObject();
            var relative = RelativeUri(l.FilePath, baseDir);
            if (relative is null)
            {
                // Outside the source root: an absolute file URI (a ../ path would not resolve for consumers).
                w.WritePropertyName("uri"); w.WriteValue(new Uri(Path.GetFullPath(l.FilePath)).AbsoluteUri);
            }
            else
            {
                w.WritePropertyName("uri"); w.WriteValue(relative);
                w.WritePropertyName("uriBaseId"); w.WriteValue(SourceRootBaseId);
            }
            w.WriteEndObject();
            if (l.Span.IsKnown)
            {
                w.WritePropertyName("region");
                WriteRegion(w, l.Span);
                // The whole entity around a narrowed region, so a viewer can show the context.
                if (l.ContextSpan.IsKnown && l.ContextSpan != l.Span && Contains(l.ContextSpan, l.Span))
                {
                    w.WritePropertyName("contextRegion");
                    WriteRegion(w, l.ContextSpan);
                }
            }
            w.WriteEndObject();
        }
        w.WritePropertyName("logicalLocations");
        w.WriteStartArray();
        w.WriteStartObject();
        // Reports name structures, not people: a person's id is left out (the pointer still locates the entry).
        if (l.EntityId != null && l.EntityKind != "people") { w.WritePropertyName("name"); w.WriteValue(l.EntityId); }
        w.WritePropertyName("fullyQualifiedName"); w.WriteValue(l.JsonPointer.Length == 0 ? "/" : l.JsonPointer);
        // SARIF's own word for a JSON object; the collection goes into properties.
        w.WritePropertyName("kind"); w.WriteValue(l.JsonPointer.Length == 0 ? "module" : "object");
        if (l.EntityKind != null)
        {
            w.WritePropertyName("properties");
            w.WriteStartObject();
            w.WritePropertyName("entityKind"); w.WriteValue(l.EntityKind);
            w.WriteEndObject();
        }
        w.WriteEndObject();
        if (l.Sheet != null)
        {
            // A workbook: the worksheet is where the row and column of the region are (SARIF has no sheets of its own).
            w.WriteStartObject();
            w.WritePropertyName("name"); w.WriteValue(l.Sheet);
            w.WritePropertyName("kind"); w.WriteValue("worksheet");
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteRegion(JsonWriter w, LineSpan s)
    {
        var endLine = Math.Max(s.EndLine, s.StartLine);
        // Our end column is inclusive; SARIF's is the column after the region.
        var endColumn = s.EndLine < s.StartLine ? s.StartColumn + 1 : s.EndColumn + 1;
        if (endLine == s.StartLine && endColumn <= s.StartColumn) endColumn = s.StartColumn + 1;
        w.WriteStartObject();
        w.WritePropertyName("startLine"); w.WriteValue(s.StartLine);
        w.WritePropertyName("startColumn"); w.WriteValue(Math.Max(1, s.StartColumn));
        w.WritePropertyName("endLine"); w.WriteValue(endLine);
        w.WritePropertyName("endColumn"); w.WriteValue(Math.Max(2, endColumn));
        w.WriteEndObject();
    }

    private static bool Contains(LineSpan outer, LineSpan inner)
        => (outer.StartLine, outer.StartColumn).CompareTo((inner.StartLine, inner.StartColumn)) <= 0
           && (Math.Max(outer.EndLine, outer.StartLine), outer.EndColumn).CompareTo((Math.Max(inner.EndLine, inner.StartLine), inner.EndColumn)) >= 0;

    // How many people each rule reaches, per file (no per-unit lines: SARIF readers show run properties as a whole).
    private static void WriteExposureProperties(JsonWriter w, ReportContext context, string baseDir)
    {
        w.WritePropertyName("vertrieb40Exposure");
        w.WriteStartArray();
        foreach (var r in context.Results)
        {
            if (r.Exposure is null) continue;
            w.WriteStartObject();
            w.WritePropertyName("file"); w.WriteValue(r.FilePath is null ? null : RelativeUri(r.FilePath, baseDir));
            w.WritePropertyName("exposure"); ExposureJson.Write(w, r.Exposure, context.MinimumGroupSize, unitsOutput: null);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void WriteRunProperties(JsonWriter w, ReportContext context, string baseDir)
    {
        w.WritePropertyName("properties");
        w.WriteStartObject();
        w.WritePropertyName("vertrieb40Scores");
        w.WriteStartArray();
        foreach (var r in context.Results)
        {
            var score = r.Score(context.ScoreWeights);
            if (score is null) continue;
            w.WriteStartObject();
            w.WritePropertyName("file"); w.WriteValue(r.FilePath is null ? null : RelativeUri(r.FilePath, baseDir) ?? new Uri(Path.GetFullPath(r.FilePath)).AbsoluteUri);
            w.WritePropertyName("overall"); w.WriteValue(score.Organization.Overall.Score);
            if (score.RulesChecked is { } n && score.RulesTotal is { } m)
            {
                w.WritePropertyName("rulesChecked"); w.WriteValue(n);
                w.WritePropertyName("rulesTotal"); w.WriteValue(m);
            }
            foreach (var c in score.Organization.Categories)
            {
                w.WritePropertyName(char.ToLowerInvariant(c.Category[0]) + c.Category[1..]); w.WriteValue(c.Score);
            }
            // A category none of whose rules could judge the input is not scored (its number above means nothing).
            w.WritePropertyName("categoriesScored"); w.WriteValue(score.CategoriesScored);
            w.WritePropertyName("categoriesTotal"); w.WriteValue(score.CategoriesTotal);
            w.WritePropertyName("notScored");
            w.WriteStartArray();
            foreach (var c in score.Organization.Categories.Where(c => !c.Scored)) w.WriteValue(char.ToLowerInvariant(c.Category[0]) + c.Category[1..]);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        WriteExposureProperties(w, context, baseDir);
        // Coverage per file and rule, for consumers that read run properties rather than notifications.
        w.WritePropertyName("vertrieb40Coverage");
        w.WriteStartArray();
        foreach (var r in context.Results.Where(r => !r.InputFailed))
        {
            w.WriteStartObject();
            w.WritePropertyName("file"); w.WriteValue(r.FilePath is null ? null : RelativeUri(r.FilePath, baseDir));
            w.WritePropertyName("checked"); w.WriteValue(r.Coverage.Count(c => c.Status == Analysis.CoverageStatus.Checked));
            w.WritePropertyName("total"); w.WriteValue(r.Coverage.Count);
            w.WritePropertyName("couldNotCheck");
            w.WriteStartArray();
            foreach (var c in r.Coverage.Where(c => c.Status == Analysis.CoverageStatus.CouldNotCheck)) w.WriteValue(c.RuleId);
            w.WriteEndArray();
            w.WritePropertyName("notApplicable");
            w.WriteStartArray();
            foreach (var c in r.Coverage.Where(c => c.Status == Analysis.CoverageStatus.NotApplicable)) w.WriteValue(c.RuleId);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        if (context.IncludeRuleTimings)
        {
            w.WritePropertyName("ruleTimings");
            w.WriteStartArray();
            foreach (var r in context.Results)
                foreach (var t in r.RuleTimings)
                {
                    w.WriteStartObject();
                    w.WritePropertyName("file"); w.WriteValue(r.FilePath is null ? null : RelativeUri(r.FilePath, baseDir) ?? new Uri(Path.GetFullPath(r.FilePath)).AbsoluteUri);
                    w.WritePropertyName("rule"); w.WriteValue(t.RuleName);
                    w.WritePropertyName("ruleIds");
                    w.WriteStartArray();
                    foreach (var id in t.DiagnosticIds) w.WriteValue(id);
                    w.WriteEndArray();
                    w.WritePropertyName("elapsedMs"); w.WriteValue(Math.Round(t.Elapsed.TotalMilliseconds, 3));
                    w.WritePropertyName("firings"); w.WriteValue(t.Firings);
                    w.WriteEndObject();
                }
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    private static void WriteDescriptorReference(JsonWriter w, string id, int index)
    {
        w.WriteStartObject();
        w.WritePropertyName("id"); w.WriteValue(id);
        w.WritePropertyName("index"); w.WriteValue(index);
        w.WriteEndObject();
    }

    private static void WriteMessage(JsonWriter w, string text)
    {
        w.WriteStartObject();
        w.WritePropertyName("text"); w.WriteValue(text);
        w.WriteEndObject();
    }

    /// <summary>SARIF's level for a severity: error, warning, note, none.</summary>
    public static string Level(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "note",
        _ => "none",
    };

    /// <summary>
    /// The partial fingerprint: the baseline's fingerprint (rule id, entity kind, entity id, discriminator), so
    /// a finding keeps its identity when the document is reformatted or entities move, and SARIF and baselines agree.
    /// </summary>
    internal static string Fingerprint(Diagnostic d) => Baselines.DiagnosticFingerprint.Compute(d);

    /// <summary>
    /// A relative URI reference (forward slashes, percent-encoded segments) for a file path under
    /// <paramref name="baseDir"/>, whatever the working directory; null when the file is outside it.
    /// </summary>
    internal static string? RelativeUri(string filePath, string baseDir)
    {
        var full = Path.GetFullPath(filePath);
        var relative = Path.GetRelativePath(baseDir, full);
        if (Path.IsPathRooted(relative) || relative == ".." || relative.StartsWith("../", StringComparison.Ordinal)
            || relative.StartsWith("..\\", StringComparison.Ordinal)) return null;
        var segments = relative.Replace('\\', '/').Split('/');
        return string.Join("/", segments.Select(Uri.EscapeDataString));
    }

    private static string LanguageOf(CultureInfo culture) => culture.TwoLetterISOLanguageName == "de" ? "de" : "en";

    private static string EndSentence(string text)
    {
        text = text.Trim();
        return text.Length == 0 || text.EndsWith('.') || text.EndsWith('!') || text.EndsWith('?') ? text : text + ".";
    }

    private static string PascalName(string title, string fallback)
    {
        var sb = new StringBuilder();
        var upper = true;
        foreach (var ch in title)
        {
            if (ch < 128 && char.IsLetterOrDigit(ch))
            {
                sb.Append(upper ? char.ToUpperInvariant(ch) : ch);
                upper = false;
            }
            else upper = true;
        }
        return sb.Length == 0 || char.IsDigit(sb[0]) ? fallback : sb.ToString();
    }
}
