using System.Text;
using System.Text.RegularExpressions;
using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Model;

namespace Vertrieb40.Rules.Tests.Reference;

/// <summary>Reference statements of VT3002–VT3010 (category Effectiveness), plain LINQ over the model.</summary>
public static class EffectivenessReference
{
    [ReferenceRule("VT3002")]
    public static IEnumerable<Entity> SystematisedRecognition(Organization org, RuleOptions options)
    {
        var kinds = options.Set("VT3002", "kinds", RecognitionKind.EmployeeOfTheMonth, RecognitionKind.FormalPraise, RecognitionKind.PerformanceRating, RecognitionKind.Rating360, RecognitionKind.PeerThanks);
        var rankings = options.Set("VT3009", "kinds", RecognitionKind.Ranking, RecognitionKind.Leaderboard, RecognitionKind.Contest, RecognitionKind.TopSellerAward);
        return org.RecognitionPrograms.Where(p => kinds.Contains(p.Kind) || (p.Level != MeasurementLevel.Individual && rankings.Contains(p.Kind)));
    }

    [ReferenceRule("VT3003")]
    public static IEnumerable<Entity> FamilyRhetoric(Organization org, RuleOptions options)
    {
        var keywords = options.Words("VT3003", "keywords", "famil");
        var ignored = options.Words("VT3003", "ignoredWords", "familiar", "family-owned", "family-run", "family-friendly", "family-led", "familienunternehmen",
            "familienbetrieb", "familienfreundlich", "familiengeführt", "familienbewusst");
        var phrases = options.Words("VT3003", "ignoredPhrases", "Familie und Beruf", "Beruf und Familie", "Familie und Karriere", "family and work",
            "work and family", "family and career", "family life", "family business", "family-owned business", "Familienleben");
        string WithoutPhrases(string text) => phrases.Where(p => p.Length > 0).Aggregate(text, (t, p) => Regex.Replace(t, Regex.Escape(p), " ", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant));
        bool Begins(string word, IEnumerable<string> prefixes) => prefixes.Any(p => p.Length > 0 && word.ToUpperInvariant().StartsWith(p.ToUpperInvariant(), StringComparison.Ordinal));
        return org.CultureStatements.Where(s =>
            Regex.Split(WithoutPhrases(s.Text).Normalize(NormalizationForm.FormC), @"[^\p{L}\p{Nd}-]+")
                .Select(w => w.Trim('-'))
                .Where(w => w.Length > 0)
                .Any(w => !Begins(w, ignored) && w.Split('-').Any(part => part.Length > 0 && Begins(part, keywords))));
    }

    [ReferenceRule("VT3004")]
    public static IEnumerable<Entity> HalfAutonomy(Organization org, RuleOptions options)
    {
        var dims = options.Words("VT3004", "dimensions", "how", "what", "when", "withWhom");
        var units = org.Units.Where(u => u.Autonomy != null
            && ((dims.Contains("how") && u.Autonomy.How == false)
                || (dims.Contains("what") && u.Autonomy.What == false)
                || (dims.Contains("when") && u.Autonomy.When == false)
                || (dims.Contains("withWhom") && u.Autonomy.WithWhom == false)));
        var areas = options.Words("VT3004", "workSelectionAreas", "work selection", "work assignment", "task assignment", "lead assignment", "lead distribution",
            "account assignment", "Arbeitsauswahl", "Arbeitsverteilung", "Arbeitszuteilung", "Aufgabenverteilung", "Aufgabenzuteilung", "Leadverteilung");
        var rights = org.DecisionRights.Where(d => dims.Contains("what")
            && areas.Any(a => a.Length > 0 && d.Area.ToUpperInvariant().Contains(a.ToUpperInvariant(), StringComparison.Ordinal))
            && d.OwnerUnits.Count > 0 && d.OwnerUnits.All(o => o.Kind != UnitKind.Team)
            && org.Units.Any(t => t.Kind == UnitKind.Team && d.OwnerUnits.Any(o => o != t && ReferenceEvaluation.IsWithin(t, o))));
        return units.Cast<Entity>().Concat(rights);
    }

    [ReferenceRule("VT3005")]
    public static IEnumerable<Entity> ForecastControl(Organization org, RuleOptions options)
    {
        var uses = options.Set("VT3005", "uses", ForecastUse.Control, ForecastUse.Evaluation);
        return org.Forecasts.Where(f => f.UsedFor.Any(uses.Contains));
    }

    [ReferenceRule("VT3006")]
    public static IEnumerable<Entity> DiscountThresholds(Organization org, RuleOptions options)
    {
        var subjects = options.Set("VT3006", "subjects", ApprovalSubject.Discount, ApprovalSubject.Price);
        var min = options.Int("VT3006", "minThresholds", 2, min: 1);
        return org.ApprovalPolicies.Where(p => subjects.Contains(p.Subject) && p.Thresholds.Count >= min);
    }

    [ReferenceRule("VT3007")]
    public static IEnumerable<Entity> SignatureRules(Organization org, RuleOptions options)
    {
        var subjects = options.Set("VT3007", "subjects", Enum.GetValues<ApprovalSubject>());
        return org.ApprovalPolicies.Where(p => subjects.Contains(p.Subject) && (p.Steps.Any(s => s.HigherRank == true) || p.Thresholds.Any(t => t.HigherRank == true)));
    }

    [ReferenceRule("VT3008")]
    public static IEnumerable<Entity> RuleSprawl(Organization org, RuleOptions options)
    {
        var maxDepth = options.Int("VT3008", "maxDepth", 0, min: 0);
        static int Depth(IEnumerable<PolicyException> xs) => xs.Select(x => 1 + Depth(x.Exceptions)).DefaultIfEmpty(0).Max();
        return org.ApprovalPolicies.Where(p => Depth(p.Exceptions) > maxDepth);
    }

    [ReferenceRule("VT3009")]
    public static IEnumerable<Entity> IndividualRankings(Organization org, RuleOptions options)
    {
        var kinds = options.Set("VT3009", "kinds", RecognitionKind.Ranking, RecognitionKind.Leaderboard, RecognitionKind.Contest, RecognitionKind.TopSellerAward);
        return org.RecognitionPrograms.Where(p => p.Level == MeasurementLevel.Individual && kinds.Contains(p.Kind));
    }

    [ReferenceRule("VT3010")]
    public static IEnumerable<Entity> LoneFighters(Organization org, RuleOptions options)
    {
        var min = options.Int("VT3010", "minPeople", 1, min: 1);
        return org.Units.Where(u => u.Kind != UnitKind.Team && u.Function == BusinessFunction.Sales
                && org.People.Count(p => ReferenceEquals(p.Unit, u) && p.Roles.Any(r => r.Function == BusinessFunction.Sales)) >= min)
            .Cast<Entity>()
            // People in sales roles with no unit at all: counted at each sales role they hold.
            .Concat(org.Roles.Where(r => r.Function == BusinessFunction.Sales
                && org.People.Count(p => p.UnitId == null && p.Roles.Contains(r)) >= min));
    }
}
