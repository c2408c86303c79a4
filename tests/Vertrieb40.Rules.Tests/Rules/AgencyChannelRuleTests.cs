using Vertrieb40.Rules.Tests.Infrastructure;

namespace Vertrieb40.Rules.Tests.Rules;

public class AgencyChannelRuleTests
{
    private static string Channels(string channels) => TestOrg.Doc(TestOrg.Structure + ",\n  \"channels\": [\n" + channels + "\n  ]");

    [Theory]
    [InlineData("socialMedia", "social media")]
    [InlineData("onlineAds", "online ads")]
    [InlineData("webinar", "webinar")]
    public void Fires_on_a_channel_run_only_by_an_agency(string kind, string word)
    {
        var d = Assert.Single(Markup.Verify(Channels($$"""
    {|VT2003:{ "id": "c", "name": "Channel", "kind": "{{kind}}", "operatedBy": "agency", "agency": "Digital Rockets GmbH" }|},
    { "id": "c2", "kind": "{{kind}}", "operatedBy": "inHouse", "ownerUnitId": "u-mkt" }
""")));
        Assert.Equal("/channels/0", d.Location.JsonPointer);
        Assert.Equal(Vertrieb40.Rules.Diagnostics.DiagnosticSeverity.Warning, d.Severity);
        Assert.Contains($"Channel 'Channel' ({word}, operated by: agency)", d.GetMessage(TestOrg.English));
    }

    [Theory]
    [InlineData("inHouse")]
    [InlineData("mixed")]
    public void Does_not_fire_on_in_house_or_mixed_channels(string operatedBy)
    {
        Markup.Verify(Channels($$"""    { "id": "c", "kind": "socialMedia", "operatedBy": "{{operatedBy}}", "ownerUnitId": "u-mkt" }"""), "VT2003");
    }

    [Fact]
    public void Mixed_channels_fire_when_configured()
    {
        var json = Channels("""
    { "id": "c-mixed", "kind": "webinar", "operatedBy": "mixed" },
    { "id": "c-own", "kind": "phone", "operatedBy": "inHouse" }
""");
        var d = Assert.Single(TestOrg.Findings(json, "VT2003", new Dictionary<string, string> { ["VT2003.includeMixed"] = "true" }));
        Assert.Equal("c-mixed", d.Location.EntityId);
        Assert.Contains("operated by: in-house and agency", d.GetMessage(TestOrg.English));
        Assert.Contains("Betrieb: intern und Agentur", d.GetMessage(System.Globalization.CultureInfo.GetCultureInfo("de")));
    }

    [Theory]
    [InlineData("events")] // an event-stand builder is no mastery of a communication channel
    [InlineData("field")] // commercial agents (Handelsvertreter) are not a channel the article means
    [InlineData("marketplace")]
    [InlineData("other")]
    public void Does_not_fire_on_agencies_that_run_no_communication_channel(string kind)
    {
        Markup.Verify(Channels($$"""    { "id": "c", "kind": "{{kind}}", "operatedBy": "agency" }"""), "VT2003");
    }

    [Fact]
    public void Kinds_are_configurable()
    {
        var json = Channels("""    { "id": "c", "kind": "events", "operatedBy": "agency" }""");
        Assert.Single(TestOrg.Findings(json, "VT2003", new Dictionary<string, string> { ["VT2003.kinds"] = "events" }));
    }
}
