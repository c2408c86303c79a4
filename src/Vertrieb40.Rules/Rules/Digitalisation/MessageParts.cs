using System.Globalization;
using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Model;

namespace Vertrieb40.Rules.Rules.Digitalisation;

/// <summary>
/// Message arguments shared by the Digitalisation rules. Rule actions are expression trees (no <c>?.</c>),
/// so the null handling lives here.
/// </summary>
internal static class MessageParts
{
    /// <summary>The unit's name, or "unspecified" when the document does not name one.</summary>
    public static LocalizableString UnitName(Unit? unit) => Terms.OrUnspecified(unit?.DisplayName);

    /// <summary>People in the units and their sub-units; a unit listed below another listed unit is counted once.</summary>
    public static int PeopleIn(IReadOnlyList<Unit> units, SemanticModel model)
    {
        var distinct = units.Distinct().ToArray();
        var count = 0;
        foreach (var u in distinct)
            if (!distinct.Any(o => !ReferenceEquals(o, u) && model.IsWithin(u, o)))
                count += model.SubtreePeople(u);
        return count;
    }

    /// <summary>The functions as one argument ("marketing/support/product"), each word in the reader's language.</summary>
    public static LocalizableString FunctionList(IEnumerable<BusinessFunction> functions)
        => new TermList(functions.Order().Select(f => Terms.Of(f)).ToArray());

    private sealed class TermList(LocalizableString[] terms) : LocalizableString
    {
        public override string ToString(IFormatProvider? formatProvider)
            => string.Join("/", terms.Select(t => t.ToString(formatProvider ?? CultureInfo.CurrentUICulture)));
    }
}
