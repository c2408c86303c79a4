using System.Text.RegularExpressions;
using Vertrieb40.Rules.Diagnostics;

namespace Vertrieb40.Rules.Configuration;

/// <summary>
/// A configuration checked against the descriptors that are loaded: severities by id, by category and
/// for all, rule options, and a warning for every entry that has no effect.
/// </summary>
internal sealed partial class EffectiveConfiguration
{
    internal const string IdPrefix = "vertrieb40_diagnostic.";
    internal const string BulkPrefix = "vertrieb40_analyzer_diagnostic.";
    internal const string SeveritySuffix = ".severity";
    internal const string CategoryPrefix = "category-";

    private readonly Dictionary<string, ConfigSeverity> _byId = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, ConfigSeverity> _byCategory = new(StringComparer.OrdinalIgnoreCase);
    private ConfigSeverity? _all;
    // Which entry set each severity (by "id:", "category:" or "all"), for the overrides a report lists.
    private readonly Dictionary<string, ConfigEntry> _severitySource = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Rule options from the files, with the entry that set each (the last one wins).</summary>
    public Dictionary<string, ConfigEntry> RuleOptions { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Entries without effect and reading problems.</summary>
    public List<Diagnostic> Problems { get; } = new();

    public static EffectiveConfiguration Build(AnalyzerConfiguration configuration, IReadOnlyList<DiagnosticDescriptor> known)
    {
        var result = new EffectiveConfiguration();
        result.Problems.AddRange(configuration.Problems);
        var ids = known.ToDictionary(d => d.Id, StringComparer.OrdinalIgnoreCase);
        var categories = new HashSet<string>(known.Where(d => !d.IsNotConfigurable).Select(d => d.Category), StringComparer.OrdinalIgnoreCase);
        foreach (var entry in configuration.Entries) result.Add(entry, ids, categories);
        return result;
    }

    private void Add(ConfigEntry entry, Dictionary<string, DiagnosticDescriptor> ids, HashSet<string> categories)
    {
        var key = entry.Key;
        if (key.Equals("is_global", StringComparison.OrdinalIgnoreCase) || key.Equals("global_level", StringComparison.OrdinalIgnoreCase))
            return;
        if (key.StartsWith(IdPrefix, StringComparison.OrdinalIgnoreCase) && key.EndsWith(SeveritySuffix, StringComparison.OrdinalIgnoreCase)
            && key.Length > IdPrefix.Length + SeveritySuffix.Length)
        {
            var id = key[IdPrefix.Length..^SeveritySuffix.Length];
            if (!ids.TryGetValue(id, out var descriptor)) { ReportUnknownId(entry, key, id, ids.Keys); return; }
            if (descriptor.IsNotConfigurable) { Report(InputDescriptors.ConfigNotConfigurable, entry, key, descriptor.Id); return; }
            if (ParseSeverity(entry) is { } s) { _byId[descriptor.Id] = s; _severitySource["id:" + descriptor.Id] = entry; }
            return;
        }
        if (key.StartsWith(BulkPrefix, StringComparison.OrdinalIgnoreCase) && key.EndsWith(SeveritySuffix, StringComparison.OrdinalIgnoreCase))
        {
            var middle = key.Length >= BulkPrefix.Length + SeveritySuffix.Length ? key[BulkPrefix.Length..^SeveritySuffix.Length] : "";
            if (middle.Length == 0)
            {
                if (ParseSeverity(entry) is { } s) { _all = s; _severitySource["all"] = entry; }
                return;
            }
            if (middle.StartsWith(CategoryPrefix, StringComparison.OrdinalIgnoreCase) && middle.Length > CategoryPrefix.Length)
            {
                var category = middle[CategoryPrefix.Length..];
                if (!categories.Contains(category)) { Report(InputDescriptors.ConfigUnknownId, entry, key, category); return; }
                if (ParseSeverity(entry) is { } s) { _byCategory[category] = s; _severitySource["category:" + category] = entry; }
                return;
            }
        }
        if (key.StartsWith("vertrieb40_", StringComparison.OrdinalIgnoreCase))
        {
            Report(InputDescriptors.ConfigUnknownKey, entry, key);
            return;
        }
        var dot = key.IndexOf('.');
        if (dot > 0 && dot < key.Length - 1 && IdPattern().IsMatch(key[..dot]))
        {
            var id = key[..dot];
            if (!ids.TryGetValue(id, out var descriptor))
            {
                // A .globalconfig is shared with other tools: only our own ids are ours to judge.
                if (!IsShared(entry) || id.StartsWith("VT", StringComparison.OrdinalIgnoreCase)) ReportUnknownId(entry, key, id, ids.Keys);
                return;
            }
            RuleOptions[descriptor.Id + key[dot..]] = entry;
            return;
        }
        if (!IsShared(entry)) Report(InputDescriptors.ConfigUnknownKey, entry, key);
    }

    private static bool IsShared(ConfigEntry entry)
        => entry.FilePath != null && Path.GetFileName(entry.FilePath).Equals(AnalyzerConfiguration.GlobalConfigFileName, StringComparison.OrdinalIgnoreCase);

    private ConfigSeverity? ParseSeverity(ConfigEntry entry)
    {
        if (ConfigSeverityExtensions.TryParse(entry.Value, out var s)) return s;
        Problems.Add(Diagnostic.Create(InputDescriptors.ConfigInvalidValue, ValueLocation(entry), entry.Key, entry.Value, ConfigSeverityExtensions.Words));
        return null;
    }

    // "Did you mean …": the loaded id closest to a misspelt one, when there is a plausible one.
    private void ReportUnknownId(ConfigEntry entry, string key, string id, IEnumerable<string> known)
    {
        if (Text.NearestName.Find(id, known) is { } near) Report(InputDescriptors.ConfigUnknownIdSuggest, entry, key, id, near);
        else Report(InputDescriptors.ConfigUnknownId, entry, key, id);
    }

    private void Report(DiagnosticDescriptor descriptor, ConfigEntry entry, params object?[] args)
        => Problems.Add(Diagnostic.Create(descriptor, KeyLocation(entry), args));

    internal static Location KeyLocation(ConfigEntry e)
        => new(e.FilePath, "", new LineSpan(e.Line, e.Column, e.Line, e.Column + Math.Max(0, e.Key.Length - 1)));

    internal static Location ValueLocation(ConfigEntry e)
        => new(e.FilePath, "", new LineSpan(e.Line, e.ValueColumn, e.Line, e.ValueColumn + Math.Max(0, e.Value.Length - 1)));

    /// <summary>
    /// The diagnostic with its configured severity, or null when it is switched off. NotConfigurable
    /// descriptors keep their severity; a rule disabled by default reports only when configured.
    /// </summary>
    public Diagnostic? Apply(Diagnostic diagnostic)
    {
        var descriptor = diagnostic.Descriptor;
        if (descriptor.IsNotConfigurable) return diagnostic;
        ConfigSeverity? configured = _byId.TryGetValue(descriptor.Id, out var s) ? s
            : _byCategory.TryGetValue(descriptor.Category, out var c) ? c
            : _all;
        if (configured is null || configured == ConfigSeverity.Default)
            return descriptor.IsEnabledByDefault ? diagnostic.WithSeverity(descriptor.DefaultSeverity) : null;
        var severity = configured.Value.ToDiagnosticSeverity(descriptor);
        return severity is null ? null : diagnostic.WithSeverity(severity.Value);
    }

    /// <summary>True when diagnostics of the descriptor are reported at all under this configuration (severity not none).</summary>
    public bool IsEnabled(DiagnosticDescriptor descriptor)
    {
        if (descriptor.IsNotConfigurable) return true;
        ConfigSeverity? configured = _byId.TryGetValue(descriptor.Id, out var s) ? s
            : _byCategory.TryGetValue(descriptor.Category, out var c) ? c
            : _all;
        if (configured is null || configured == ConfigSeverity.Default) return descriptor.IsEnabledByDefault;
        return configured.Value.ToDiagnosticSeverity(descriptor) is not null;
    }

    /// <summary>
    /// The rules whose severity this configuration changes (SARIF <c>ruleConfigurationOverrides</c>): every
    /// configurable descriptor whose effective severity or on/off state differs from its default, with the file
    /// name (or option) that set it.
    /// </summary>
    public IReadOnlyList<RuleSeverityOverride> Overrides(IEnumerable<DiagnosticDescriptor> known)
    {
        var overrides = new List<RuleSeverityOverride>();
        foreach (var descriptor in known)
        {
            if (descriptor.IsNotConfigurable) continue;
            var (configured, source) = _byId.TryGetValue(descriptor.Id, out var s) ? (s, "id:" + descriptor.Id)
                : _byCategory.TryGetValue(descriptor.Category, out var c) ? (c, "category:" + descriptor.Category)
                : (_all, "all");
            if (configured is null || configured == ConfigSeverity.Default) continue;
            var severity = configured.Value.ToDiagnosticSeverity(descriptor);
            var enabled = severity is not null;
            if (enabled == descriptor.IsEnabledByDefault && (severity ?? descriptor.DefaultSeverity) == descriptor.DefaultSeverity) continue;
            var entry = _severitySource.GetValueOrDefault(source);
            overrides.Add(new RuleSeverityOverride(descriptor.Id, severity ?? descriptor.DefaultSeverity, enabled, SourceName(entry)));
        }
        return overrides.OrderBy(o => o.RuleId, StringComparer.Ordinal).ToArray();
    }

    // The file's name only: a report must not carry the machine's directories, and stays the same on every machine.
    private static string? SourceName(ConfigEntry? entry)
        => entry is null ? null : entry.FilePath is { Length: > 0 } path ? Path.GetFileName(path) : CodeSource;

    /// <summary>The source named for severities set in code (<see cref="AnalysisOptions.WithSeverity"/>).</summary>
    internal const string CodeSource = "AnalysisOptions.WithSeverity";

    [GeneratedRegex("^[A-Za-z]{2,5}[0-9]{4}$")]
    private static partial Regex IdPattern();
}
