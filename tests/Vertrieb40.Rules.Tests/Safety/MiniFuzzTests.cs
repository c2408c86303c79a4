using System.Text;
using Vertrieb40.Rules.Fuzz;
using Vertrieb40.Rules.Tests.Reference;
using Xunit.Abstractions;

namespace Vertrieb40.Rules.Tests.Safety;

/// <summary>
/// The fuzzer without AFL: a few thousand mutated documents (deterministic seeds) through the same target the
/// SharpFuzz harness drives. A failure names the seed; the input is written next to the test output so that
/// it can be added to FuzzRegressions/.
/// </summary>
public class MiniFuzzTests(ITestOutputHelper output)
{
    [Fact]
    public void Thousands_of_mutated_documents_never_break_the_reader_or_the_engine()
    {
        const int documents = 40, mutationsPerDocument = 60; // 2,400 inputs
        var failures = new List<string>();
        for (var seed = 0; seed < documents; seed++)
        {
            var json = RandomOrganization.Json(seed);
            var random = new Random(seed * 7919 + 1);
            for (var m = 0; m < mutationsPerDocument; m++)
            {
                var input = Mutations.MutateBytes(json, random);
                try
                {
                    FuzzTarget.Run(input);
                }
                catch (Exception ex)
                {
                    var name = $"minifuzz-{seed}-{m}.json";
                    File.WriteAllBytes(Path.Combine(Path.GetTempPath(), name), input);
                    failures.Add($"{name}: {ex.GetType().Name}: {ex.Message}");
                    if (failures.Count >= 20) break;
                }
            }
        }
        foreach (var f in failures) output.WriteLine(f);
        Assert.True(failures.Count == 0, failures.Count + " inputs broke the target (written to " + Path.GetTempPath() + "):\n" + string.Join("\n", failures.Take(20)));
    }

    [Fact]
    public void Hand_picked_hostile_inputs_never_break_the_target()
    {
        var inputs = new[]
        {
            "", " ", "\uFEFF", "null", "0", "\"x\"", "[]", "{", "}", "{}", "{\"schemaVersion\": new Date(1)}",
            "{\"schemaVersion\": \"1.0\", \"units\": [ new Date(1) ]}", "{\"schemaVersion\":\"1.0\",\"units\":[{\"id\":\"u\",\"kind\": new X(1,2)}]}",
            "{\"schemaVersion\": undefined}", "{\"schemaVersion\": \"1.0\", /* c */ \"units\": /* c */ [ /* c */ ] }",
            "{\"schemaVersion\": \"1.0\", \"units\": [ {\"id\": \"u\" /* c */, \"name\": /* c */ \"n\" } ] }",
            "{\"schemaVersion\":\"1.0\",\"units\":[1,,2]}", "{'schemaVersion':'1.0'}", "{schemaVersion:\"1.0\"}",
            "{\"schemaVersion\":\"1.0\"}{}", "{\"schemaVersion\":\"1.0\",\"people\":[1,{\"id\":\"a\",\"managerId\":\"a\"}]}",
            "{\"schemaVersion\":\"1.0\",\"units\":[null,{\"id\":\"a\",\"parentId\":\"b\"},{\"id\":\"b\"}]}", "{\"schemaVersion\":\"1.0\",\"processes\":[{\"id\":\"p\",\"workType\":\"routine\",\"steps\":1e400}]}",
            "{\"schemaVersion\":\"1.0\",\"processes\":[{\"id\":\"p\",\"workType\":\"routine\",\"steps\":" + new string('9', 500) + "}]}",
        };
        var failures = new List<string>();
        foreach (var input in inputs)
        {
            try { FuzzTarget.Run(Encoding.UTF8.GetBytes(input)); }
            catch (Exception ex) { failures.Add($"{input}: {ex.GetType().Name}: {ex.Message}"); }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
