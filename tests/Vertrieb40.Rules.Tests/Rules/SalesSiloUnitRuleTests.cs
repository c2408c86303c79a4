using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Analysis.Facts;
using Vertrieb40.Rules.Model;
using Vertrieb40.Rules.Tests.Infrastructure;

namespace Vertrieb40.Rules.Tests.Rules;

public class SalesSiloUnitRuleTests
{
    // A sales division with a sales-only team, a team that holds a marketing role, and an empty team.
    private static string Org(string northMarkup = """{ "id": "u-north", "kind": "team", "function": "sales", "parentId": "u-sales" }""") => TestOrg.Doc($$"""
  "units": [
    { "id": "u-co", "kind": "company", "function": "management" },
    { "id": "u-sales", "name": "Sales", "kind": "division", "function": "sales", "parentId": "u-co" },
    {{northMarkup}},
    { "id": "u-mixed", "kind": "team", "function": "sales", "parentId": "u-sales" },
    { "id": "u-empty", "kind": "team", "function": "sales", "parentId": "u-sales" },
    { "id": "u-mkt", "function": "marketing", "parentId": "u-co" }
  ],
  "roles": [
    { "id": "r-ceo", "function": "management" },
    { "id": "r-field", "function": "sales" },
    { "id": "r-editor", "function": "marketing" },
    { "id": "r-engineer", "function": "engineering" }
  ],
  "people": [
    { "id": "p1", "unitId": "u-co", "roleIds": ["r-ceo"] },
    { "id": "p2", "unitId": "u-sales", "roleIds": ["r-ceo"] },
    { "id": "p3", "unitId": "u-north", "roleIds": ["r-field"] },
    { "id": "p4", "unitId": "u-north", "roleIds": ["r-field", "r-engineer"] },
    { "id": "p5", "unitId": "u-mixed", "roleIds": ["r-field"] },
    { "id": "p6", "unitId": "u-mixed", "roleIds": ["r-editor"] },
    { "id": "p7", "unitId": "u-mkt", "roleIds": ["r-editor"] },
    { "id": "p8", "roleIds": ["r-editor"] }
  ]
""");

    [Fact]
    public void Fires_on_a_sales_team_without_marketing_support_or_product_roles()
    {
        var d = Assert.Single(Markup.Verify(Org("""{|VT2006:{ "id": "u-north", "kind": "team", "function": "sales", "parentId": "u-sales" }|}""")));
        Assert.Equal("/units/2", d.Location.JsonPointer);
        Assert.Equal("u-north", d.Location.EntityId);
        Assert.Equal(Vertrieb40.Rules.Diagnostics.DiagnosticSeverity.Warning, d.Severity); // L256–258: probably THE decisive step
        Assert.Contains("Sales unit 'u-north' (2 people) holds no role from marketing/support/product.", d.GetMessage(TestOrg.English));
        Assert.Contains("In der Vertriebseinheit „u-north“ (2 Personen) hat niemand eine Rolle aus Marketing/Support/Produkt.",
            d.GetMessage(System.Globalization.CultureInfo.GetCultureInfo("de")));
    }

    [Fact]
    public void By_default_roles_in_sub_units_count_for_the_parent()
    {
        // The division holds a marketing role in u-mixed, so only u-north is reported; u-empty has nobody.
        var ids = TestOrg.Findings(Org(), "VT2006").Select(d => d.Location.EntityId!).ToArray();
        Assert.Equal(["u-north"], ids);
    }

    [Fact]
    public void Only_direct_members_count_when_sub_units_are_excluded()
    {
        // Counting only direct members, the division (1 person) is a silo, and u-north is part of it: reported once, at the top.
        var ds = TestOrg.Findings(Org(), "VT2006", new Dictionary<string, string> { ["VT2006.includeSubUnits"] = "false" });
        Assert.Equal(["u-sales"], ds.Select(d => d.Location.EntityId!).ToArray());
        Assert.Contains("'Sales' (1 person)", ds.Single().GetMessage(TestOrg.English));
    }

    [Fact]
    public void A_sales_division_of_sales_only_teams_is_reported_with_everyone_in_it()
    {
        var json = TestOrg.Doc("""
  "units": [
    { "id": "u-sales", "function": "sales" },
    { "id": "u-a", "kind": "team", "function": "sales", "parentId": "u-sales" },
    { "id": "u-b", "kind": "team", "function": "sales", "parentId": "u-sales" }
  ],
  "roles": [ { "id": "r-field", "function": "sales" } ],
  "people": [
    { "id": "p1", "unitId": "u-a", "roleIds": ["r-field"] },
    { "id": "p2", "unitId": "u-b", "roleIds": ["r-field"] },
    { "id": "p3", "unitId": "u-b", "roleIds": [] }
  ]
""");
        // One silo, one finding, at its top — not the division plus each of its teams.
        var d = Assert.Single(TestOrg.Findings(json, "VT2006"));
        Assert.Equal("u-sales", d.Location.EntityId);
        Assert.Contains("(3 people)", d.GetMessage(TestOrg.English));
    }

    [Theory]
    [InlineData("support")]
    [InlineData("product")]
    [InlineData("marketing")]
    public void Does_not_fire_when_a_member_holds_one_of_the_roles(string function)
    {
        var json = TestOrg.Doc($$"""
  "units": [ { "id": "u-team", "kind": "team", "function": "sales" } ],
  "roles": [ { "id": "r-field", "function": "sales" }, { "id": "r-other", "function": "{{function}}" } ],
  "people": [
    { "id": "p1", "unitId": "u-team", "roleIds": ["r-field"] },
    { "id": "p2", "unitId": "u-team", "roleIds": ["r-field", "r-other"] }
  ]
""");
        Markup.Verify(json, "VT2006");
    }

    [Fact]
    public void Units_of_other_functions_are_not_judged()
    {
        var json = TestOrg.Doc("""
  "units": [ { "id": "u-team", "kind": "team", "function": "crossFunctional" }, { "id": "u-eng", "function": "engineering" } ],
  "roles": [ { "id": "r-field", "function": "sales" } ],
  "people": [ { "id": "p1", "unitId": "u-team", "roleIds": ["r-field"] }, { "id": "p2", "unitId": "u-eng", "roleIds": ["r-field"] } ]
""");
        Markup.Verify(json, "VT2006");
    }

    [Fact]
    public void Expected_functions_are_configurable()
    {
        // Asking for engineering: u-north has an engineer, u-mixed and (through u-mixed only) the division have none.
        var ds = TestOrg.Findings(Org(), "VT2006", new Dictionary<string, string> { ["VT2006.functions"] = "engineering" });
        Assert.Equal(["u-mixed"], ds.Select(d => d.Location.EntityId!).ToArray());
        Assert.Contains("holds no role from engineering.", ds[0].GetMessage(TestOrg.English));
    }

    [Fact]
    public void Derived_fact_summarises_role_functions_per_unit_directly_and_within()
    {
        var org = TestOrg.Read(Org()).Organization!;
        var facts = UnitRoleFunctions.Build(new SemanticModel(org)).Cast<UnitRoleFunctions>().ToDictionary(f => f.Unit.Id);
        Assert.Equal(org.Units.Count, facts.Count);
        var sales = facts["u-sales"];
        Assert.Equal(1, sales.DirectPeople);
        Assert.Equal(5, sales.PeopleWithin);
        Assert.True(sales.HasDirect(BusinessFunction.Management));
        Assert.False(sales.HasDirect(BusinessFunction.Marketing));
        Assert.True(sales.HasWithin(BusinessFunction.Marketing));
        Assert.True(sales.HasWithin(BusinessFunction.Engineering));
        Assert.True(facts["u-co"].HasWithin(BusinessFunction.Sales));
        Assert.Equal(7, facts["u-co"].PeopleWithin); // p8 belongs to no unit
        Assert.Equal(0, facts["u-empty"].PeopleWithin);
        Assert.False(facts["u-empty"].HasAny([BusinessFunction.Sales, BusinessFunction.Marketing], includeSubUnits: true));
    }
}
