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

    /// <summary>The functions as one argument ("marketing/support/product"), each word in the reader's language.</summary>
    public static LocalizableString FunctionList(IEnumerable<BusinessFunction> functions)
        => new LocalizableList(functions.Order().Select(f => Terms.Of(f)).ToArray(), separator: "/");
}
