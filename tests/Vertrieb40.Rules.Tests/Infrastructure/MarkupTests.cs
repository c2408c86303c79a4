namespace Vertrieb40.Rules.Tests.Infrastructure;

public class MarkupTests
{
    [Fact]
    public void Parse_strips_markers_and_records_spans()
    {
        var (source, expected) = Markup.Parse("ab\n  {|X0001:{ \"a\": 1 }|}\n");
        Assert.Equal("ab\n  { \"a\": 1 }\n", source);
        var e = Assert.Single(expected);
        Assert.Equal(new Markup.Expected("X0001", 2, 3, 2, 12), e);
    }

    [Fact]
    public void Verify_passes_on_the_marked_plan_and_fails_on_a_wrong_mark()
    {
        var ok = TestOrg.Doc("\"incentivePlans\": [\n    {|VT3001:{ \"id\": \"ip\", \"type\": \"commission\" }|},\n    { \"id\": \"fix\", \"type\": \"fixed\" }\n  ]");
        Assert.Single(Markup.Verify(ok));

        var wrong = TestOrg.Doc("\"incentivePlans\": [\n    { \"id\": \"ip\", \"type\": \"commission\" },\n    {|VT3001:{ \"id\": \"fix\", \"type\": \"fixed\" }|}\n  ]");
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => Markup.Verify(wrong));
    }

    [Fact]
    public void Verify_with_an_id_and_no_marks_asserts_silence()
    {
        var none = TestOrg.Doc("\"incentivePlans\": [ { \"id\": \"fix\", \"type\": \"fixed\" } ]");
        Assert.Empty(Markup.Verify(none, "VT3001"));
        var some = TestOrg.Doc("\"incentivePlans\": [ { \"id\": \"c\", \"type\": \"commission\" } ]");
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => Markup.Verify(some, "VT3001"));
    }
}
