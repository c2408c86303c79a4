using System.Globalization;
using System.Text.RegularExpressions;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Reading;

namespace Vertrieb40.Rules.Tests.Reading;

/// <summary>
/// Issue 13: the reasons of the reader's errors (VT0001, VT0010–VT0013) came from Newtonsoft.Json, YamlDotNet and the
/// file system in English, inside German messages. German messages now translate them; English ones are unchanged.
/// </summary>
public class GermanReaderMessagesTests
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    // English words that the reasons used; none may be left in a German reason.
    private static readonly Regex EnglishWords = new(@"\b(the|unexpected|expected|while|parsing|after|value|character|does|not|exist|invalid|found|did|find|end|of|document|string|file|is|was|encountered)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    public static TheoryData<string, string> BrokenDocuments => new()
    {
        { "org.json", "{ \"schemaVersion\": \"1.0\", \"units\": [ { \"id\": \"u1\" " },                 // end of the document
        { "org.json", "{ \"schemaVersion\": \"1.0\", \"units\": [ { \"id\": \"u1\", } x ] }" },          // a character after a value
        { "org.json", "{ \"schemaVersion\": \"1.0\", \"name\": \"open" },                                   // an unterminated string
        { "org.json", "{ \"schemaVersion\": \"1.0\", \"name\" \"x\" }" },                                  // a missing colon
        { "org.json", "{ \"schemaVersion\": \"1.0\", \"units\": [ tru ] }" },                               // a bad literal
        { "org.json", "{ \"schemaVersion\": \"1.0\", \"name\": \"a\\q\" }" },                               // a bad escape
        { "org.json", "{ \"schemaVersion\": \"1.0\", @: 1 }" },                                            // a bad property name
        { "org.json", "{ \"schemaVersion\": \"1.0\" } { }" },                                              // content after the end
        { "org.json", "{ \"schemaVersion\": \"1.0\", \"units\": [ 1,, 2 ] }" },                             // two commas
        { "org.json", "{ \"schemaVersion\": \"1.0\", \"units\": [ 1.2.3 ] }" },                             // a bad number
        { "org.yaml", "schemaVersion: \"1.0\"\nunits:\n  - id: u1\n   kind: [\n" },                         // YAML block collection
        { "org.yaml", "schemaVersion: \"1.0\"\nname: !custom x\n" },                                       // a YAML tag
        { "org.yaml", "schemaVersion: \"1.0\"\nname: \"open\n" },                                          // an unterminated YAML string
        { "org.yaml", "schemaVersion: \"1.0\"\nname: *nothing\n" },                                        // an alias without anchor
        { "org.yaml", "schemaVersion: \"1.0\"\n---\nname: x\n" },                                          // a second document
    };

    [Theory]
    [MemberData(nameof(BrokenDocuments))]
    public void A_parser_error_reads_German_in_German_and_unchanged_in_English(string name, string text)
    {
        var load = OrganizationReader.ReadString(text, name);
        var errors = load.Diagnostics.Where(d => d.Id is "VT0001" or "VT0010" or "VT0012").ToList();
        Assert.NotEmpty(errors);
        foreach (var d in errors)
        {
            var reason = (string)d.Arguments[0]!;
            Assert.True(ReaderMessages.IsKnown(reason), "no German for: " + reason);
            Assert.EndsWith(reason, d.GetMessage(English), StringComparison.Ordinal); // English: the reason as it was
            var german = d.GetMessage(German);
            var translated = german[(german.IndexOf(": ", StringComparison.Ordinal) + 2)..];
            Assert.DoesNotMatch(EnglishWords, translated);
        }
    }

    [Fact]
    public void File_problems_read_German_and_an_unknown_reason_is_marked_as_the_parsers_own_words()
    {
        var dir = Directory.CreateTempSubdirectory("v40de").FullName;
        var missing = OrganizationReader.ReadFile(Path.Combine(dir, "missing.json")).Diagnostics.Single();
        Assert.Equal("Die Datei kann nicht gelesen werden: sie existiert nicht", missing.GetMessage(German));
        var directory = OrganizationReader.ReadFile(dir).Diagnostics.Single();
        Assert.DoesNotMatch(EnglishWords, directory.GetMessage(German));
        // A shape the table does not know is not passed off as German.
        Assert.Equal("Meldung des Lesers (englisch): something new", ReaderMessages.German("something new"));
    }

    [Fact]
    public void The_command_line_shows_the_German_reason_under_culture_de()
    {
        var dir = Directory.CreateTempSubdirectory("v40de").FullName;
        var doc = Path.Combine(dir, "org.json");
        File.WriteAllText(doc, "{ \"schemaVersion\": \"1.0\", \"units\": [ { \"id\": \"u1\" ");
        var output = new StringWriter();
        Assert.Equal(2, Vertrieb40.Rules.Cli.Program.Run(new[] { "analyze", doc, "--culture", "de" }, output, new StringWriter()));
        Assert.Contains("error VT0001: Das Dokument ist kein gültiges JSON: unerwartetes Ende des Dokuments", output.ToString(), StringComparison.Ordinal);
    }
}
