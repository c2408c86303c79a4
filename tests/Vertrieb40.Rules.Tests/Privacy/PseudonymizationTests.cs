using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Cli;
using Vertrieb40.Rules.Privacy;
using Vertrieb40.Rules.Reading;
using Vertrieb40.Rules.Tests.Infrastructure;

namespace Vertrieb40.Rules.Tests.Privacy;

public class PseudonymizationTests
{
    private const string Key = "test-key-0123456789-abcdef";

    private static string Doc => TestOrg.Doc(TestOrg.Structure.Replace("\"id\": \"p2\",", "\"id\": \"p2\", \"name\": \"Petra Zwo\",") + """
,
  "targets": [ { "id": "t1", "level": "individual", "appliesTo": { "personIds": ["p2", "p3"] } } ]
""");

    [Fact]
    public void Person_ids_names_and_references_are_replaced_consistently()
    {
        var options = new ReaderOptions { Privacy = new PrivacyOptions { PseudonymKey = Key, ShowNames = true } };
        var load = OrganizationReader.ReadString(Doc, "org.json", options);
        Assert.False(load.HasErrors, string.Join("\n", load.Diagnostics));
        var people = load.Organization!.People;
        Assert.All(people, p => Assert.Matches("^p-[0-9a-f]{24}$", p.Id));
        Assert.DoesNotContain(people, p => p.Id is "p1" or "p2");
        Assert.Equal(people[0], people[1].Manager);                  // the reporting line survives
        Assert.Matches("^n-[0-9a-f]{24}$", people[1].Name!);         // names are pseudonyms too
        var target = load.Organization.Targets.Single();
        Assert.Equal(new[] { people[1].Id, people[2].Id }, target.AppliesTo.People.Select(p => p.Id)); // scopes follow
        // Deterministic under one key, different under another.
        var again = OrganizationReader.ReadString(Doc, "org.json", options).Organization!.People.Select(p => p.Id);
        Assert.Equal(people.Select(p => p.Id), again);
        var other = OrganizationReader.ReadString(Doc, "org.json", new ReaderOptions { Privacy = new PrivacyOptions { PseudonymKey = Key + "x" } });
        Assert.NotEqual(people[0].Id, other.Organization!.People[0].Id);
    }

    [Fact]
    public void Names_are_dropped_unless_shown()
    {
        var hidden = OrganizationReader.ReadString(Doc, "org.json", new ReaderOptions { Privacy = new PrivacyOptions() });
        Assert.All(hidden.Organization!.People, p => Assert.Null(p.Name));
        var shown = OrganizationReader.ReadString(Doc, "org.json", new ReaderOptions { Privacy = new PrivacyOptions { ShowNames = true } });
        Assert.Equal("Petra Zwo", shown.Organization!.People[1].Name);
        Assert.Equal("p2", shown.Organization.People[1].Id);
    }

    [Fact]
    public void Short_keys_are_refused()
        => Assert.Throws<ArgumentException>(() => new PrivacyOptions { PseudonymKey = "short" });

    private static (int Code, string Out, string Err) Cli(Func<string, string?> env, params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var code = Program.Run(args, o, e, new CliEnvironment { GetEnvironmentVariable = env });
        return (code, o.ToString(), e.ToString());
    }

    [Fact]
    public void Cli_pseudonymizes_with_the_key_from_the_environment_and_never_prints_it()
    {
        var (code, output, err) = Cli(v => v == AnalyzeCommand.PseudonymKeyVariable ? Key : null,
            "analyze", Path.Combine(SeedPaths.Seeds, "hr-export.csv"), "--pseudonymize", "--format", "json", "--culture", "en");
        Assert.Equal(1, code);
        Assert.DoesNotContain(Key, output + err);
        Assert.DoesNotContain("\"1148\"", output);               // the person with the unknown manager
        Assert.DoesNotContain("'1099'", output);                 // the unknown manager's id
        Assert.Matches("\"entityId\": \"p-[0-9a-f]{24}\"", output);
    }

    [Fact]
    public void Cli_reads_the_key_from_a_file_and_refuses_to_run_without_a_key()
    {
        var keyFile = Path.Combine(Directory.CreateTempSubdirectory().FullName, "key");
        File.WriteAllText(keyFile, Key + "\n");
        var withFile = Cli(_ => null, "analyze", Path.Combine(SeedPaths.Seeds, "hr-export.csv"), "--pseudonymize", "--pseudonym-key-file", keyFile);
        Assert.Equal(1, withFile.Code);
        var withEnv = Cli(v => v == AnalyzeCommand.PseudonymKeyVariable ? Key : null, "analyze", Path.Combine(SeedPaths.Seeds, "hr-export.csv"), "--pseudonymize");
        Assert.Equal(withEnv.Out, withFile.Out); // the trailing newline of the key file is not part of the key

        var none = Cli(_ => null, "analyze", SeedPaths.Classic, "--pseudonymize");
        Assert.Equal(2, none.Code);
        Assert.Contains(AnalyzeCommand.PseudonymKeyVariable, none.Err);
        Assert.Equal(2, Cli(_ => null, "analyze", SeedPaths.Classic, "--pseudonym-key-file", keyFile).Code);
    }

    [Fact]
    public void Cli_hides_manager_names_unless_show_names()
    {
        var dir = Directory.CreateTempSubdirectory();
        var csv = Path.Combine(dir.FullName, "names.csv");
        File.WriteAllText(csv, "Personalnummer;Name;Manager Name\n1;Anna;\n2;Eva;Max Mustermann\n");
        var hidden = Cli(_ => null, "analyze", csv, "--culture", "en");
        Assert.Equal(0, hidden.Code);
        Assert.DoesNotContain("Mustermann", hidden.Out);
        Assert.Contains("VT0302", hidden.Out);
        Assert.Contains("Mustermann", Cli(_ => null, "analyze", csv, "--show-names").Out);
    }
}
