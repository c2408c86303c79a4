using Newtonsoft.Json.Linq;
using Vertrieb40.Rules.Tests.Infrastructure;

namespace Vertrieb40.Rules.Tests.Reading;

/// <summary>The published JSON Schema and the reader describe the same format.</summary>
public class SchemaTests
{
    private static JObject Schema() => JObject.Parse(File.ReadAllText(Path.Combine(SeedPaths.Root, "schema", "organization.schema.json")));

    [Fact]
    public void Schema_is_embedded_in_the_library()
    {
        using var s = typeof(Vertrieb40.Rules.Reading.OrganizationReader).Assembly.GetManifestResourceStream("Vertrieb40.Rules.organization.schema.json");
        Assert.NotNull(s);
    }

    [Fact]
    public void Every_property_the_schema_names_is_known_to_the_reader()
    {
        var schema = Schema();
        var definitions = (JObject)schema["definitions"]!;
        foreach (var collection in ((JObject)schema["properties"]!).Properties())
        {
            var itemRef = (string?)collection.Value["items"]?["$ref"];
            if (itemRef is null) continue;
            var definition = (JObject)definitions[itemRef.Split('/').Last()]!;
            var entity = new JObject();
            foreach (var p in ((JObject)definition["properties"]!).Properties()) entity[p.Name] = SampleValue(p.Value, definitions);
            var doc = new JObject { ["schemaVersion"] = "1.0", [collection.Name] = new JArray(entity) };
            var unknown = TestOrg.Read(doc.ToString()).Diagnostics.Where(d => d.Id == "VT0007").Select(d => d.GetMessage(TestOrg.English));
            Assert.Empty(unknown);
        }
    }

    private static JToken SampleValue(JToken schema, JObject definitions)
    {
        if (schema["$ref"] is JValue r) return SampleValue(definitions[((string)r!).Split('/').Last()]!, definitions);
        if (schema["enum"] is JArray e) return e[0];
        var type = schema["type"] is JArray types ? (string)types[0]! : (string?)schema["type"];
        return type switch
        {
            "boolean" => false,
            "number" or "integer" => 1,
            "array" => new JArray(),
            "object" => new JObject(),
            _ => (string?)schema["pattern"] == "^[A-Z]{2,5}[0-9]{4}$" ? "VT3001" : (string?)schema["pattern"] is { } ? "2030-01-01" : "x",
        };
    }
}
