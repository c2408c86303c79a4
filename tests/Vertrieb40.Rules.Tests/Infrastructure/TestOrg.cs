using System.Globalization;
using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Reading;

namespace Vertrieb40.Rules.Tests.Infrastructure;

/// <summary>Helpers to read and analyse small documents in tests.</summary>
public static class TestOrg
{
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    /// <summary>Wraps collections into a minimal valid document: <c>Doc("\"units\": [...]")</c>.</summary>
    public static string Doc(string body) => "{\n  \"schemaVersion\": \"1.1\"" + (string.IsNullOrWhiteSpace(body) ? "" : ",\n  " + body) + "\n}";

    public static LoadResult Read(string json, string file = "test.json") => OrganizationReader.ReadString(json, file);

    /// <summary>Reads and analyses; fails the test when the document has input errors.</summary>
    public static AnalysisResult Analyze(string json, IReadOnlyDictionary<string, string>? options = null, OrganizationAnalyzer? analyzer = null)
    {
        var load = Read(json);
        Assert.False(load.HasErrors, "input errors: " + string.Join("\n", load.Diagnostics.Select(d => d.ToString(English))));
        var opts = new AnalysisOptions { RuleOptions = options is null ? RuleOptions.Empty : new RuleOptions(options) };
        return (analyzer ?? OrganizationAnalyzer.Default).Analyze(load, opts);
    }

    /// <summary>The diagnostics of one rule.</summary>
    public static IReadOnlyList<Diagnostic> Findings(string json, string id, IReadOnlyDictionary<string, string>? options = null)
        => Analyze(json, options).Diagnostics.Where(d => d.Id == id).ToList();

    /// <summary>A short form for assertions: "ID pointer (line,col)".</summary>
    public static string Short(Diagnostic d) => $"{d.Id} {d.Location.JsonPointer} ({d.Location.Span.StartLine},{d.Location.Span.StartColumn})";

    /// <summary>A small, realistic structure used by rule tests: a company, a sales unit with two teams, a marketing unit.</summary>
    public const string Structure = """
  "units": [
    { "id": "u-co", "kind": "company", "function": "management" },
    { "id": "u-sales", "kind": "division", "function": "sales", "parentId": "u-co" },
    { "id": "u-north", "kind": "team", "function": "sales", "parentId": "u-sales" },
    { "id": "u-south", "kind": "team", "function": "sales", "parentId": "u-sales" },
    { "id": "u-mkt", "kind": "department", "function": "marketing", "parentId": "u-co" }
  ],
  "roles": [
    { "id": "r-field", "funnelStage": "purchase", "function": "sales" },
    { "id": "r-inside", "funnelStage": "consideration", "function": "sales" },
    { "id": "r-editor", "funnelStage": "interest", "function": "marketing" }
  ],
  "people": [
    { "id": "p1", "unitId": "u-co", "roleIds": [] },
    { "id": "p2", "unitId": "u-north", "managerId": "p1", "roleIds": ["r-field"] },
    { "id": "p3", "unitId": "u-north", "managerId": "p1", "roleIds": ["r-field", "r-inside"] },
    { "id": "p4", "unitId": "u-south", "managerId": "p1", "roleIds": ["r-inside"] },
    { "id": "p5", "unitId": "u-mkt", "managerId": "p1", "roleIds": ["r-editor"] }
  ]
""";
}
