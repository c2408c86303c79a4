using System.Text.RegularExpressions;
using FsCheck.Xunit;
using Vertrieb40.Rules.Generation;
using Vertrieb40.Rules.Tests.Safety;

namespace Vertrieb40.Rules.Tests.Privacy;

/// <summary>
/// Issue 17: with <c>--pseudonymize</c>, no original person id or name appears in any byte of any output format —
/// for generated documents with seeded errors (an unknown manager, a duplicate person id), suppressions (in the
/// document and in a file, matching, expired and matching nothing) and a baseline recorded without pseudonyms.
/// </summary>
public class PseudonymLeakProperties
{
    private static readonly Regex OriginalId = new("emp-4711-\\d+-x", RegexOptions.CultureInvariant);
    private const string NameMark = "Quirinus Zwack";

    private static string Personalise(string json)
    {
        // Distinctive ids and names, so that any leak is found by a plain search.
        json = Regex.Replace(json, "\"p(\\d+)\"", "\"emp-4711-$1-x\"");
        return Regex.Replace(json, "\\{\"id\":\"emp-4711-(\\d+)-x\",", "{\"id\":\"emp-4711-$1-x\",\"name\":\"" + NameMark + "$1\",");
    }

    [Property(MaxTest = 4)]
    public bool No_original_person_id_or_name_reaches_any_output(ushort seed)
    {
        using var dir = new TempDir();
        var generated = new StringWriter();
        OrganizationGenerator.Generate(new GeneratorOptions { People = 40 + seed % 40, Seed = seed, AntiPatternDensity = 0.2 }, generated);
        var clean = Personalise(generated.ToString());
        var cleanPath = dir.Write("clean.json", clean);
        // Seeded errors: a manager nobody has, and a person id given twice.
        var broken = Regex.Replace(clean, "\"managerId\":\"emp-4711-1-x\"", "\"managerId\":\"emp-4711-99999-x\"");
        broken = broken.Replace("\"people\": [\n", "\"people\": [\n    {\"id\":\"emp-4711-2-x\",\"name\":\"" + NameMark + " twice\",\"unitId\":\"u1\",\"roleIds\":[]},\n", StringComparison.Ordinal);
        var brokenPath = dir.Write("broken.json", broken);
        var key = dir.Write("key.txt", "0123456789abcdef0123456789abcdef");
        var suppressions = dir.Write("s.json", """
            { "suppressions": [
              { "ruleId": "VT1001", "target": "emp-4711-3-x", "justification": "person", "expires": "2099-01-01" },
              { "ruleId": "VT1002", "target": "emp-4711-4-x", "justification": "expired", "expires": "2001-01-01" },
              { "ruleId": "VT1009", "target": "emp-4711-98765-x", "justification": "nobody", "expires": "2099-01-01" }
            ] }
            """);
        var baseline = dir.File("baseline.json");
        Assert.Equal(0, Safety.Cli.Run("baseline", "create", cleanPath, "-o", baseline).Code); // recorded with the original ids

        var outputs = new List<string>();
        foreach (var format in new[] { "text", "json", "sarif", "html" })
        {
            foreach (var (input, extra) in new[] { (brokenPath, Array.Empty<string>()), (cleanPath, new[] { "--suppressions", suppressions, "--baseline", baseline }) })
            {
                var report = dir.File($"report-{format}-{outputs.Count}");
                var args = new List<string> { "analyze", input, "--format", format, "--pseudonymize", "--pseudonym-key-file", key, "--output", report, "--fail-on", "none" };
                args.AddRange(extra);
                var (_, o, e) = Safety.Cli.Run(args.ToArray());
                outputs.Add(o + e + File.ReadAllText(report));
            }
        }
        foreach (var text in outputs)
        {
            var leak = OriginalId.Match(text);
            Assert.False(leak.Success, $"original person id '{leak.Value}' in: …{(leak.Success ? text.Substring(Math.Max(0, leak.Index - 200), Math.Min(400, text.Length - Math.Max(0, leak.Index - 200))) : "")}…");
            Assert.DoesNotContain(NameMark, text);
        }
        return true;
    }
}
