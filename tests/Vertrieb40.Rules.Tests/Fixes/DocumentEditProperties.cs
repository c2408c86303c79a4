using FsCheck;
using FsCheck.Xunit;
using Newtonsoft.Json.Linq;
using Vertrieb40.Rules.Fixes;

namespace Vertrieb40.Rules.Tests.Fixes;

/// <summary>Edits on arbitrary arrays and layouts always leave valid JSON with exactly the intended change.</summary>
public class DocumentEditProperties
{
    private static string Layout(int[] items, bool multiline)
        => "{\n  \"a\": [" + (items.Length == 0 ? "" : (multiline ? "\n    " : "") + string.Join(multiline ? ",\n    " : ", ", items) + (multiline ? "\n  " : ""))
           + "],\n  \"b\": \"keep\"\n}\n";

    [Property]
    public bool Removing_any_item_leaves_the_others_in_order(NonEmptyArray<int> items, NonNegativeInt pick, bool multiline)
    {
        var xs = items.Get;
        var index = pick.Get % xs.Length;
        var doc = new OrganizationDocument(Layout(xs, multiline));
        var edited = JObject.Parse(doc.WithoutItem(doc.Find("/a/" + index)!).Text);
        return edited["a"]!.Select(t => (int)t).SequenceEqual(xs.Where((_, i) => i != index)) && (string?)edited["b"] == "keep";
    }

    [Property]
    public bool Appending_adds_exactly_one_item_at_the_end(int[] items, int extra, bool multiline)
    {
        var doc = new OrganizationDocument(Layout(items, multiline));
        var edited = JObject.Parse(doc.WithItemAppended(doc.Find("/a")!, extra.ToString(System.Globalization.CultureInfo.InvariantCulture)).Text);
        return edited["a"]!.Select(t => (int)t).SequenceEqual(items.Append(extra)) && (string?)edited["b"] == "keep";
    }

    [Property]
    public bool Setting_a_string_property_round_trips_any_text(NonNull<string> value)
    {
        var doc = new OrganizationDocument(Layout(new[] { 1 }, true));
        var edited = doc.WithProperty(doc.Root, "b", OrganizationDocument.Literal(value.Get));
        return (string?)JObject.Parse(edited.Text)["b"] == value.Get && edited.Root["b"]!.StringValue == value.Get;
    }
}
