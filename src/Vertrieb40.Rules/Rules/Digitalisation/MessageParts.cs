using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Model;

namespace Vertrieb40.Rules.Rules.Digitalisation;

/// <summary>
/// Message arguments shared by the Digitalisation rules. Rule actions are expression trees (no <c>?.</c>),
/// so the null handling lives here.
/// </summary>
internal static class MessageParts
{
    /// <summary>The functions as one argument ("marketing/support/product"), each word in the reader's language.</summary>
    public static LocalizableString FunctionList(IEnumerable<BusinessFunction> functions)
        => new LocalizableList(functions.Order().Select(f => Terms.Of(f)).ToArray(), separator: "/");

    // Rounded to a tenth; a whole number is passed as one, so that "1 full-time equivalent" gets the singular.
    private static object FullTimeEquivalents(int people, double percent)
    {
        var fte = Math.Round(people * percent / 100.0, 1);
        return fte == Math.Floor(fte) && fte < int.MaxValue ? (object)(int)fte : fte;
    }

    /// <summary>
    /// What the routine work costs, as a sentence that starts with a space (schema 1.1 <c>effort</c>): with people and
    /// percent the full-time equivalents automation would give back; with one of them just that; nothing when not stated.
    /// </summary>
    public static LocalizableString Effort(ProcessEffort? effort)
    {
        LocalizableString Part(string key, params object?[] args)
            => new LocalizableFormat(new LocalizableResourceString(key, Rules.RuleDescriptors.Digitalisation), args);
        return effort switch
        {
            { People: { } people, Percent: { } percent } => Part("VT2004_EffortFull", people, percent, FullTimeEquivalents(people, percent)),
            { Percent: { } percent } => Part("VT2004_EffortPercent", percent),
            { People: { } people } => Part("VT2004_EffortPeople", people),
            _ => "",
        };
    }
}
