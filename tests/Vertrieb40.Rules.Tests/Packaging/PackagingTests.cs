using System.Diagnostics;
using System.Globalization;
using Vertrieb40.Rules.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Vertrieb40.Rules.Tests.Packaging;

/// <summary>
/// Packs the library and the tool, installs the tool from the local folder into a temporary tool path and
/// runs it on a seed, and builds a fresh console project (net8.0 and net10.0) that references the packed
/// library and analyses a seed through the public API. Restores use a temporary NuGet cache (so the
/// test's package version never lands in the user's cache) fed from the pack folder, the user's package
/// cache as a local source, and nuget.org. Long-running (about 1–3 minutes): filter it out with
/// <c>--filter Category!=Packaging</c> when iterating.
/// </summary>
[Trait("Category", "Packaging")]
public class PackagingTests(ITestOutputHelper output)
{
    [Fact]
    public void Packed_tool_and_library_install_and_analyse_a_seed()
    {
        var work = Directory.CreateTempSubdirectory("v40-pack-").FullName;
        try
        {
            // A unique package version (the assembly version stays, so the build is incremental).
            var version = "0.1.0-packtest." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
            var feed = Path.Combine(work, "feed");
            var cache = Path.Combine(work, "nuget-cache");
            var env = new Dictionary<string, string> { ["NUGET_PACKAGES"] = cache, ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1" };
            var userCache = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
                ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

            // 1. Pack: the library first (both target frameworks), then the tool (the library is up to date by then).
            foreach (var project in new[] { "src/Vertrieb40.Rules/Vertrieb40.Rules.csproj", "src/Vertrieb40.Rules.Cli/Vertrieb40.Rules.Cli.csproj" })
                Dotnet(SeedPaths.Root, null, "pack", project, "-c", "Release", "-o", feed, "-p:PackageVersion=" + version, "--nologo");
            foreach (var file in new[] { $"Vertrieb40.Rules.{version}.nupkg", $"Vertrieb40.Rules.{version}.snupkg", $"Vertrieb40.Rules.Cli.{version}.nupkg" })
                Assert.True(File.Exists(Path.Combine(feed, file)), "missing " + file);
            using (var zip = System.IO.Compression.ZipFile.OpenRead(Path.Combine(feed, $"Vertrieb40.Rules.{version}.nupkg")))
            {
                var entries = zip.Entries.Select(e => e.FullName).ToHashSet();
                foreach (var expected in new[] { "README.md", "lib/net8.0/Vertrieb40.Rules.dll", "lib/net8.0/Vertrieb40.Rules.xml", "lib/net10.0/Vertrieb40.Rules.dll", "lib/net10.0/de/Vertrieb40.Rules.resources.dll" })
                    Assert.Contains(expected, entries);
                using var nuspec = new StreamReader(zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
                var text = nuspec.ReadToEnd();
                Assert.Contains("<license type=\"expression\">MIT</license>", text);
                Assert.Contains("<readme>README.md</readme>", text);
            }

            // 2. The tool: install from the folder into a temporary tool path, run it on a seed.
            var tools = Path.Combine(work, "tools");
            Dotnet(work, env, "tool", "install", "--tool-path", tools, "--add-source", feed, "Vertrieb40.Rules.Cli", "--version", version);
            var tool = Path.Combine(tools, OperatingSystem.IsWindows() ? "vertrieb40.exe" : "vertrieb40");
            var run = Run(tool, work, env, "analyze", SeedPaths.Classic, "--culture", "en");
            Assert.Equal(1, run.Code);
            Assert.Contains("error VT3001", run.Out);
            Assert.Equal(0, Run(tool, work, env, "analyze", SeedPaths.Clean).Code);

            // 3. A fresh console project that references the packed library (net8.0 builds, net10.0 runs).
            var app = Path.Combine(work, "app");
            Directory.CreateDirectory(app);
            File.WriteAllText(Path.Combine(app, "nuget.config"), $"""
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="packed" value="{feed}" />
    <add key="user-cache" value="{userCache}" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
</configuration>
""");
            File.WriteAllText(Path.Combine(app, "App.csproj"), $"""
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFrameworks>net8.0;net10.0</TargetFrameworks>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Vertrieb40.Rules" Version="{version}" />
  </ItemGroup>
</Project>
""");
            File.WriteAllText(Path.Combine(app, "Program.cs"), """
using Vertrieb40.Rules;
var result = OrganizationAnalyzer.Default.AnalyzeFile(args[0]);
foreach (var d in result.Diagnostics) Console.WriteLine(d.Id + " " + d.Location.JsonPointer);
Console.WriteLine("people=" + result.PeopleCount);
return result.InputFailed ? 2 : 0;
""");
            Dotnet(app, env, "build", "-c", "Release", "--nologo");
            var dll = Path.Combine(app, "bin", "Release", "net10.0", "App.dll");
            var api = Run("dotnet", app, env, dll, Path.Combine(SeedPaths.Seeds, "hr-export.csv"));
            Assert.Equal(0, api.Code);
            Assert.Contains("VT3001 /incentivePlans/0", api.Out); // the CSV import and practices file through the public API
            Assert.Contains("people=58", api.Out);
            Assert.True(File.Exists(Path.Combine(app, "bin", "Release", "net8.0", "App.dll")));
        }
        finally
        {
            try { Directory.Delete(work, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private void Dotnet(string workingDirectory, IReadOnlyDictionary<string, string>? env, params string[] args)
    {
        var r = Run("dotnet", workingDirectory, env, args);
        Assert.True(r.Code == 0, $"dotnet {string.Join(' ', args)} exited {r.Code}:\n{r.Out}\n{r.Err}");
    }

    private (int Code, string Out, string Err) Run(string file, string workingDirectory, IReadOnlyDictionary<string, string>? env, params string[] args)
    {
        var psi = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        if (env != null) foreach (var (k, v) in env) psi.Environment[k] = v;
        psi.Environment.Remove("VERTRIEB40_PSEUDONYM_KEY");
        var sw = Stopwatch.StartNew();
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(4)))
        {
            p.Kill(entireProcessTree: true);
            Assert.Fail($"{file} {string.Join(' ', args)} did not finish in 4 minutes");
        }
        output.WriteLine($"{Path.GetFileName(file)} {string.Join(' ', args.Take(3))}: exit {p.ExitCode} in {sw.Elapsed.TotalSeconds:F1} s");
        return (p.ExitCode, stdout.Result, stderr.Result);
    }
}
