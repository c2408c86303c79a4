using Vertrieb40.Rules.IO;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Text;

namespace Vertrieb40.Rules.Baselines;

/// <summary>
/// The findings accepted at one point in time, so that an organisation can adopt the rules today and
/// fail only on new findings. Written as JSON, sorted, without timestamps (diff-friendly).
/// <code>
/// { "formatVersion": "1.0", "findings": [ { "ruleId": "VT3001", "file": "org.json",
///   "entityKind": "incentivePlans", "entityId": "ip-commission", "discriminator": "", "fingerprint": "…" } ] }
/// </code>
/// </summary>
public sealed class Baseline
{
    /// <summary>The largest baseline file read (256 MiB): more is a located error, never an out-of-memory crash.</summary>
    public const long MaxFileBytes = 256L * 1024 * 1024;

    /// <summary>The format version written.</summary>
    public const string FormatVersion = "1.0";
    /// <summary>The property set on each finding when a baseline is used: <c>new</c> or <c>unchanged</c>.</summary>
    public const string StateProperty = "baselineState";
    /// <summary>The value of <see cref="StateProperty"/> for a finding the baseline does not hold.</summary>
    public const string New = "new";
    /// <summary>The value of <see cref="StateProperty"/> for a finding the baseline holds.</summary>
    public const string Unchanged = "unchanged";

    /// <summary>Creates a baseline from entries.</summary>
    internal Baseline(IEnumerable<BaselineEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        Entries = entries.OrderBy(e => e.File, StringComparer.Ordinal).ThenBy(e => e.RuleId, StringComparer.Ordinal)
            .ThenBy(e => e.EntityKind, StringComparer.Ordinal).ThenBy(e => e.EntityId, StringComparer.Ordinal)
            .ThenBy(e => e.Discriminator, StringComparer.Ordinal).ToArray();
    }

    /// <summary>The accepted findings, sorted.</summary>
    internal IReadOnlyList<BaselineEntry> Entries { get; }

    /// <summary>True when a diagnostic can be baselined: an organisation finding (not the tool's own), not suppressed.</summary>
    public static bool IsBaselinable(Diagnostic diagnostic)
        => !diagnostic.IsSuppressed && !diagnostic.Descriptor.CustomTags.Contains(WellKnownTags.Compiler);

    /// <summary>The entry for a diagnostic.</summary>
    internal static BaselineEntry EntryFor(Diagnostic diagnostic)
    {
        var (kind, id) = DiagnosticFingerprint.Entity(diagnostic.Location);
        return new BaselineEntry(diagnostic.Id, Path.GetFileName(diagnostic.Location.FilePath ?? ""), kind, id,
            DiagnosticFingerprint.Discriminator(diagnostic), DiagnosticFingerprint.Compute(diagnostic));
    }

    /// <summary>A baseline of today's findings: every active organisation finding among the diagnostics (of one or more results).</summary>
    public static Baseline Create(IEnumerable<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        return new Baseline(diagnostics.Where(IsBaselinable).Select(EntryFor));
    }

    /// <summary>Writes the baseline as JSON.</summary>
    public void Write(TextWriter output)
    {
        using var w = new Text.SafeJsonTextWriter(output) { Formatting = Formatting.Indented, CloseOutput = false };
        w.WriteStartObject();
        w.WritePropertyName("formatVersion"); w.WriteValue(FormatVersion);
        w.WritePropertyName("tool"); w.WriteValue("vertrieb40");
        w.WritePropertyName("findings");
        w.WriteStartArray();
        foreach (var e in Entries)
        {
            w.WriteStartObject();
            w.WritePropertyName("ruleId"); w.WriteValue(e.RuleId);
            w.WritePropertyName("file"); w.WriteValue(e.File);
            w.WritePropertyName("entityKind"); w.WriteValue(e.EntityKind);
            w.WritePropertyName("entityId"); w.WriteValue(e.EntityId);
            w.WritePropertyName("discriminator"); w.WriteValue(e.Discriminator);
            w.WritePropertyName("fingerprint"); w.WriteValue(e.Fingerprint);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
        output.WriteLine();
    }

    /// <summary>Reads a baseline file; errors (VT0221) come with file, line and column, never as exceptions.</summary>
    public static BaselineReadResult Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            return Parse(IO.FileGuard.ReadAllText(path, MaxFileBytes, "Baseline.MaxFileBytes"), path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            return BaselineReadResult.Fail(Diagnostic.Create(InputDescriptors.BaselineFileInvalid, new Location(path, "", LineSpan.None),
                "the file cannot be read: " + ex.Message.TrimEnd('.')));
        }
    }

    /// <summary>Parses a baseline from text.</summary>
    public static BaselineReadResult Parse(string json, string? filePath = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        JToken root;
        try
        {
            using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None };
            root = JToken.ReadFrom(reader, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load });
        }
        catch (JsonReaderException ex)
        {
            var line = Math.Max(1, ex.LineNumber);
            var col = Math.Max(1, ex.LinePosition);
            return BaselineReadResult.Fail(Diagnostic.Create(InputDescriptors.BaselineFileInvalid,
                new Location(filePath, "", new LineSpan(line, col, line, col)), "not valid JSON: " + ex.Message.Split(" Path '")[0].TrimEnd('.')));
        }
        Diagnostic Error(JToken token, string pointer, string text)
        {
            var span = LineSpan.At(JsonTokenPosition.StartOf(token));
            return Diagnostic.Create(InputDescriptors.BaselineFileInvalid, new Location(filePath, pointer, span), text);
        }
        if (root is not JObject obj || obj["findings"] is not JArray findings)
            return BaselineReadResult.Fail(Error(root, "", "a baseline is an object with a 'findings' array (create one with 'vertrieb40 baseline create')"));
        if (obj["formatVersion"] is { } v && (v.Type != JTokenType.String || (string?)v != FormatVersion))
            return BaselineReadResult.Fail(Error(v, "/formatVersion", $"formatVersion must be \"{FormatVersion}\""));
        var entries = new List<BaselineEntry>();
        for (var i = 0; i < findings.Count; i++)
        {
            var pointer = "/findings/" + i;
            if (findings[i] is not JObject f) return BaselineReadResult.Fail(Error(findings[i], pointer, "a finding must be an object"));
            string? Field(string name, bool required)
            {
                var t = f[name];
                if (t is null) return required ? null : "";
                return t.Type == JTokenType.String ? (string?)t : null;
            }
            var ruleId = Field("ruleId", true);
            var file = Field("file", true);
            var kind = Field("entityKind", false);
            var id = Field("entityId", true);
            var disc = Field("discriminator", false);
            if (ruleId is null || file is null || kind is null || id is null || disc is null)
                return BaselineReadResult.Fail(Error(f, pointer, "a finding needs the strings ruleId, file and entityId (entityKind and discriminator are optional strings)"));
            // The fingerprint is recomputed from the fields, so a hand-edited entry cannot disagree with itself.
            var fingerprint = Hash(string.Join("|", ruleId, kind, id, disc));
            entries.Add(new BaselineEntry(ruleId, file, kind, id, disc, fingerprint));
        }
        return new BaselineReadResult(new Baseline(entries), Array.Empty<Diagnostic>());
    }

    internal static string Hash(string text)
        => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)), 0, 16).ToLowerInvariant(); // net8.0 has no ToHexStringLower

    /// <summary>
    /// Marks every baselinable diagnostic of one document <c>new</c> or <c>unchanged</c> (property
    /// <see cref="StateProperty"/>) and adds a VT0220 diagnostic for each baseline entry of this document
    /// that no longer occurs. Entries of other files are left alone.
    /// </summary>
    public List<Diagnostic> Compare(IReadOnlyList<Diagnostic> diagnostics, string? documentPath)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var file = Path.GetFileName(documentPath ?? "");
        var remaining = new Dictionary<string, List<BaselineEntry>>(StringComparer.Ordinal);
        foreach (var e in Entries.Where(e => e.File == file))
        {
            if (!remaining.TryGetValue(e.Fingerprint, out var l)) remaining[e.Fingerprint] = l = new List<BaselineEntry>();
            l.Add(e);
        }
        var result = new List<Diagnostic>(diagnostics.Count);
        foreach (var d in diagnostics)
        {
            if (!IsBaselinable(d)) { result.Add(d); continue; }
            var fp = DiagnosticFingerprint.Compute(d);
            var known = remaining.TryGetValue(fp, out var list) && list.Count > 0;
            if (known) list!.RemoveAt(list.Count - 1);
            result.Add(d.WithProperty(StateProperty, known ? Unchanged : New));
        }
        foreach (var e in remaining.Values.SelectMany(l => l))
            result.Add(Diagnostic.Create(InputDescriptors.BaselineFindingAbsent,
                new Location(documentPath, "", LineSpan.None, e.EntityKind.Length == 0 ? null : e.EntityKind, e.EntityId),
                e.RuleId, e.EntityKind.Length == 0 ? "the document" : e.EntityKind, e.EntityId));
        return result;
    }
}

/// <summary>What reading a baseline produced.</summary>
public sealed class BaselineReadResult
{
    internal BaselineReadResult(Baseline? baseline, IReadOnlyList<Diagnostic> diagnostics)
    {
        Baseline = baseline;
        Diagnostics = diagnostics;
    }

    internal static BaselineReadResult Fail(Diagnostic d) => new(null, new[] { d });

    /// <summary>The baseline, or null when the file has errors.</summary>
    public Baseline? Baseline { get; }
    /// <summary>Errors (VT0221) with file, line, column and JSON Pointer.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }
    /// <summary>True when the baseline cannot be used.</summary>
    public bool HasErrors => Baseline is null;
}
