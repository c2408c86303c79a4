using Vertrieb40.Rules.Cli;
using Vertrieb40.Rules.Reading;
using Vertrieb40.Rules.Tests.Infrastructure;

namespace Vertrieb40.Rules.Tests.Cli;

/// <summary>
/// German output that the native review (issue 19) found English or ungrammatical in code, not in resources:
/// the text summary's counts of 1, the rule listing's words, and the entity kind inside VT0005.
/// </summary>
public class GermanCliTextTests
{
    private static (int Code, string Out) Run(params string[] args)
    {
        var o = new StringWriter();
        var code = Program.Run(args, o, new StringWriter());
        return (code, o.ToString());
    }

    [Fact]
    public void The_German_summary_line_agrees_with_a_count_of_one()
    {
        var dir = Directory.CreateTempSubdirectory("v40-de");
        try
        {
            // One weekly pipeline review: one warning (VT1010), nothing else of that severity.
            var path = Path.Combine(dir.FullName, "org.json");
            File.WriteAllText(path, """
                { "schemaVersion": "1.0", "organization": { "name": "X" },
                  "units": [ { "id": "u", "name": "Sales", "kind": "team", "function": "sales" } ],
                  "meetings": [ { "id": "m", "name": "Pipeline", "purpose": "pipelineReview", "cadence": "weekly", "attendees": { "everyone": true } } ] }
                """);
            var (_, output) = Run("analyze", path, "--culture", "de");
            Assert.Matches(@"1 Datei geprüft: \d+ Fehler, \d+ (Warnung|Warnungen), \d+ (Hinweis|Hinweise), \d+ unterdrückt\.", output);
            Assert.DoesNotContain(" 1 Warnungen", output);
            Assert.DoesNotContain(" 1 Hinweise", output);
        }
        finally { dir.Delete(true); }
    }

    [Fact]
    public void The_German_rule_listing_names_category_and_severity_in_German()
    {
        var (code, output) = Run("rules", "--culture", "de");
        Assert.Equal(0, code);
        var vt3001 = output.Split('\n').Single(l => l.StartsWith("VT3001", StringComparison.Ordinal));
        Assert.Contains("Wirksamkeit", vt3001);
        Assert.Contains("Fehler", vt3001);
        Assert.DoesNotContain("Effectiveness", vt3001);
        // English stays as scripts read it.
        var english = Run("rules", "--culture", "en").Out.Split('\n').Single(l => l.StartsWith("VT3001", StringComparison.Ordinal));
        Assert.Contains("Effectiveness", english);
        Assert.Contains("Error", english);
    }

    [Fact]
    public void A_dangling_reference_names_the_entity_kind_in_German()
    {
        const string json = """
            { "schemaVersion": "1.0", "units": [ { "id": "u", "name": "Sales", "parentId": "nowhere" } ] }
            """;
        var d = OrganizationReader.ReadString(json, "org.json").Diagnostics.Single(x => x.Id == "VT0005");
        Assert.Contains("die Einheit „nowhere“", d.GetMessage(System.Globalization.CultureInfo.GetCultureInfo("de")));
        Assert.Contains("unit 'nowhere'", d.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }
}
