using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Model;
using Vertrieb40.Rules.Rules;
using Vertrieb40.Rules.Rules.Effectiveness;
using Vertrieb40.Rules.Rules.Team;

namespace Vertrieb40.Rules.Benchmarks.Reference;

/// <summary>
/// The reference evaluation: a deliberately plain LINQ pass over the same model that computes the same
/// findings as the engine's VT3001, VT1009 and VT1010 (same descriptors, locations and message arguments),
/// so the engine can be timed against it and its output compared with it. Conditions are written out here
/// on purpose instead of calling the rules' helpers: the reference must not share the rules' code.
/// Rules added to the catalog later need a line here too (see <see cref="CoveredRuleIds"/>).
/// </summary>
public static class LinqReference
{
    /// <summary>The rule ids this reference evaluates.</summary>
    public static readonly IReadOnlyList<string> CoveredRuleIds = new[] { "VT1009", "VT1010", "VT3001" };

    /// <summary>Evaluates the covered rules; builds its own semantic model (as the engine does) for the reach counts.</summary>
    public static List<Diagnostic> Evaluate(Organization org, RuleOptions? options = null)
    {
        options ??= RuleOptions.Empty;
        var model = new SemanticModel(org);
        var allowProfitShare = options.Bool("VT3001", "allowCompanyProfitShare", true);
        var purposes = options.Set("VT1010", "purposes", MeetingPurpose.StatusReporting, MeetingPurpose.PipelineReview, MeetingPurpose.ForecastReview);
        var includeOneOff = options.Bool("VT1010", "includeOneOff", false);

        // A company profit share to everyone, not split by result, is participation (option); a plan split by result is not.
        var vt3001 = org.IncentivePlans
            .Where(p => p.Type != IncentiveType.Fixed)
            .Where(p => !(p.Type == IncentiveType.ProfitShare && ReachesWholeCompany(p.Participants) && p.Distribution != PayDistribution.ByResult && allowProfitShare))
            .Select(p => Diagnostic.Create(IncentivePayRule.Descriptor, LocationOf(org, p, "type"),
                p.DisplayName, Terms.Of(p.Type), Terms.OfOrNotStated(p.Level), Terms.OrUnspecified(p.Metric), model.Reach(p.Participants), PlanDetails(p, model)))
            // A recognition programme with a prize is pay for results too (schema 1.1).
            .Concat(org.RecognitionPrograms
                .Where(r => !string.IsNullOrWhiteSpace(r.Prize))
                .Select(r => Diagnostic.Create(PrizeDescriptor, LocationOf(org, r, "prize"),
                    r.DisplayName, Terms.Of(r.Kind), r.Prize, model.Reach(r.Participants))));

        var vt1009 = org.Targets
            .Where(t => t.Level == MeasurementLevel.Individual)
            .Select(t => Diagnostic.Create(IndividualTargetRule.Descriptor, LocationOf(org, t, "level"),
                t.DisplayName, Terms.OrUnspecified(t.Metric), Terms.OrUnspecified(t.Period), model.Reach(t.AppliesTo)));

        var vt1010 = org.Meetings
            .Where(m => purposes.Contains(m.Purpose))
            .Where(m => includeOneOff || (m.Cadence != null && m.Cadence != Cadence.Once && m.Cadence != Cadence.AdHoc))
            .Select(m => Diagnostic.Create(ControlMeetingRule.Descriptor, LocationOf(org, m, "purpose"),
                m.DisplayName, Terms.Of(m.Purpose), Terms.OfOrNotStated(m.Cadence), model.Reach(m.Attendees), ChairText(m)));

        var all = vt3001.Concat(vt1009).Concat(vt1010).ToList();
        all.Sort(DiagnosticComparer.Instance);
        return all;
    }

    private static readonly DiagnosticDescriptor PrizeDescriptor =
        RuleDescriptors.Variant(IncentivePayRule.Descriptor, DiagnosticCategories.Effectiveness, "MessagePrize");

    // The chair role by name (1.1), else the chair person's roles (never the person), and the chair unit (1.0) by name;
    // empty when not stated.
    private static LocalizableString ChairText(Meeting m)
    {
        LocalizableString Team(string key, params object?[] args) => new LocalizableFormat(new LocalizableResourceString(key, RuleDescriptors.Team), args);
        var unit = m.ChairUnit;
        LocalizableString OfUnit(LocalizableString who) => unit == null ? who : new LocalizableFormat("{0}{1}", who, Team("VT1010_OfUnit", unit.DisplayName));
        if (m.ChairRole != null) return OfUnit(Team("VT1010_ChairRole", m.ChairRole.DisplayName));
        if (m.ChairPerson != null)
        {
            var roles = m.ChairPerson.Roles.Distinct().Select(r => Team("VT1010_Quoted", r.DisplayName)).ToArray();
            if (roles.Length == 0) return unit == null ? Team("VT1010_ChairPerson") : Team("VT1010_ChairPersonUnit", unit.DisplayName);
            return OfUnit(Team("VT1010_ChairPersonRoles", roles.Length, new LocalizableList(roles, new LocalizableResourceString("VT1010_And", RuleDescriptors.Team))));
        }
        return unit == null ? "" : Team("VT1010_ChairUnit", unit.DisplayName);
    }

    // Everyone, or company units only (no parent) with no role filter.
    private static bool ReachesWholeCompany(Scope scope)
        => scope.Everyone
           || (scope.Units.Count > 0 && scope.Roles.Count == 0 && scope.RoleIds.Count == 0
               && scope.Units.All(u => u.Kind == UnitKind.Company && u.Parent == null));

    // The plan's stated rate, period, split and decider, in the message's words (", rate: 3 %, …"); empty when none is stated.
    private static LocalizableString PlanDetails(IncentivePlan plan, SemanticModel model)
    {
        var parts = new List<LocalizableString>();
        LocalizableString Text(string key, params object?[] args) => new LocalizableFormat(new LocalizableResourceString(key, RuleDescriptors.Effectiveness), args);
        if (plan.Rate != null) parts.Add(Text("VT3001_Rate", plan.Rate));
        if (plan.Temporary == true && !string.IsNullOrEmpty(plan.Period)) parts.Add(Text("VT3001_TemporaryPeriod", plan.Period));
        if (plan.Temporary == true && string.IsNullOrEmpty(plan.Period)) parts.Add(Text("VT3001_Temporary"));
        if (plan.Temporary != true && !string.IsNullOrEmpty(plan.Period)) parts.Add(Text("VT3001_Period", plan.Period));
        if (plan.Distribution != null) parts.Add(Text("VT3001_Distribution", Terms.Of(plan.Distribution.Value)));
        if (plan.DecidedBy != null && !plan.DecidedBy.IsEmpty)
            parts.Add(plan.DecidedBy.Everyone ? Text("VT3001_DecidedByEveryone") : Text("VT3001_DecidedBy", model.Reach(plan.DecidedBy)));
        if (parts.Count == 0) return "";
        return new LocalizableFormat(", {0}", new LocalizableList(parts));
    }

    // The finding points at the property that decides it, with the whole entity as context (as the rules do).
    private static Location LocationOf(Organization org, Entity e, string property)
    {
        var end = e.End.IsKnown ? e.End : e.Start;
        var whole = new LineSpan(e.Start.Line, e.Start.Column, end.Line, end.Column);
        if (!e.TryGetPropertySpan(property, out var from, out var to) || !from.IsKnown)
            return new Location(org.FilePath, e.Pointer, whole, e.Collection, e.Id);
        if (!to.IsKnown || (to.Line, to.Column).CompareTo((from.Line, from.Column)) < 0) to = from;
        return new Location(org.FilePath, e.Pointer, new LineSpan(from.Line, from.Column, to.Line, to.Column), e.Collection, e.Id, whole);
    }

    /// <summary>
    /// Compares the engine's findings for the covered rules with the reference's: same id, location and message.
    /// Returns null when they agree, else a description of the first difference.
    /// </summary>
    public static string? Compare(IEnumerable<Diagnostic> engine, IReadOnlyList<Diagnostic> reference)
    {
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        var e = engine.Where(d => CoveredRuleIds.Contains(d.Id)).Select(d => d.ToString(culture)).ToList();
        var r = reference.Select(d => d.ToString(culture)).ToList();
        if (e.Count != r.Count) return $"engine {e.Count} findings, reference {r.Count}";
        for (var i = 0; i < e.Count; i++)
            if (e[i] != r[i]) return $"#{i}: engine '{e[i]}' vs reference '{r[i]}'";
        return null;
    }
}
