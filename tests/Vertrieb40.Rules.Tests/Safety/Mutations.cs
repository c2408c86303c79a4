using System.Text;
using Newtonsoft.Json.Linq;

namespace Vertrieb40.Rules.Tests.Safety;

/// <summary>
/// Deterministic mutations of organisation documents, for the properties and the in-process fuzz test:
/// on the parsed tree (drop / duplicate / retype a field, shuffle a collection) and on the raw text
/// (truncate, insert garbage, flip bytes, repeat a slice).
/// </summary>
public static class Mutations
{
    private static readonly string[] Garbage =
    {
        "{", "}", "[", "]", ",", ":", "\"", "\\", "null", "true", "-", "1e999", "NaN", "-Infinity", "\"\\u", "/*", "//", "'",
        "new Date(1)", "undefined", "\u0000", "\uFFFD", "\"$type\": \"System.IO.FileInfo, System.IO\"", "{\"$ref\":\"1\"}", "0x1F",
        "99999999999999999999999999999999999999", "\"id\": null", ",,", "[[[[[[[[[[", "\r\n", "é",
    };

    /// <summary>A mutated copy of the document text; <paramref name="random"/> decides which mutations.</summary>
    public static byte[] MutateBytes(string json, Random random)
    {
        var text = random.Next(3) == 0 ? json : MutateTree(json, random);
        var bytes = Encoding.UTF8.GetBytes(text).ToList();
        var rounds = 1 + random.Next(4);
        for (var i = 0; i < rounds && bytes.Count > 0; i++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(7))
            {
                case 0: bytes.RemoveRange(at, bytes.Count - at); break;                                     // truncate
                case 1: bytes.InsertRange(at, Encoding.UTF8.GetBytes(Garbage[random.Next(Garbage.Length)])); break; // insert garbage
                case 2: bytes[at] = (byte)random.Next(256); break;                                          // flip a byte (may break UTF-8)
                case 3: bytes.RemoveRange(at, Math.Min(bytes.Count - at, 1 + random.Next(16))); break;       // delete a slice
                case 4:                                                                                      // repeat a slice
                    var len = Math.Min(bytes.Count - at, 1 + random.Next(64));
                    bytes.InsertRange(at, bytes.GetRange(at, len));
                    break;
                case 5: bytes.Insert(at, (byte)"{}[],:\"\\"[random.Next(8)]); break;                          // a structural character
                default:                                                                                     // swap two bytes
                    var other = random.Next(bytes.Count);
                    (bytes[at], bytes[other]) = (bytes[other], bytes[at]);
                    break;
            }
        }
        return bytes.ToArray();
    }

    /// <summary>A mutated copy of a document on its tree: drop / duplicate / retype fields, or nest deeper.</summary>
    public static string MutateTree(string json, Random random)
    {
        var root = (JContainer)JToken.Parse(json);
        var renames = new List<(string Marker, string Name)>(); // JObject cannot hold a name twice: rename after writing
        var rounds = 1 + random.Next(3);
        for (var i = 0; i < rounds; i++)
        {
            var props = root.Descendants().OfType<JProperty>().ToList();
            if (props.Count == 0) break;
            var p = props[random.Next(props.Count)];
            switch (random.Next(5))
            {
                case 0: p.Remove(); break;
                case 1: // duplicate: the same property again, or its entity repeated in the array
                    if (p.Parent?.Parent is JArray && random.Next(2) == 0) ((JArray)p.Parent.Parent).Add(p.Parent.DeepClone());
                    else if (p.Parent is JObject o)
                    {
                        var marker = "__duplicate_" + renames.Count + "__";
                        renames.Add((marker, p.Name));
                        o.Add(new JProperty(marker, p.Value.DeepClone()));
                    }
                    break;
                case 2: p.Value = Retype(p.Value, random); break;
                case 3: p.Value = JValue.CreateNull(); break;
                default:
                    p.Value = random.Next(2) == 0 ? new JArray(p.Value.DeepClone()) : new JObject(new JProperty(p.Name, p.Value.DeepClone()));
                    break;
            }
        }
        var text = root.ToString(random.Next(2) == 0 ? Newtonsoft.Json.Formatting.Indented : Newtonsoft.Json.Formatting.None);
        foreach (var (marker, name) in renames) text = text.Replace("\"" + marker + "\"", Newtonsoft.Json.JsonConvert.ToString(name), StringComparison.Ordinal);
        return text;
    }

    private static JToken Retype(JToken value, Random random) => random.Next(8) switch
    {
        0 => new JValue(42),
        1 => new JValue(-1.5),
        2 => new JValue(true),
        3 => new JValue("text"),
        4 => new JArray(),
        5 => new JObject(),
        6 => new JValue(""),
        _ => value.Type == JTokenType.String ? new JArray(value.DeepClone()) : new JValue(value.ToString()),
    };

    /// <summary>The same document with the entities of every collection in a random order (ids unchanged).</summary>
    public static string Shuffle(string json, Random random)
    {
        var root = JObject.Parse(json);
        foreach (var p in root.Properties().ToList())
        {
            if (p.Value is not JArray array || array.Count < 2) continue;
            var items = array.ToList();
            for (var i = items.Count - 1; i > 0; i--)
            {
                var j = random.Next(i + 1);
                (items[i], items[j]) = (items[j], items[i]);
            }
            p.Value = new JArray(items.Select(x => x.DeepClone()));
        }
        return root.ToString(Newtonsoft.Json.Formatting.Indented);
    }
}
