using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Newtonsoft.Json;
using Vertrieb40.Rules.Reading.Json;
using Vertrieb40.Rules.Reading;
using Vertrieb40.Rules.Tests.Infrastructure;

namespace Vertrieb40.Rules.Tests.Safety;

/// <summary>
/// The guard in front of the JSON reader (Reading/GuardedTextReader) counts string lengths as the reader decodes
/// them, and never mistakes valid text for a limit or for invalid UTF-8.
/// </summary>
public class GuardedReaderTests
{
    private static LoadResult ReadWithLimit(string value, int limit)
        => OrganizationReader.ReadString(TestOrg.Doc("\"organization\": { \"name\": " + JsonConvert.ToString(value) + " }"), "guard.json",
            new ReaderOptions { MaxStringLength = limit });

    [Property(MaxTest = 300)]
    public Property String_limit_counts_decoded_characters_whatever_the_escapes(NonNull<string> text)
    {
        // JsonConvert escapes quotes, backslashes and control characters (\n, \u0001, …): the guard must count
        // each escape as the one character it stands for, exactly as the reader decodes it.
        var value = text.Get + "\"\\\n\u0001é€😀";
        var limit = Math.Max(value.Length, 13); // "schemaVersion" is 13 characters long
        var atLimit = ReadWithLimit(value, limit);
        var ok = !atLimit.HasErrors && atLimit.Organization!.Name == value;
        if (value.Length > 13)
        {
            var below = ReadWithLimit(value, value.Length - 1);
            ok &= below.Diagnostics.Any(d => d.Id == "VT0010");
        }
        return ok.Label($"length {value.Length}: " + string.Join("; ", atLimit.Diagnostics.Select(d => d.ToString(TestOrg.English))));
    }

    [Fact]
    public void Comment_markers_and_quotes_inside_strings_are_just_characters()
    {
        var json = "{ \"schemaVersion\": \"1.0\", // a comment with \"quotes\" and 'apostrophes'\n"
                   + "  /* a block comment with \" and ' and // */ \"units\": [ { \"id\": \"a/*b\", \"name\": \"it's \\\"x\\\" // not a comment\" },\n"
                   + "  { 'id': 'c\"d', 'name': 'o\\'brien' } ] }";
        var load = OrganizationReader.ReadString(json, "tricky.json", new ReaderOptions { MaxStringLength = 45 }); // just above the longest token (the line comment)
        Assert.True(load.Diagnostics.Count == 0, string.Join("\n", load.Diagnostics.Select(d => d.ToString(TestOrg.English))));
        Assert.Equal(new[] { "a/*b", "c\"d" }, load.Organization!.Units.Select(u => u.Id));
        Assert.Equal("it's \"x\" // not a comment", load.Organization.Units[0].Name);
    }

    [Fact]
    public void A_replacement_character_in_valid_utf8_is_accepted_and_invalid_bytes_after_it_are_still_found()
    {
        var valid = Encoding.UTF8.GetBytes(TestOrg.Doc("\"organization\": { \"name\": \"\uFFFD and 😀\" }"));
        var load = OrganizationReader.Read(new MemoryStream(valid), "fffd.json");
        Assert.Empty(load.Diagnostics);
        Assert.Equal("\uFFFD and 😀", load.Organization!.Name);

        var invalid = Encoding.UTF8.GetBytes(TestOrg.Doc("\"organization\": { \"name\": \"\uFFFD\" },\n  \"units\": [ { \"id\": \"#\" } ]"));
        invalid[Array.LastIndexOf(invalid, (byte)'#')] = 0xFF;
        var d = Assert.Single(OrganizationReader.Read(new MemoryStream(invalid), "bad.json").Diagnostics);
        Assert.Equal("VT0001", d.Id);
        Assert.Contains("not valid UTF-8", d.GetMessage(TestOrg.English));
    }

    [Fact]
    public void Invalid_utf8_far_into_a_large_file_is_reported_at_its_line()
    {
        var sb = new StringBuilder("{ \"schemaVersion\": \"1.0\",\n  \"units\": [\n");
        for (var i = 0; i < 20_000; i++) sb.Append("    { \"id\": \"u").Append(i).Append("\" },\n");
        sb.Append("    { \"id\": \"#\" } ] }");
        var bytes = Encoding.UTF8.GetBytes(sb.ToString());
        bytes[Array.LastIndexOf(bytes, (byte)'#')] = 0xC3; // a lead byte without its continuation
        var d = Assert.Single(OrganizationReader.Read(new MemoryStream(bytes), "big.json").Diagnostics);
        Assert.Equal("VT0001", d.Id);
        Assert.Equal((20_003, 14), (d.Location.Span.StartLine, d.Location.Span.StartColumn));
    }
}
