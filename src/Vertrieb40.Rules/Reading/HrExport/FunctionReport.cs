using System.Globalization;
using Newtonsoft.Json;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Model;
using Vertrieb40.Rules.Reading.Json;
using Vertrieb40.Rules.Text;

namespace Vertrieb40.Rules.Reading.HrExport;

/// <summary>
/// Makes every business function the reader inferred visible (VT0308), and every unit or role it could not
/// classify (VT0309): findings about silos and sales teams rest on these functions, so the user must be able to
/// see and correct them. The message names the first ten; the diagnostic's additional locations and its
/// <c>functions</c> property (a JSON array of <c>{ collection, id, function, from }</c>) carry all of them for
/// JSON and SARIF.
/// </summary>
internal static class FunctionReport
{
    private const int Shown = 10;

    public static void Add(IReadOnlyList<FunctionEvidence> all, HashSet<Entity> setByPracticesFile, string? filePath, InputErrors errors)
    {
        var inferred = new List<FunctionEvidence>();
        var unknown = new List<FunctionEvidence>();
        foreach (var e in all)
        {
            if (setByPracticesFile.Contains(e.Entity) || e.Source == FunctionSource.Mapping) continue;
            (e.Function is null ? unknown : inferred).Add(e);
        }
        if (inferred.Count > 0) errors.Add(Create(InputDescriptors.FunctionsInferred, inferred, filePath, e => Item(e)));
        if (unknown.Count > 0) errors.Add(Create(InputDescriptors.FunctionsUnknown, unknown, filePath, e => "'" + e.Entity.DisplayName + "'"));
    }

    private static Diagnostic Create(DiagnosticDescriptor descriptor, List<FunctionEvidence> items, string? filePath, Func<FunctionEvidence, LocalizableString> show)
    {
        var units = items.Count(e => e.Entity is Unit);
        var list = items.Take(Shown).Select(show).ToList();
        if (items.Count > Shown) list.Add("…");
        var locations = items.Select(e => new Location(filePath, e.Entity.Pointer, new LineSpan(e.Entity.Start.Line, e.Entity.Start.Column, e.Entity.Start.Line, e.Entity.Start.Column),
            e.Entity.Collection, e.Entity.Id));
        var properties = new Dictionary<string, string?> { ["functions"] = Json(items) };
        // On the header line: a result needs a line (GitHub code scanning drops results without one).
        return Diagnostic.Create(descriptor, new Location(filePath, "/header", new LineSpan(1, 1, 1, 1)), locations, properties,
            CountOf.Units(units), CountOf.Roles(items.Count - units), new LocalizableList(list));
    }

    private static LocalizableString Item(FunctionEvidence e)
    {
        var text = "'" + e.Entity.DisplayName + "' → " + EnumNames<BusinessFunction>.Name(e.Function!.Value);
        return e.Source == FunctionSource.Parent ? new FromParent(text, e.Detail ?? "") : text;
    }

    private static string Json(List<FunctionEvidence> items)
    {
        using var sw = new StringWriter(CultureInfo.InvariantCulture);
        using (var w = new JsonTextWriter(sw))
        {
            w.WriteStartArray();
            foreach (var e in items)
            {
                w.WriteStartObject();
                w.WritePropertyName("collection"); w.WriteValue(e.Entity.Collection);
                w.WritePropertyName("id"); w.WriteValue(e.Entity.Id);
                w.WritePropertyName("function"); w.WriteValue(e.Function is { } f ? EnumNames<BusinessFunction>.Name(f) : null);
                w.WritePropertyName("from"); w.WriteValue(EnumNames<FunctionSource>.Name(e.Source));
                if (e.Detail != null) { w.WritePropertyName("evidence"); w.WriteValue(e.Detail); }
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        return sw.ToString();
    }

    // "'Team Nord' → sales (from 'Vertrieb')": the function came from the unit above.
    private sealed class FromParent(string text, string parent) : LocalizableString
    {
        public override string ToString(IFormatProvider? formatProvider)
            => text + ((formatProvider as CultureInfo ?? CultureInfo.CurrentUICulture).TwoLetterISOLanguageName == "de" ? " (von '" : " (from '") + parent + "')";
    }
}
