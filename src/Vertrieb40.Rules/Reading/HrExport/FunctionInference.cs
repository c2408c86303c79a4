using Vertrieb40.Rules.Model;

namespace Vertrieb40.Rules.Reading.HrExport;

/// <summary>
/// Infers a unit's or role's business function from its name (German and English words), because HR
/// exports carry names only. Each word is matched by its longest known prefix ("Vertriebsinnendienst" →
/// sales, "Accounting" → finance, not "Account" → sales); short acronyms (IT, HR, R&amp;D) only as whole
/// words, so "Kredit" does not become IT. The first word that matches decides; nothing matches → other.
/// </summary>
internal static class FunctionInference
{
    private static readonly (string Prefix, BusinessFunction Function)[] Prefixes =
    {
        ("vertrieb", BusinessFunction.Sales), ("sales", BusinessFunction.Sales), ("verkauf", BusinessFunction.Sales),
        ("innendienst", BusinessFunction.Sales), ("außendienst", BusinessFunction.Sales), ("aussendienst", BusinessFunction.Sales),
        ("keyaccount", BusinessFunction.Sales), ("account", BusinessFunction.Sales), ("akquise", BusinessFunction.Sales),
        ("marketing", BusinessFunction.Marketing), ("kommunikation", BusinessFunction.Marketing), ("communication", BusinessFunction.Marketing),
        ("werbung", BusinessFunction.Marketing), ("redakt", BusinessFunction.Marketing), ("editor", BusinessFunction.Marketing),
        ("webinar", BusinessFunction.Marketing), ("social", BusinessFunction.Marketing), ("performance", BusinessFunction.Marketing),
        ("support", BusinessFunction.Support), ("service", BusinessFunction.Support), ("kundendienst", BusinessFunction.Support),
        ("kundenservice", BusinessFunction.Support), ("helpdesk", BusinessFunction.Support), ("success", BusinessFunction.Support),
        ("produktion", BusinessFunction.Production), ("fertigung", BusinessFunction.Production), ("manufactur", BusinessFunction.Production),
        ("produkt", BusinessFunction.Product), ("product", BusinessFunction.Product),
        ("entwicklung", BusinessFunction.Engineering), ("engineering", BusinessFunction.Engineering), ("technik", BusinessFunction.Engineering),
        ("software", BusinessFunction.Engineering), ("development", BusinessFunction.Engineering), ("forschung", BusinessFunction.Engineering),
        ("finanz", BusinessFunction.Finance), ("finance", BusinessFunction.Finance), ("controlling", BusinessFunction.Finance),
        ("buchhaltung", BusinessFunction.Finance), ("accounting", BusinessFunction.Finance), ("rechnungswesen", BusinessFunction.Finance),
        ("personal", BusinessFunction.People), ("people", BusinessFunction.People), ("human", BusinessFunction.People),
        ("geschäftsführ", BusinessFunction.Management), ("geschaeftsfuehr", BusinessFunction.Management), ("management", BusinessFunction.Management),
        ("vorstand", BusinessFunction.Management), ("executive", BusinessFunction.Management), ("leitung", BusinessFunction.Management),
        ("logistik", BusinessFunction.Operations), ("logistics", BusinessFunction.Operations), ("operations", BusinessFunction.Operations),
        ("einkauf", BusinessFunction.Operations), ("procurement", BusinessFunction.Operations),
    };

    private static readonly Dictionary<string, BusinessFunction> Acronyms = new(StringComparer.Ordinal)
    {
        ["it"] = BusinessFunction.Engineering, ["r&d"] = BusinessFunction.Engineering, ["hr"] = BusinessFunction.People,
        ["ceo"] = BusinessFunction.Management, ["cfo"] = BusinessFunction.Finance, ["cmo"] = BusinessFunction.Marketing,
        ["cto"] = BusinessFunction.Engineering, ["kam"] = BusinessFunction.Sales, ["qa"] = BusinessFunction.Engineering,
    };

    /// <summary>The business function a unit or role name suggests; <see cref="BusinessFunction.Other"/> when none.</summary>
    public static BusinessFunction FromName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return BusinessFunction.Other;
        foreach (var raw in name.Split(Separators, StringSplitOptions.RemoveEmptyEntries))
        {
            var word = raw.ToLowerInvariant();
            if (Acronyms.TryGetValue(word, out var f)) return f;
            var bestLength = 0;
            var best = BusinessFunction.Other;
            foreach (var (prefix, function) in Prefixes)
                if (prefix.Length > bestLength && word.StartsWith(prefix, StringComparison.Ordinal))
                {
                    bestLength = prefix.Length;
                    best = function;
                }
            if (bestLength > 0) return best;
        }
        return BusinessFunction.Other;
    }

    private static readonly char[] Separators = { ' ', '-', '_', '/', ',', '(', ')', '.', ':', '+', '|' };
}
