using Vertrieb40.Rules.Model;

namespace Vertrieb40.Rules.Reading.HrExport;

/// <summary>
/// Infers a unit's or role's business function from its name (German and English), because HR exports carry
/// names only. The answer is evidence or nothing: when no word of the name says a function, or its words
/// disagree in a way no rule settles, the result is unknown (null) — a guess would drive findings ("hand-over
/// between silos", "sales outside teams") that the organisation never showed.
/// <para>
/// How: the name is cut at "except" (occupation lists say what is left out there), split into words, and each
/// word matched by its longest known prefix ("Vertriebsinnendienst" → sales, "Accountant" → finance, not
/// "Account" → sales; "Production" → production, not product); short acronyms (IT, HR, R&amp;D) only as whole
/// words. Phrases come first ("customer service", "key account", "industrial engineer"). Each match has a
/// weight: specific words (welder, einkauf, buchhaltung) outweigh generic ones (machine, operator, service),
/// and a sales word outweighs the rest ("Insurance Sales Agents"). The heaviest match decides; a tie between
/// different functions is unknown. A unit name that joins two functions ("Marketing &amp; Vertrieb") is
/// cross-functional.
/// </para>
/// Measured on the labelled corpus in <c>tests/…/Import/Corpus</c> (see <c>FunctionCorpusTests</c>).
/// </summary>
internal static class FunctionInference
{
    private const int Weak = 1, Normal = 2, Strong = 3, SalesWeight = 4, Phrase = 5;

    private const BusinessFunction Mkt = BusinessFunction.Marketing, Sal = BusinessFunction.Sales, Sup = BusinessFunction.Support,
        Prd = BusinessFunction.Product, Eng = BusinessFunction.Engineering, Pro = BusinessFunction.Production, Fin = BusinessFunction.Finance,
        Ppl = BusinessFunction.People, Mgt = BusinessFunction.Management, Ops = BusinessFunction.Operations, Oth = BusinessFunction.Other;

    // Phrases (whole words, in order) that decide before single words; null: the phrase says no function
    // although its words would ("Operations Research" is mathematics, "Word Processors" are typists).
    private static readonly (string[] Words, BusinessFunction? Function)[] Phrases = Build(
        ("operations research", null), ("word processors", null), ("management analysts", null),
        ("customer service", Sup), ("customer success", Sup), ("customer support", Sup), ("technischer kundendienst", Sup), ("field service", Sup),
        ("key account", Sal), ("account executive", Sal), ("account manager", Sal), ("account management", Sal), ("business development", Sal),
        ("inside sales", Sal), ("real estate", Sal), ("order clerks", Sal), ("counter and rental", Sal), ("travel agents", Sal),
        ("human resources", Ppl), ("labor relations", Ppl), ("labour relations", Ppl), ("job analysis", Ppl),
        ("public relations", Mkt), ("social media", Mkt), ("market research", Mkt), ("product marketing", Mkt), ("product promoters", Mkt), ("window trimmers", Mkt),
        ("product owner", Prd), ("product manager", Prd), ("product management", Prd), ("industrial designers", Prd), ("fashion designers", Prd),
        ("research and development", Eng), ("research & development", Eng), ("research scientist", Eng), ("research director", Eng),
        ("natural sciences", Eng), ("materials scientists", Eng), ("research scientists", Eng), ("naval architects", Eng),
        ("industrial engineers", Pro), ("industrial engineering", Pro), ("industrial engineer", Pro), ("industrial production", Pro),
        ("machinery mechanics", Pro), ("maintenance workers machinery", Pro), ("laboratory technicians", Pro), ("appliance technicians", Pro),
        ("health and safety", Oth), ("safety engineers", Oth), ("emergency management", Oth), ("title examiners", Oth), ("registered nurses", Oth),
        ("environmental scientists", Oth), ("legal support", Oth),
        ("general and operations managers", Mgt), ("chief executives", Mgt), ("executive secretaries", Mgt),
        ("administrative services", Ops), ("computer network", Ops), ("network and computer", Ops), ("database administrators", Ops),
        ("information security", Ops), ("computer operators", Ops), ("computer systems", Ops), ("information systems", Ops),
        ("maintenance and repair", Ops), ("material moving", Ops), ("material movers", Ops), ("stock clerks", Ops), ("mail clerks", Ops),
        ("computer programmers", Eng), ("computer hardware", Eng), ("information research", Eng), ("computer numerically", Pro),
        ("computer controlled", Pro), ("computer-controlled", Pro));

    // Word prefixes (longest wins) with their weight.
    private static readonly (string Prefix, BusinessFunction Function, int Weight)[] Prefixes =
    {
        // sales
        ("vertrieb", Sal, SalesWeight), ("sales", Sal, SalesWeight), ("salesperson", Sal, SalesWeight), ("verkauf", Sal, SalesWeight),
        ("innendienst", Sal, SalesWeight), ("außendienst", Sal, SalesWeight), ("aussendienst", Sal, SalesWeight), ("keyaccount", Sal, SalesWeight),
        ("key-account", Sal, SalesWeight), ("akquise", Sal, SalesWeight), ("telemarketer", Sal, SalesWeight), ("brokers", Sal, Normal),
        ("vendors", Sal, Normal),
        // marketing
        ("marketing", Mkt, Strong), ("marktforschung", Mkt, Strong), ("kommunikation", Mkt, Normal), ("unternehmenskommunikation", Mkt, Strong),
        ("communication", Mkt, Normal), ("werbung", Mkt, Strong), ("advertising", Mkt, Strong), ("promotion", Mkt, Normal),
        ("pressestelle", Mkt, Strong), ("pressesprecher", Mkt, Strong), ("pressearbeit", Mkt, Strong), ("öffentlichkeitsarbeit", Mkt, Strong),
        ("produktmarketing", Mkt, Strong), ("merchandise", Mkt, Normal), ("webinar", Mkt, Strong), ("demonstrators", Mkt, Normal), ("fundraising", Mkt, Normal),
        // support
        ("kundenservice", Sup, Strong), ("kundendienst", Sup, Strong), ("beschwerde", Sup, Strong), ("helpdesk", Sup, Strong),
        ("servicetechniker", Sup, Strong), ("service", Sup, Weak), ("services", Sup, Weak), ("success", Sup, Weak),
        // product
        ("produktmanage", Prd, Strong), ("produktmanager", Prd, Strong), ("produktowner", Prd, Strong),
        // engineering
        ("entwicklung", Eng, Strong), ("entwickler", Eng, Strong), ("produktentwicklung", Eng, Strong), ("softwareentwick", Eng, Strong),
        ("engineer", Eng, Normal), ("engineering", Eng, Normal), ("ingenieur", Eng, Normal), ("konstruktion", Eng, Strong), ("forschung", Eng, Strong),
        ("software", Eng, Strong), ("developer", Eng, Strong), ("drafter", Eng, Strong), ("programmer", Eng, Normal),
        ("electro", Eng, Normal), ("research", Eng, Weak),
        // production
        ("produktion", Pro, Strong), ("production", Pro, Strong), ("fertigung", Pro, Strong), ("manufactur", Pro, Strong), ("montage", Pro, Strong),
        ("arbeitsvorbereitung", Pro, Strong), ("instandhaltung", Pro, Strong), ("industriemechaniker", Pro, Strong), ("qualitätsprüf", Pro, Strong),
        ("assembler", Pro, Strong), ("fabricator", Pro, Strong), ("machinist", Pro, Strong), ("welder", Pro, Strong), ("welding", Pro, Strong),
        ("solder", Pro, Normal), ("brazer", Pro, Normal), ("millwright", Pro, Strong), ("cabinetmaker", Pro, Strong), ("woodwork", Pro, Strong),
        ("upholster", Pro, Strong), ("jeweler", Pro, Strong), ("patternmaker", Pro, Strong), ("etcher", Pro, Strong), ("engraver", Pro, Strong),
        ("laminator", Pro, Strong), ("batchmaker", Pro, Strong), ("slaughterer", Pro, Strong), ("meat", Pro, Normal), ("foundry", Pro, Strong),
        ("coremaker", Pro, Strong), ("molder", Pro, Strong), ("molding", Pro, Strong), ("casting", Pro, Normal), ("caster", Pro, Normal),
        ("pourer", Pro, Strong), ("furnace", Pro, Normal), ("kiln", Pro, Normal), ("textile", Pro, Strong), ("sewing", Pro, Strong),
        ("apparel", Pro, Normal), ("garment", Pro, Normal), ("printing", Pro, Normal), ("prepress", Pro, Strong), ("print", Pro, Weak),
        ("extruding", Pro, Strong), ("forging", Pro, Strong), ("grinding", Pro, Normal), ("grinder", Pro, Normal), ("polishing", Pro, Normal),
        ("lathe", Pro, Strong), ("milling", Pro, Strong), ("drilling", Pro, Normal), ("plating", Pro, Strong), ("coating", Pro, Normal),
        ("painting", Pro, Weak), ("finisher", Pro, Normal), ("winder", Pro, Normal), ("tenders", Pro, Normal), ("setters", Pro, Normal),
        ("machine", Pro, Weak), ("operators", Pro, Weak), ("plant", Pro, Normal), ("refinery", Pro, Strong), ("semiconductor", Pro, Strong),
        ("tire", Pro, Normal), ("die", Pro, Weak), ("metal", Pro, Normal), ("plastic", Pro, Weak), ("packaging", Pro, Normal),
        ("filling", Pro, Weak), ("food", Pro, Normal), ("cutters", Pro, Weak), ("pressers", Pro, Normal), ("heat", Pro, Weak),
        ("inspectors", Pro, Weak), ("testers", Pro, Normal), ("photographic", Pro, Normal), ("ophthalmic", Pro, Normal), ("processors", Pro, Weak),
        // finance
        ("finanz", Fin, Strong), ("finance", Fin, Strong), ("financial", Fin, Strong), ("controlling", Fin, Strong), ("buchhalt", Fin, Strong),
        ("fibu", Fin, Strong), ("accounting", Fin, Strong), ("accountant", Fin, Strong), ("accounts", Fin, Strong), ("rechnungswesen", Fin, Strong),
        ("kreditor", Fin, Strong), ("kredit", Fin, Strong), ("debitor", Fin, Strong), ("bilanz", Fin, Strong), ("bookkeeping", Fin, Strong), ("auditor", Fin, Normal),
        ("budget", Fin, Strong), ("credit", Fin, Strong), ("billing", Fin, Strong), ("collectors", Fin, Normal), ("tax", Fin, Strong),
        ("steuer", Fin, Normal),
        // people
        ("personal", Ppl, Strong), ("people", Ppl, Normal), ("lohn", Ppl, Strong), ("payroll", Ppl, Strong), ("recruit", Ppl, Strong),
        ("compensation", Ppl, Strong), ("benefits", Ppl, Normal), ("training", Ppl, Normal),
        // management
        ("geschäftsführ", Mgt, Strong), ("geschaeftsfuehr", Mgt, Strong), ("vorstand", Mgt, Strong), ("executive", Mgt, Normal),
        ("unternehmensentwicklung", Mgt, Strong),
        // operations
        ("einkauf", Ops, Strong), ("einkäufer", Ops, Strong), ("beschaffung", Ops, Strong), ("procurement", Ops, Strong), ("purchasing", Ops, Strong),
        ("buyers", Ops, Normal), ("logisti", Ops, Strong), ("versand", Ops, Strong), ("haustechnik", Ops, Strong), ("qualitätsmanagement", Ops, Strong),
        ("qualitätssicherung", Ops, Strong), ("disponent", Ops, Strong), ("systemadministrat", Ops, Strong), ("dispatcher", Ops, Strong),
        ("truck", Ops, Strong), ("driver", Ops, Normal), ("courier", Ops, Strong), ("messenger", Ops, Strong), ("freight", Ops, Strong),
        ("cargo", Ops, Strong), ("shipping", Ops, Strong), ("receiving", Ops, Normal), ("loaders", Ops, Normal), ("conveyor", Ops, Strong),
        ("hoist", Ops, Strong), ("janitor", Ops, Strong), ("cleaners", Ops, Normal), ("housekeeping", Ops, Normal), ("groundskeeping", Ops, Strong),
        ("landscaping", Ops, Strong), ("security", Ops, Normal), ("receptionist", Ops, Strong), ("switchboard", Ops, Strong), ("transportation", Ops, Normal),
        ("storage", Ops, Weak), ("warehouse", Ops, Strong), ("lager", Ops, Strong),
        // other (a clear function outside the list)
        ("legal", Oth, Strong), ("lawyer", Oth, Strong), ("paralegal", Oth, Strong), ("rechtsabteilung", Oth, Strong), ("justiziar", Oth, Strong),
        ("compliance", Oth, Strong), ("datenschutz", Oth, Strong), ("betriebsrat", Oth, Strong), ("revision", Oth, Strong),
        ("arbeitssicherheit", Oth, Strong), ("arbitrator", Oth, Strong), ("mediator", Oth, Strong), ("interpreter", Oth, Strong),
        ("translator", Oth, Strong), ("occupational", Oth, Strong),
    };

    private static readonly Dictionary<string, (BusinessFunction Function, int Weight)> Acronyms = new(StringComparer.Ordinal)
    {
        ["it"] = (Ops, Strong), ["r&d"] = (Eng, Strong), ["f&e"] = (Eng, Strong), ["hr"] = (Ppl, Strong), ["gf"] = (Mgt, Strong),
        ["ceo"] = (Mgt, Strong), ["cfo"] = (Fin, Strong), ["cmo"] = (Mgt, Strong), ["cto"] = (Mgt, Strong), ["kam"] = (Sal, SalesWeight),
        ["bd"] = (Sal, SalesWeight), ["cs"] = (Sup, Strong), ["pr"] = (Mkt, Strong),
    };

    // Words that make a name say nothing about its function ("Shared Services" is no customer service).
    private static readonly HashSet<string> Neutralising = new(StringComparer.Ordinal) { "shared", "zentrale", "stabsstelle" };

    private static readonly HashSet<string> Conjunctions = new(StringComparer.Ordinal) { "&", "and", "und", "+" };

    /// <summary>The business function a unit or role name suggests; <see cref="BusinessFunction.Other"/> when none.</summary>
    public static BusinessFunction FromName(string? name) => Classify(name) ?? BusinessFunction.Other;

    /// <summary>
    /// The business function a name says, or null (unknown). <paramref name="isUnit"/>: a unit name that joins
    /// two functions ("Marketing &amp; Vertrieb") is <see cref="BusinessFunction.CrossFunctional"/>.
    /// </summary>
    public static BusinessFunction? Classify(string? name, bool isUnit = true)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        var words = Words(name);
        if (words.Count == 0) return null;
        foreach (var w in words)
            if (Neutralising.Contains(w)) return null;
        if (isUnit && words.Count <= 5)
        {
            // "Marketing & Vertrieb", "Finanzen und Personal": each side names a different function.
            var parts = Split(words);
            if (parts.Count >= 2)
            {
                var functions = parts.Select(p => Decide(p)).ToList();
                if (functions.All(f => f != null) && functions.Distinct().Count() >= 2) return BusinessFunction.CrossFunctional;
            }
        }
        return Decide(words);
    }

    private static BusinessFunction? Decide(List<string> words)
    {
        var best = 0;
        BusinessFunction? decided = null;
        var tie = false;
        void Offer(BusinessFunction f, int weight)
        {
            if (weight > best) { best = weight; decided = f; tie = false; }
            else if (weight == best && decided != f) tie = true;
        }
        Span<bool> used = words.Count <= 64 ? stackalloc bool[words.Count] : new bool[words.Count];
        // Which phrases match where does not depend on the order they are tried in (every match has the phrase
        // weight, and a phrase that says no function ends it): only phrases that can start at a word are tried.
        for (var i = 0; i < words.Count; i++)
        {
            if (!PhrasesByFirstWord.TryGetValue(words[i], out var candidates)) candidates = ShortPhrases;
            else if (ShortPhrases.Length > 0) candidates = [.. candidates, .. ShortPhrases];
            foreach (var (phrase, function) in candidates)
            {
                if (i + phrase.Length > words.Count) continue;
                var match = true;
                for (var k = 0; k < phrase.Length && match; k++) match = words[i + k] == phrase[k] || (k == phrase.Length - 1 && words[i + k].StartsWith(phrase[k], StringComparison.Ordinal) && words[i + k].Length <= phrase[k].Length + 1);
                if (!match) continue;
                if (function is not { } said) return null;
                Offer(said, Phrase);
                for (var k = 0; k < phrase.Length; k++) used[i + k] = true;
            }
        }
        for (var i = 0; i < words.Count; i++)
        {
            if (used[i]) continue;
            var word = words[i];
            if (Acronyms.TryGetValue(word, out var a)) { Offer(a.Function, a.Weight); continue; }
            if (WordMatch(word) is { } hit) Offer(hit.Function, hit.Weight);
        }
        return tie ? null : decided;
    }

    // Phrases by their first word (a phrase of several words starts with that word exactly); one-word phrases
    // may match a word by prefix, so they are tried at every word.
    private static readonly Dictionary<string, (string[] Words, BusinessFunction? Function)[]> PhrasesByFirstWord = Phrases
        .Where(p => p.Words.Length > 1).GroupBy(p => p.Words[0], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);

    private static readonly (string[] Words, BusinessFunction? Function)[] ShortPhrases = Phrases.Where(p => p.Words.Length == 1).ToArray();

    // The longest known prefix of a word, with its function and weight. Names repeat their words (a hundred
    // thousand teams, a few dozen words), so each word's answer is kept: bounded, and safe to share between threads.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (BusinessFunction Function, int Weight)?> WordMatches = new(StringComparer.Ordinal);
    private const int MaxWordMatches = 1 << 16;

    private static (BusinessFunction Function, int Weight)? WordMatch(string word)
    {
        if (WordMatches.TryGetValue(word, out var known)) return known;
        var bestLength = 0;
        (BusinessFunction Function, int Weight)? hit = null;
        foreach (var (prefix, function, weight) in Prefixes)
            if (prefix.Length > bestLength && word.StartsWith(prefix, StringComparison.Ordinal))
            {
                bestLength = prefix.Length;
                hit = (function, weight);
            }
        if (WordMatches.Count < MaxWordMatches) WordMatches.TryAdd(word, hit);
        return hit;
    }

    // Lower-case words; everything from "except" on is dropped ("Electronics Engineers, Except Computer").
    private static List<string> Words(string name)
    {
        var words = new List<string>();
        foreach (var raw in name.Split(Separators, StringSplitOptions.RemoveEmptyEntries))
        {
            var w = raw.ToLowerInvariant().Trim('.');
            if (w.Length == 0 || !w.AsSpan().ContainsAnyExcept(Digits)) continue;
            if (w is "except" or "ausgenommen") break;
            words.Add(w);
        }
        return words;
    }

    private static List<List<string>> Split(List<string> words)
    {
        var parts = new List<List<string>> { new() };
        foreach (var w in words)
        {
            if (Conjunctions.Contains(w)) parts.Add(new List<string>());
            else parts[^1].Add(w);
        }
        parts.RemoveAll(p => p.Count == 0);
        return parts;
    }

    private static (string[] Words, BusinessFunction? Function)[] Build(params (string Text, BusinessFunction? Function)[] phrases)
        => phrases.Select(p => (p.Text.Split(' '), p.Function)).ToArray();

    // '&' and '+' stay inside words ("R&D", "F&E") and stand alone as conjunctions ("Sales & Marketing").
    private static readonly char[] Separators = { ' ', '-', '_', '/', ',', '(', ')', ':', '|', '\t' };

    // What char.IsDigit accepts: every Unicode decimal digit, not only 0-9 (a word of them is no name).
    private static readonly System.Buffers.SearchValues<char> Digits = System.Buffers.SearchValues.Create(
        Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(char.IsDigit).ToArray());
}
