using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Generation;
using Vertrieb40.Rules.Model;
using Vertrieb40.Rules.Reading;

namespace Vertrieb40.Rules.Tests.Analysis;

/// <summary>The precomputed reach (role filters per role set, subtree sums) equals a person-by-person count.</summary>
public class SemanticModelReachTests
{
    private static int BruteForce(SemanticModel model, Scope scope)
        => model.Organization.People.Count(p => model.Contains(scope, p));

    [Fact]
    public void Reach_equals_a_person_by_person_count_for_every_scope_of_a_generated_organisation()
    {
        var sw = new StringWriter();
        OrganizationGenerator.Generate(new GeneratorOptions { People = 6000, Seed = 77, AntiPatternDensity = 0.2 }, sw);
        var org = OrganizationReader.ReadString(sw.ToString()).Organization!;
        var model = new SemanticModel(org);
        var scopes = org.IncentivePlans.Select(p => p.Participants).Concat(org.Targets.Select(t => t.AppliesTo))
            .Concat(org.Meetings.Select(m => m.Attendees)).Concat(org.Forecasts.Select(f => f.Contributors)).ToList();
        Assert.Contains(scopes, s => s.Roles.Count > 0 && s.Units.Count > 0);
        Assert.Contains(scopes, s => s.Roles.Count > 0 && s.Units.Count == 0);
        foreach (var s in scopes) Assert.Equal(BruteForce(model, s), model.Reach(s));
    }

    [Fact]
    public void Reach_with_roles_nested_units_people_and_several_roles()
    {
        var org = OrganizationReader.ReadString(Infrastructure.TestOrg.Doc(Infrastructure.TestOrg.Structure)).Organization!;
        var model = new SemanticModel(org);
        Unit U(string id) => org.Units.Single(u => u.Id == id);
        Role R(string id) => org.Roles.Single(r => r.Id == id);
        Person P(string id) => org.People.Single(p => p.Id == id);
        var scopes = new[]
        {
            new Scope { RoleIds = ["r-field"], Roles = [R("r-field")] },
            new Scope { RoleIds = ["r-field", "r-inside"], Roles = [R("r-field"), R("r-inside")] },
            new Scope { UnitIds = ["u-sales", "u-north"], Units = [U("u-sales"), U("u-north")], RoleIds = ["r-inside"], Roles = [R("r-inside")] },
            new Scope { UnitIds = ["u-north", "u-north"], Units = [U("u-north"), U("u-north")], RoleIds = ["r-field"], Roles = [R("r-field")] },
            new Scope { UnitIds = ["u-mkt"], Units = [U("u-mkt")], RoleIds = ["r-field"], Roles = [R("r-field")], PersonIds = ["p2", "p5"], People = [P("p2"), P("p5")] },
            new Scope { UnitIds = ["u-co", "u-sales"], Units = [U("u-co"), U("u-sales")] },
        };
        foreach (var s in scopes) Assert.Equal(BruteForce(model, s), model.Reach(s));
    }
}
