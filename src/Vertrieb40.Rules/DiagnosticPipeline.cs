using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Configuration;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Model;
using Vertrieb40.Rules.Suppressions;
using Vertrieb40.Rules.Text;

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
        IReadOnlyList<Diagnostic>? optionProblems = null, IReadOnlyDictionary<string, string>? optionsWithoutEffect = null)
    {
        var list = new List<Diagnostic>();
        foreach (var d in diagnostics)
            if (configuration.Apply(d) is { } configured) list.Add(configured);

        // Suppressions from a file meet the pseudonymised document on its terms (and quote no original person id).
        var suppressions = organization.Suppressions.Concat(Privacy.PersonPrivacy.ApplyToSuppressions(options.Suppressions, organization, options.Reader.Privacy?.Pseudonymizer)).ToList();
        if (suppressions.Count > 0)
            list = SuppressionMatcher.Apply(list, suppressions, options.Today ?? DateOnly.FromDateTime(DateTime.UtcNow));

        list.AddRange(configuration.Problems);
        if (optionProblems != null) list.AddRange(optionProblems);
        list.AddRange(OptionsWithoutEffect(configuration, ruleOptions, options.RuleOptions, optionsWithoutEffect));

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

    /// <summary>
    /// Checks every rule option against the declarations before the run: an option key whose id no loaded rule has is
    /// VT0200, an option its rule does not declare is VT0203, a value that is not a value of the declared option is
    /// VT0202 — each with the closest valid name, and located at the configuration entry where it came from one.
    /// </summary>
    public static List<Diagnostic> CheckRuleOptions(EffectiveConfiguration configuration, RuleOptions used, RuleOptions direct,
        IReadOnlyList<RuleOption> declared, IReadOnlyList<DiagnosticDescriptor> known)
    {
        var problems = new List<Diagnostic>();
        if (used.Values.Count == 0) return problems;
        var ids = known.Select(d => d.Id).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        foreach (var (key, value) in used.Values.OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase))
        {
            var fromFile = !direct.Values.ContainsKey(key) && configuration.RuleOptions.TryGetValue(key, out var entry) ? entry : null;
            var dot = key.IndexOf('.', StringComparison.Ordinal);
            var id = dot > 0 ? key[..dot] : key;
            var name = dot > 0 ? key[(dot + 1)..] : "";
            var rule = ids.FirstOrDefault(i => i.Equals(id, StringComparison.OrdinalIgnoreCase));
            if (rule is null)
            {
                var location = fromFile is null ? Location.None : EffectiveConfiguration.KeyLocation(fromFile);
                problems.Add(NearestName.Find(id, ids) is { } near
                    ? Diagnostic.Create(InputDescriptors.ConfigUnknownIdSuggest, location, key, id, near)
                    : Diagnostic.Create(InputDescriptors.ConfigUnknownId, location, key, id));
                continue;
            }
            var option = declared.FirstOrDefault(o => o.Key.Equals(rule + "." + name, StringComparison.OrdinalIgnoreCase));
            if (option is null)
            {
                var names = declared.Where(o => o.RuleId.Equals(rule, StringComparison.OrdinalIgnoreCase)).Select(o => o.Name).ToList();
                var reason = names.Count == 0 ? OptionText("Option_UnknownNone", rule)
                    : NearestName.Find(name, names) is { } near ? OptionText("Option_UnknownSuggest", rule, name, near)
                    : OptionText("Option_UnknownList", rule, name, string.Join(", ", names));
                problems.Add(Diagnostic.Create(InputDescriptors.ConfigUnusableRuleOption,
                    fromFile is null ? Location.None : EffectiveConfiguration.KeyLocation(fromFile), key, value, reason));
                continue;
            }
            if (option.Parse(value) is null)
                problems.Add(Diagnostic.Create(InputDescriptors.ConfigInvalidOptionValue,
                    fromFile is null ? Location.None : EffectiveConfiguration.ValueLocation(fromFile), option.Key, value, option.Expected, option.DefaultText));
        }
        return problems;
    }

    private static LocalizableFormat OptionText(string key, params object?[] args)
        => new(new LocalizableResourceString(key, InputDescriptors.Resources), args);

    // Valid values that cannot have an effect on this document (per document: options may be shared by a batch).
    private static IEnumerable<Diagnostic> OptionsWithoutEffect(EffectiveConfiguration configuration, RuleOptions used, RuleOptions direct,
        IReadOnlyDictionary<string, string>? withoutEffect)
    {
        foreach (var (key, problem) in (withoutEffect ?? new Dictionary<string, string>()).OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase))
        {
            var value = used.Values.TryGetValue(key, out var v) ? v : "";
            var location = !direct.Values.ContainsKey(key) && configuration.RuleOptions.TryGetValue(key, out var entry)
                ? EffectiveConfiguration.ValueLocation(entry)
                : Location.None;
            yield return Diagnostic.Create(InputDescriptors.ConfigUnusableRuleOption, location, key, value, problem);
        }
    }
}
