using Vertrieb40.Rules.Tests.Infrastructure;

namespace Vertrieb40.Rules.Tests.Reading;

/// <summary>Issue 17: an unresolved reference that looks like an existing id says how they differ; a property given twice in one entity is an error, not "last one wins".</summary>
public class LookAlikeAndDuplicateTests
{
    private static string Message(string unitId, string reference)
    {
        var json = TestOrg.Doc($$"""
            "units": [ { "id": "{{unitId}}", "kind": "team", "function": "sales" } ],
            "people": [ { "id": "p1", "unitId": "{{reference}}" } ]
            """);
        var d = Assert.Single(TestOrg.Read(json).Diagnostics, x => x.Id == "VT0005");
        return d.GetMessage(TestOrg.English);
    }

    [Theory]
    [InlineData("M\\u00fcller-Team", "Mu\\u0308ller-Team", "Unicode normalisation")]  // NFC vs NFD
    [InlineData("team-north", "team\\u200b-north", "invisible characters")]           // a zero-width space
    [InlineData("team-north", "te\\u0430m-north", "another script")]                 // Cyrillic 'а'
    [InlineData("team-north", "\\uff54eam-north", "compatibility")]                  // a full-width 't'
    public void A_look_alike_reference_says_how_it_differs(string existing, string reference, string says)
    {
        var message = Message(existing, reference);
        Assert.Contains("which does not exist; '", message);
        Assert.Contains("exists and looks the same", message);
        Assert.Contains(says, message);
    }

    [Fact]
    public void A_reference_without_look_alike_keeps_the_plain_message()
    {
        Assert.EndsWith("refers to unit 'nowhere', which does not exist", Message("team-north", "nowhere"));
    }

    [Fact]
    public void The_hint_is_localised()
    {
        var json = TestOrg.Doc("""
            "units": [ { "id": "team-north", "kind": "team", "function": "sales" } ],
            "people": [ { "id": "p1", "unitId": "te\u0430m-north" } ]
            """);
        var d = Assert.Single(TestOrg.Read(json).Diagnostics, x => x.Id == "VT0005");
        Assert.Contains("kyrillisch", d.GetMessage(System.Globalization.CultureInfo.GetCultureInfo("de")));
    }

    [Fact]
    public void A_property_given_twice_in_an_entity_is_reported_and_the_first_value_kept()
    {
        var json = TestOrg.Doc("""
            "units": [ { "id": "u1", "kind": "team", "function": "sales", "kind": "department" } ]
            """);
        var load = TestOrg.Read(json);
        var d = Assert.Single(load.Diagnostics);
        Assert.Equal("VT0008", d.Id);
        Assert.Equal(3, d.Location.Span.StartLine);
        Assert.Contains("'kind' once in a unit (the first is at line 3)", d.GetMessage(TestOrg.English));
        Assert.True(load.HasErrors); // not analysed: the document is ambiguous
    }
}
