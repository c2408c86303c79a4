using Vertrieb40.Rules.Fixes;

namespace Vertrieb40.Rules.Tests.Fixes;

public class DocumentEditTests
{
    private const string Text = "{\n  \"a\": [\n    1,\n    2,\n    3\n  ],\n  \"b\": [\"x\"],\n  \"c\": { \"d\": \"\\u00e9\\\"q\" },\n  \"e\": []\n}\n";

    private static OrganizationDocument Doc => new(Text);

    [Theory]
    [InlineData(0, "{\n  \"a\": [\n    2,\n    3\n  ],")]
    [InlineData(1, "{\n  \"a\": [\n    1,\n    3\n  ],")]
    [InlineData(2, "{\n  \"a\": [\n    1,\n    2\n  ],")]
    public void Removing_an_item_takes_its_separator(int index, string expectedStart)
    {
        var doc = Doc;
        var edited = doc.WithoutItem(doc.Find("/a/" + index)!);
        Assert.StartsWith(expectedStart, edited.Text, StringComparison.Ordinal);
        Assert.Equal(2, edited.Root["a"]!.Items.Count);
        Assert.EndsWith(Text[Text.IndexOf("  \"b\"", StringComparison.Ordinal)..], edited.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Removing_the_only_item_leaves_an_empty_array()
        => Assert.Contains("\"b\": [],", Doc.WithoutItem(Doc.Find("/b/0")!).Text, StringComparison.Ordinal);

    [Fact]
    public void Appending_follows_the_layout()
    {
        var doc = Doc;
        Assert.Contains("    3,\n    4\n  ]", doc.WithItemAppended(doc.Find("/a")!, "4").Text, StringComparison.Ordinal);
        Assert.Contains("[\"x\", \"y\"]", doc.WithItemAppended(doc.Find("/b")!, "\"y\"").Text, StringComparison.Ordinal);
        Assert.Contains("\"e\": [true]", doc.WithItemAppended(doc.Find("/e")!, "true").Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Setting_a_property_replaces_in_place_or_adds_at_the_end()
    {
        var doc = Doc;
        var c = doc.Find("/c")!;
        Assert.Equal("é\"q", c["d"]!.StringValue);
        Assert.Contains("{ \"d\": \"new\" }", doc.WithProperty(c, "d", "\"new\"").Text, StringComparison.Ordinal);
        Assert.Contains("{ \"d\": \"\\u00e9\\\"q\", \"f\": 1 }", doc.WithProperty(c, "f", "1").Text, StringComparison.Ordinal);
        var root = doc.WithProperty(doc.Root, "z", "null").Text;
        Assert.EndsWith("  \"e\": [],\n  \"z\": null\n}\n", root, StringComparison.Ordinal);
    }

    [Fact]
    public void Crlf_documents_keep_crlf()
    {
        var doc = new OrganizationDocument(Text.Replace("\n", "\r\n", StringComparison.Ordinal));
        var edited = doc.WithItemAppended(doc.Find("/a")!, "4").Text;
        Assert.DoesNotContain("\n", edited.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Text_that_is_not_json_is_a_format_error_with_a_position()
    {
        var ex = Assert.Throws<FormatException>(() => new OrganizationDocument("{\n  \"a\": tru }").Root);
        Assert.StartsWith("(2,8)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unified_diff_shows_changed_lines_with_context()
    {
        var diff = UnifiedDiff.Create("a\nb\nc\nd\n", "a\nB\nc\nd\n", "a/x", "b/x");
        Assert.Equal("--- a/x\n+++ b/x\n@@ -1,4 +1,4 @@\n a\n-b\n+B\n c\n d\n", diff);
        Assert.Equal("", UnifiedDiff.Create("same", "same", "a", "b"));
        Assert.Equal("--- a\n+++ b\n@@ -1,2 +1,1 @@\n a\n-b\n", UnifiedDiff.Create("a\nb\n", "a\n", "a", "b"));
        Assert.Equal("--- a\n+++ b\n@@ -0,0 +1,1 @@\n+x\n", UnifiedDiff.Create("", "x\n", "a", "b"));
    }
}
