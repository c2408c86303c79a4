using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Configuration;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Model;
using Vertrieb40.Rules.Suppressions;

namespace Vertrieb40.Rules;

/// <summary>
/// The stage after the rules: configured severities, suppressions, warnings as errors, baseline — in this
/// order, so that a suppression sees the configured severity and the baseline sees what is still active.
/// </summary>
internal static class DiagnosticPipeline
{
    /// <summary>Options from the configuration, overridden by options given directly (API, <c>--rule-option</c>).</summary>
    public static RuleOptions MergeRuleOptions(EffectiveConfiguration configuration, RuleOptions direct)
    {
        if (configuration.RuleOptions.Count == 0) return direct;
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, entry) in configuration.RuleOptions) values[key] = entry.Value;
        foreach (var (key, value) in direct.Values) values[key] = value;
        return new RuleOptions(values);
    }

    public static List<Diagnostic> Process(IEnumerable<Diagnostic> diagnostics, EffectiveConfiguration configuration,
        RuleOptions ruleOptions, AnalysisOptions options, Organization organization,
        IReadOnlyDictionary<string, string>? optionsWithoutEffect = null)
    {
        var list = new List<Diagnostic>();
        foreach (var d in diagnostics)
            if (configuration.Apply(d) is { } configured) list.Add(configured);

        // Suppressions from a file meet the pseudonymised document on its terms (and quote no original person id).
        var suppressions = organization.Suppressions.Concat(Privacy.PersonPrivacy.ApplyToSuppressions(options.Suppressions, organization, options.Reader.Privacy?.Pseudonymizer)).ToList();
        if (suppressions.Count > 0)
            list = SuppressionMatcher.Apply(list, suppressions, options.Today ?? DateOnly.FromDateTime(DateTime.UtcNow));

        list.AddRange(configuration.Problems);
        list.AddRange(OptionProblems(configuration, ruleOptions, options.RuleOptions, optionsWithoutEffect));

        if (options.WarningsAsErrors || options.WarningsAsErrorsIds is { Count: > 0 })
        {
            var ids = options.WarningsAsErrorsIds is null ? null : new HashSet<string>(options.WarningsAsErrorsIds, StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < list.Count; i++)
                if (list[i].Severity == DiagnosticSeverity.Warning && (options.WarningsAsErrors || ids!.Contains(list[i].Id)))
                    list[i] = list[i].WithSeverity(DiagnosticSeverity.Error);
        }

        if (options.Baseline != null) list = options.Baseline.Compare(list, organization.FilePath);
        list.Sort(DiagnosticComparer.Instance);
        return list;
    }

    // Values a rule could not parse: where the value came from — the configuration entry, or the caller.
    private static IEnumerable<Diagnostic> OptionProblems(EffectiveConfiguration configuration, RuleOptions used, RuleOptions direct,
        IReadOnlyDictionary<string, string>? withoutEffect)
    {
        // A value that cannot be used is reported once; one that is valid but has no effect on this document likewise.
        var problems = used.Problems.Concat((withoutEffect ?? new Dictionary<string, string>()).Where(p => !used.Problems.ContainsKey(p.Key)));
        foreach (var (key, problem) in problems.OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase))
        {
            var value = used.Values.TryGetValue(key, out var v) ? v : "";
            var location = !direct.Values.ContainsKey(key) && configuration.RuleOptions.TryGetValue(key, out var entry)
                ? EffectiveConfiguration.ValueLocation(entry)
                : Location.None;
            yield return Diagnostic.Create(InputDescriptors.ConfigUnusableRuleOption, location, key, value, problem);
        }
    }
}
