using Vertrieb40.Rules.Model;

namespace Vertrieb40.Rules.Import;

/// <summary>
/// Infers a unit's or role's business function from its name (German and English words), because HR
/// exports carry names only. Each word is matched by its longest known prefix ("Vertriebsinnendienst" →
/// sales, "Accounting" → finance, not "Account" → sales); short acronyms (IT, HR, R&amp;D) only as whole
/// words, so "Kredit" does not become IT. The first word that matches decides; nothing matches → unknown
/// (null): an export's names are evidence only where a word says it — "Production" is production, not product;
/// "Accountant" is finance, not sales; "Shared Services" says nothing about customer support.
/// </summary>
public static class FunctionInference
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
        ("production", BusinessFunction.Production), ("accountant", BusinessFunction.Finance), ("accounts", BusinessFunction.Finance),
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

    // Words that make a following prefix match say nothing: "Shared Services" is no customer service.
    private static readonly HashSet<string> Neutralising = new(StringComparer.Ordinal) { "shared" };

    /// <summary>The business function a unit or role name suggests; <see cref="BusinessFunction.Other"/> when none.</summary>
    public static BusinessFunction FromName(string? name) => Classify(name) ?? BusinessFunction.Other;

    /// <summary>The business function a unit or role name says, or null when no word of it says one (unknown).</summary>
    public static BusinessFunction? Classify(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        var words = name.Split(Separators, StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i].ToLowerInvariant();
            if (Neutralising.Contains(word)) return null;
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
        return null;
    }

    private static readonly char[] Separators = { ' ', '-', '_', '/', ',', '(', ')', '.', ':', '+', '|' };
}
