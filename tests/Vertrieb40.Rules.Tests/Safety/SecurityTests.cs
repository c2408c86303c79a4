using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;
using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Reading;
using Vertrieb40.Rules.Tests.Infrastructure;

namespace Vertrieb40.Rules.Tests.Safety;

/// <summary>
/// Issue 6, security: no types named by the input, no code loaded from input, no network. Audited in the
/// compiled assemblies' metadata (what the code references) and in the sources, and checked by behaviour.
/// </summary>
public class SecurityTests
{
    private static readonly Assembly Library = typeof(OrganizationReader).Assembly;
    private static readonly Assembly Tool = typeof(Vertrieb40.Rules.Cli.Program).Assembly;

    /// <summary>Every type and member the assembly's IL refers to, as "Namespace.Type::Member".</summary>
    private static List<string> References(Assembly assembly)
    {
        using var pe = new PEReader(File.OpenRead(assembly.Location));
        var md = pe.GetMetadataReader();
        string TypeName(EntityHandle h) => h.Kind switch
        {
            HandleKind.TypeReference => md.GetString(md.GetTypeReference((TypeReferenceHandle)h).Namespace) + "." + md.GetString(md.GetTypeReference((TypeReferenceHandle)h).Name),
            HandleKind.TypeDefinition => md.GetString(md.GetTypeDefinition((TypeDefinitionHandle)h).Namespace) + "." + md.GetString(md.GetTypeDefinition((TypeDefinitionHandle)h).Name),
            HandleKind.TypeSpecification => "(generic)",
            _ => "?",
        };
        var list = md.TypeReferences.Select(h => TypeName(h)).ToList();
        list.AddRange(md.MemberReferences.Select(h => md.GetMemberReference(h)).Select(m => TypeName(m.Parent) + "::" + md.GetString(m.Name)));
        list.AddRange(md.AssemblyReferences.Select(h => "assembly " + md.GetString(md.GetAssemblyReference(h).Name)));
        return list;
    }

    private static IEnumerable<string> Sources(string project)
        => Directory.EnumerateFiles(Path.Combine(SeedPaths.Root, "src", project), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    [Fact]
    public void The_library_never_sets_TypeNameHandling_nor_uses_reflection_deserialisation()
    {
        var refs = References(Library);
        Assert.Contains(refs, r => r == "Newtonsoft.Json.JsonTextReader"); // the audit sees Newtonsoft at all
        Assert.DoesNotContain(refs, r => r.Contains("TypeNameHandling", StringComparison.Ordinal));
        Assert.DoesNotContain(refs, r => r.Contains("SerializationBinder", StringComparison.Ordinal));
        Assert.DoesNotContain(refs, r => Regex.IsMatch(r, @"^Newtonsoft\.Json\.(JsonConvert::(DeserializeObject|PopulateObject)|JsonSerializer::(Deserialize|Populate)|Linq\.JToken::ToObject)"));
        Assert.DoesNotContain(refs, r => r.StartsWith("System.Runtime.Serialization.Formatters", StringComparison.Ordinal));
        // YAML: only the event parser; YamlDotNet's object (de)serialiser, which constructs types from tags, is never referenced.
        Assert.Contains(refs, r => r == "YamlDotNet.Core.Parser");
        Assert.DoesNotContain(refs, r => r.StartsWith("YamlDotNet.Serialization", StringComparison.Ordinal) || r.StartsWith("YamlDotNet.RepresentationModel", StringComparison.Ordinal));
    }

    [Fact]
    public void No_source_file_mentions_a_TypeNameHandling_other_than_None()
    {
        var offending = Sources("Vertrieb40.Rules").Concat(Sources("Vertrieb40.Rules.Cli"))
            .SelectMany(f => Regex.Matches(File.ReadAllText(f), @"TypeNameHandling\s*\.\s*(\w+)").Select(m => (File: f, Value: m.Groups[1].Value)))
            .Where(x => x.Value != "None")
            .Select(x => $"{x.File}: TypeNameHandling.{x.Value}")
            .ToList();
        Assert.Empty(offending);
    }

    [Fact]
    public void A_type_property_in_the_input_is_an_unknown_property_and_creates_nothing()
    {
        var canary = typeof(Canary).AssemblyQualifiedName!;
        var json = $$"""
{ "$type": "{{canary}}",
  "schemaVersion": "1.0",
  "units": [ { "$type": "{{canary}}", "id": "u", "$values": [ { "$type": "{{canary}}" } ] } ],
  "organization": { "$type": "Evil.Payload, Evil.Assembly", "name": "x" }
}
""";
        LoadResult? load = null;
        AnalysisResult? result = null;
        var attempts = WatchAssemblyLoads(() =>
        {
            load = OrganizationReader.ReadString(json, "type.json");
            result = OrganizationAnalyzer.Default.Analyze(load);
        });

        Assert.False(load!.HasErrors);
        Assert.Equal(new[] { "$type", "$type", "$type", "$values" }, load.Diagnostics.Where(d => d.Id == "VT0007").Select(d => (string)d.Arguments[0]!).Order(StringComparer.Ordinal));
        Assert.Equal(0, Canary.Created);
        Assert.IsType<Vertrieb40.Rules.Model.Unit>(Assert.Single(load.Organization!.Units));
        Assert.DoesNotContain(attempts, a => a.Contains("Evil", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(result!.Diagnostics, d => d.Id.StartsWith("VT01", StringComparison.Ordinal));
    }

    [Fact]
    public void Reading_and_analysing_loads_no_assembly_whatever_the_input_names()
    {
        var json = """
{ "schemaVersion": "1.0",
  "rules": "/tmp/evil.dll", "ruleAssemblies": ["evil.dll"], "$schema": "file:///tmp/evil.dll", "$type": "Evil.Rules, evil",
  "units": [ { "id": "u", "name": "System.IO.File, System.Private.CoreLib" } ],
  "incentivePlans": [ { "id": "ip", "type": "commission", "metric": "Newtonsoft.Json.Linq.JObject, Newtonsoft.Json", "participants": { "everyone": true } } ]
}
""";
        AnalysisResult? result = null;
        var attempts = WatchAssemblyLoads(() => result = OrganizationAnalyzer.Default.Analyze(OrganizationReader.ReadString(json, "evil.json")));
        Assert.Contains(result!.Diagnostics, d => d.Id == "VT3001");
        Assert.DoesNotContain(attempts, a => a.Contains("evil", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Every assembly loaded, and every name the runtime was asked to resolve, while <paramref name="action"/> ran
    /// (other tests run in parallel, so callers look for the names their input used, not for "nothing at all").
    /// </summary>
    private static List<string> WatchAssemblyLoads(Action action)
    {
        var seen = new List<string>();
        AssemblyLoadEventHandler loaded = (_, e) => { lock (seen) seen.Add(e.LoadedAssembly.FullName ?? "?"); };
        ResolveEventHandler resolve = (_, e) => { lock (seen) seen.Add(e.Name); return null; };
        AppDomain.CurrentDomain.AssemblyLoad += loaded;
        AppDomain.CurrentDomain.AssemblyResolve += resolve;
        try { action(); }
        finally
        {
            AppDomain.CurrentDomain.AssemblyLoad -= loaded;
            AppDomain.CurrentDomain.AssemblyResolve -= resolve;
        }
        lock (seen) return seen.ToList();
    }

    [Fact]
    public void The_library_and_the_tool_load_code_only_through_explicit_assembly_objects()
    {
        // OrganizationAnalyzer.Create takes Assembly objects the host loaded; the library loads nothing by name or
        // path. The tool loads exactly one kind of code: the files named with --rules-assembly (Assembly.LoadFrom
        // of an explicit path, in AnalysisSetup) — never a path or name taken from an input document.
        foreach (var assembly in new[] { Library, Tool })
        {
            var refs = References(assembly);
            Assert.DoesNotContain(refs, r => Regex.IsMatch(r, @"^System\.Reflection\.Assembly::(Load|LoadFile|UnsafeLoadFrom|LoadWithPartialName)$"));
            if (assembly == Library) Assert.DoesNotContain(refs, r => r == "System.Reflection.Assembly::LoadFrom");
            Assert.DoesNotContain(refs, r => r.StartsWith("System.Runtime.Loader.AssemblyLoadContext", StringComparison.Ordinal));
            Assert.DoesNotContain(refs, r => r == "System.Type::GetType"); // Type.GetType(string): a type by name
            Assert.DoesNotContain(refs, r => r == "System.Activator::CreateInstanceFrom");
        }
    }

    [Fact]
    public void The_tool_loads_assemblies_only_for_the_rules_assembly_option()
    {
        var cli = Path.Combine(Infrastructure.SeedPaths.Root, "src", "Vertrieb40.Rules.Cli");
        var loaders = Directory.EnumerateFiles(cli, "*.cs", SearchOption.TopDirectoryOnly)
            .Where(f => File.ReadAllText(f).Contains("Assembly.LoadFrom", StringComparison.Ordinal))
            .Select(Path.GetFileName).ToList();
        Assert.Equal(new[] { "AnalysisSetup.cs" }, loaders);
        Assert.Contains("--rules-assembly", File.ReadAllText(Path.Combine(cli, "AnalysisSetup.cs")));
    }

    [Fact]
    public void The_library_and_the_tool_reference_no_network_api()
    {
        foreach (var assembly in new[] { Library, Tool })
        {
            var refs = References(assembly);
            Assert.Contains(refs, r => r.StartsWith("assembly ", StringComparison.Ordinal)); // the audit sees references at all
            Assert.DoesNotContain(refs, r => Regex.IsMatch(r, @"^(assembly )?System\.Net\.(Http|Sockets|WebClient|Requests|NameResolution|Mail|WebSockets|Quic)"));
            Assert.DoesNotContain(refs, r => Regex.IsMatch(r, @"^System\.Net\.(HttpWebRequest|WebRequest|Dns|WebClient)"));
        }
        var sources = Sources("Vertrieb40.Rules").Concat(Sources("Vertrieb40.Rules.Cli"))
            .Where(f => Regex.IsMatch(File.ReadAllText(f), @"System\.Net\.|HttpClient|Socket|WebRequest|Dns\."))
            .ToList();
        Assert.Empty(sources);
    }
}

/// <summary>A type an attacker might name in "$type": it counts every instance created.</summary>
public sealed class Canary
{
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2211", Justification = "The canary's counter is read by the test after a load attempt; Interlocked keeps it exact.")]
    public static int Created;
    public Canary() => Interlocked.Increment(ref Created);
}
