using System.Globalization;
using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Vertrieb40.Rules.Baselines;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Reporting;
using Vertrieb40.Rules.Scoring;
using Vertrieb40.Rules.Text;

namespace Vertrieb40.Rules.Comparison;

/// <summary>What loading one snapshot produced: the snapshot, or the reasons it cannot be used.</summary>
internal sealed class SnapshotLoad
{
    internal SnapshotLoad(string path, Snapshot? snapshot, IReadOnlyList<Diagnostic> inputDiagnostics, IReadOnlyList<ComparisonError> errors, string? note)
    {
        Path = path;
        Snapshot = snapshot;
        InputDiagnostics = inputDiagnostics;
        Errors = errors;
        Note = note;
    }

    /// <summary>The file as given.</summary>
    public string Path { get; }
    /// <summary>The snapshot; null when the input cannot be used.</summary>
    public Snapshot? Snapshot { get; }
    /// <summary>The document's input errors (a document that cannot be read is not compared: no partial results).</summary>
    public IReadOnlyList<Diagnostic> InputDiagnostics { get; }
    /// <summary>Problems with a saved result (located), or a result that was refused.</summary>
    public IReadOnlyList<ComparisonError> Errors { get; }
    /// <summary>A remark for the user, e.g. that a saved result of another version was recomputed from its document.</summary>
    public string? Note { get; }
}

/// <summary>
/// Turns documents (any format the reader knows) and saved JSON results (<c>analyze --format json</c>) into
/// <see cref="Snapshot"/>s. A saved result made by another tool, another tool version or another result (score)
/// format is recomputed from the document it names when that document can be found, and refused with a clear
/// message otherwise — scores of different versions are not comparable.
/// </summary>
internal sealed partial class SnapshotLoader
{
    private readonly OrganizationAnalyzer _analyzer;
    private readonly AnalysisOptions _options;
    private readonly ReportContext _context;

    /// <summary>Creates a loader.</summary>
    /// <param name="analyzer">Analyses documents.</param>
    /// <param name="options">Analysis options (configuration, suppressions, rule options).</param>
    /// <param name="context">Culture, privacy (minimum group size, names) and score weights; its results are ignored.</param>
    public SnapshotLoader(OrganizationAnalyzer analyzer, AnalysisOptions options, ReportContext context)
    {
        _analyzer = analyzer ?? throw new ArgumentNullException(nameof(analyzer));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _context = context ?? throw new ArgumentNullException(nameof(context));
    }

    /// <summary>The version of this tool; saved results of another version are recomputed or refused.</summary>
    public string ToolVersion => _context.ToolVersion;

    /// <summary>The snapshot of an analysis (messages with the report's privacy policy applied).</summary>
    public static Snapshot FromResult(AnalysisResult result, ReportContext context)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(context);
        var privacy = new ReportPrivacy(context);
        var culture = context.Culture;
        var findings = new List<SnapshotFinding>();
        foreach (var d in result.Diagnostics)
        {
            if (!Counts(d)) continue;
            var entry = Baseline.EntryFor(d);
            findings.Add(new SnapshotFinding(d.Id, d.Descriptor.Category, d.Severity, d.Descriptor.Title.ToString(culture),
                privacy.Message(result, d), entry.EntityKind, entry.EntityId, entry.Fingerprint, d.Location.Span.IsKnown ? d.Location.Span.StartLine : 0));
        }
        var score = result.Score(context.ScoreWeights);
        List<SnapshotScore>? scores = null;
        if (score is not null)
        {
            var card = score.Organization;
            // Exact to 2 decimals, as the JSON result keeps it: a snapshot is the same from a document or its saved result.
            scores = new List<SnapshotScore> { new(VertriebScore.Overall, card.Overall.Score, Math.Round(card.Overall.Exact, 2)) };
            foreach (var c in VertriebScore.Categories) scores.Add(new SnapshotScore(c, card[c].Score, Math.Round(card[c].Exact, 2)));
        }
        var people = result.Exposure?.Rules.Where(r => r.People > 0).Select(r => new SnapshotRulePeople(r.RuleId, r.People)).ToList()
            ?? new List<SnapshotRulePeople>();
        return new Snapshot(result.FilePath ?? "", findings, scores, people, result.PeopleCount)
        {
            AsOf = result.AsOf ?? DateFromFileName(result.FilePath),
            OrganizationName = result.Outline?.Name,
        };
    }

    // The findings a comparison tracks: those a baseline would hold (organisation findings, not suppressed) that people see.
    private static bool Counts(Diagnostic d) => Baseline.IsBaselinable(d) && d.Severity != DiagnosticSeverity.Hidden;

    /// <summary>A date <c>yyyy-MM-dd</c> in a file name (e.g. <c>org-2026-03-31.json</c>); null when there is none.</summary>
    public static DateOnly? DateFromFileName(string? path)
    {
        if (string.IsNullOrEmpty(path)) return null;
        DateOnly? found = null;
        foreach (Match m in FileNameDate().Matches(Path.GetFileName(path)))
            if (DateOnly.TryParseExact(m.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) found = d;
        return found;
    }

    [GeneratedRegex(@"(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)")]
    private static partial Regex FileNameDate();

    /// <summary>Loads one snapshot: a document is analysed; a saved JSON result is read (or recomputed, or refused).</summary>
    public SnapshotLoad Load(string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (IsSavedResult(path)) return LoadResultFile(path, cancellationToken);
        return Analyze(path, null, cancellationToken);
    }

    /// <summary>
    /// Loads several snapshots, <paramref name="parallelism"/> at a time (the analyses are independent); the loads
    /// come back in the order of <paramref name="paths"/>.
    /// </summary>
    public IReadOnlyList<SnapshotLoad> LoadAll(IReadOnlyList<string> paths, int parallelism = 1, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var loads = new SnapshotLoad[paths.Count];
        Parallel.For(0, paths.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = cancellationToken },
            i => loads[i] = Load(paths[i], cancellationToken));
        return loads;
    }

    private SnapshotLoad Analyze(string documentPath, string? note, CancellationToken cancellationToken, string? shownAs = null)
    {
        var result = _analyzer.AnalyzeFile(documentPath, _options, cancellationToken);
        if (result.InputFailed)
            return new SnapshotLoad(shownAs ?? documentPath, null, result.Diagnostics, Array.Empty<ComparisonError>(), note);
        return new SnapshotLoad(shownAs ?? documentPath, FromResult(result, _context), Array.Empty<Diagnostic>(), Array.Empty<ComparisonError>(), note);
    }

    // A saved result starts with "formatVersion" (the JSON writer writes it first); an organisation document never
    // has that property. Only the first property is read, so a large document is not parsed twice.
    internal static bool IsSavedResult(string path)
    {
        if (!path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)) return false;
        try
        {
            // Special files (a FIFO, /dev/zero) are never opened here: the reader reports them.
            if (IO.FileGuard.Problem(path, long.MaxValue) != null) return false;
            using var stream = File.OpenRead(path);
            using var reader = new JsonTextReader(new StreamReader(stream)) { DateParseHandling = DateParseHandling.None };
            if (!reader.Read() || reader.TokenType != JsonToken.StartObject) return false;
            while (reader.Read() && reader.TokenType == JsonToken.Comment) { }
            return reader.TokenType == JsonToken.PropertyName && (string?)reader.Value == "formatVersion";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            return false; // the reader says what is wrong with the file
        }
    }

    private static SnapshotLoad Fail(string path, JToken? token, string pointer, string message)
    {
        var (line, col) = token is null ? (0, 0) : Text.JsonTokenPosition.StartOf(token);
        return new SnapshotLoad(path, null, Array.Empty<Diagnostic>(), new[] { new ComparisonError(path, line, col, pointer, message) }, null);
    }

    private SnapshotLoad LoadResultFile(string path, CancellationToken cancellationToken)
    {
        JToken root;
        try
        {
            var text = IO.FileGuard.ReadAllText(path, Baseline.MaxFileBytes, "Snapshot.MaxFileBytes");
            using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None };
            root = JToken.ReadFrom(reader, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load });
        }
        catch (JsonReaderException ex)
        {
            return new SnapshotLoad(path, null, Array.Empty<Diagnostic>(),
                new[] { new ComparisonError(path, Math.Max(1, ex.LineNumber), Math.Max(1, ex.LinePosition), "", "not valid JSON: " + ex.Message.Split(" Path '")[0].TrimEnd('.')) }, null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new SnapshotLoad(path, null, Array.Empty<Diagnostic>(), new[] { new ComparisonError(path, 0, 0, "", "the file cannot be read: " + ex.Message.TrimEnd('.')) }, null);
        }
        if (root is not JObject obj) return Fail(path, root, "", "a saved result is a JSON object (vertrieb40 analyze --format json)");
        if (obj["files"] is not JArray files) return Fail(path, obj, "/files", "a saved result needs a 'files' array (vertrieb40 analyze --format json)");
        if (files.Count != 1)
            return Fail(path, files, "/files", $"the result holds {files.Count} documents; a snapshot is one document (save one result per document)");
        if (files[0] is not JObject file) return Fail(path, files[0], "/files/0", "a file entry must be an object");

        var toolName = (obj["tool"] as JObject)?["name"]?.Type == JTokenType.String ? (string?)obj["tool"]!["name"] : null;
        var toolVersion = (obj["tool"] as JObject)?["version"]?.Type == JTokenType.String ? (string?)obj["tool"]!["version"] : null;
        var format = obj["formatVersion"]?.Type == JTokenType.String ? (string?)obj["formatVersion"] : null;
        var documentPath = file["path"]?.Type == JTokenType.String ? (string?)file["path"] : null;
        if (toolName != "vertrieb40" || format != JsonReportWriter.FormatVersion || toolVersion != ToolVersion)
        {
            var made = $"made by {toolName ?? "an unknown tool"} {toolVersion ?? ""} (result format {format ?? "unknown"})".Replace("  ", " ");
            var document = FindDocument(path, documentPath);
            if (document != null)
                return Analyze(document, $"{path}: {made}, not by vertrieb40 {ToolVersion} (result format {JsonReportWriter.FormatVersion}); recomputed from its document {document}", cancellationToken, path);
            return Fail(path, obj["formatVersion"] ?? obj, "/formatVersion",
                $"the result was {made}; scores of other versions are not comparable with vertrieb40 {ToolVersion} (result format {JsonReportWriter.FormatVersion}), "
                + $"and its document '{documentPath ?? "(not named)"}' cannot be found — pass the document instead, or analyse it again with --format json");
        }
        if (file["inputFailed"]?.Type == JTokenType.Boolean && (bool)file["inputFailed"]!)
            return Fail(path, file["inputFailed"], "/files/0/inputFailed", "the result's document had input errors: it was not analysed, so there is nothing to compare");
        if (file["diagnostics"] is not JArray diagnostics) return Fail(path, file, "/files/0/diagnostics", "a file entry needs a 'diagnostics' array");

        var findings = new List<SnapshotFinding>();
        for (var i = 0; i < diagnostics.Count; i++)
        {
            var pointer = "/files/0/diagnostics/" + i;
            if (diagnostics[i] is not JObject d) return Fail(path, diagnostics[i], pointer, "a diagnostic must be an object");
            string? S(JToken? t) => t?.Type == JTokenType.String ? (string?)t : null;
            var id = S(d["id"]);
            var category = S(d["category"]);
            var severity = S(d["severity"]);
            var location = d["location"] as JObject;
            if (id is null || category is null || severity is null || location is null || S(location["pointer"]) is null)
                return Fail(path, d, pointer, "a diagnostic needs the strings id, category, severity and a location with a pointer");
            if (d["suppressed"]?.Type == JTokenType.Boolean && (bool)d["suppressed"]!) continue;
            if (category is DiagnosticCategories.Input or DiagnosticCategories.Internal or DiagnosticCategories.Configuration) continue;
            if (!TryParseSeverity(severity, out var sev)) return Fail(path, d["severity"], pointer + "/severity", "severity must be error, warning, info or hidden");
            if (sev == DiagnosticSeverity.Hidden) continue;
            var entityId = S(location["entityId"]);
            var kind = entityId is null ? "" : S(location["entityKind"]) ?? "";
            var key = entityId ?? S(location["pointer"])!;
            var discriminator = Discriminator(d["properties"] as JObject);
            var fingerprint = Baseline.Hash(string.Join("|", id, kind, key, discriminator));
            var line = location["line"]?.Type == JTokenType.Integer ? (int)location["line"]! : 0;
            findings.Add(new SnapshotFinding(id, category, sev, S(d["title"]) ?? id, S(d["message"]) ?? "", kind, key, fingerprint, line));
        }
        List<SnapshotScore>? scores = null;
        if (file["score"] is JObject score)
        {
            scores = new List<SnapshotScore>();
            if (ScoreOf(score["overall"], VertriebScore.Overall) is not { } overall) return Fail(path, score, "/files/0/score/overall", "a score needs 'overall' with 'score' and 'exact'");
            scores.Add(overall);
            foreach (var c in VertriebScore.Categories)
            {
                if (ScoreOf(score["categories"]?[c], c) is not { } s) return Fail(path, score, "/files/0/score/categories/" + c, $"a score needs the category '{c}' with 'score' and 'exact'");
                scores.Add(s);
            }
        }
        var people = new List<SnapshotRulePeople>();
        if (file["exposure"]?["rules"] is JArray rules)
            foreach (var r in rules)
                if (r["ruleId"]?.Type == JTokenType.String && r["people"]?.Type == JTokenType.Integer && (int)r["people"]! > 0)
                    people.Add(new SnapshotRulePeople((string)r["ruleId"]!, (int)r["people"]!));
        DateOnly? asOf = null;
        if (file["asOf"] is { Type: JTokenType.String } a)
        {
            if (!DateOnly.TryParseExact((string)a!, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                return Fail(path, a, "/files/0/asOf", "asOf must be a date like 2026-03-31");
            asOf = date;
        }
        var count = file["people"]?.Type == JTokenType.Integer ? (int)file["people"]! : 0;
        return new SnapshotLoad(path, new Snapshot(path, findings, scores, people, count) { AsOf = asOf ?? DateFromFileName(path) ?? DateFromFileName(documentPath) },
            Array.Empty<Diagnostic>(), Array.Empty<ComparisonError>(), null);
    }

    private static SnapshotScore? ScoreOf(JToken? token, string category)
        => token is JObject o && o["score"]?.Type == JTokenType.Integer && o["exact"]?.Type is JTokenType.Float or JTokenType.Integer
            ? new SnapshotScore(category, (int)o["score"]!, (double)o["exact"]!)
            : null;

    // The same discriminator as DiagnosticFingerprint.Discriminator, from the properties a saved result holds.
    private static string Discriminator(JObject? properties)
    {
        if (properties is null) return "";
        if (properties[DiagnosticFingerprint.DiscriminatorProperty] is { Type: JTokenType.String } explicitValue) return (string)explicitValue!;
        return string.Join(";", properties.Properties()
            .Where(p => p.Name.EndsWith("Id", StringComparison.Ordinal) && p.Name.Length > 2)
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => p.Name + "=" + (p.Value.Type == JTokenType.Null ? "" : p.Value.ToString())));
    }

    private static bool TryParseSeverity(string text, out DiagnosticSeverity severity)
    {
        switch (text)
        {
            case "error": severity = DiagnosticSeverity.Error; return true;
            case "warning": severity = DiagnosticSeverity.Warning; return true;
            case "info": severity = DiagnosticSeverity.Info; return true;
            case "hidden": severity = DiagnosticSeverity.Hidden; return true;
            default: severity = default; return false;
        }
    }

    // The document a result names: as written (relative to the working directory), else next to the result.
    private static string? FindDocument(string resultPath, string? documentPath)
    {
        if (string.IsNullOrEmpty(documentPath)) return null;
        if (File.Exists(documentPath) && !SameFile(documentPath, resultPath)) return documentPath;
        var beside = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(resultPath)) ?? "", Path.GetFileName(documentPath));
        return File.Exists(beside) && !SameFile(beside, resultPath) && !IsSavedResult(beside) ? beside : null;
    }

    private static bool SameFile(string a, string b) => IO.FileGuard.SameFile(a, b);
}
