using System.Collections;

namespace Vertrieb40.Rules.Analysis;

/// <summary>
/// The derived fact types (aggregates computed once from the semantic model), and how each is built.
/// Only the types that some compiled rule matches are built and inserted.
/// </summary>
internal static class DerivedFacts
{
    private static readonly (Type Type, Func<SemanticModel, IList> Build)[] Builders =
    {
        (typeof(Facts.UnitRoleFunctions), m => Facts.UnitRoleFunctions.Build(m)),
        (typeof(Facts.SalesPeopleOutsideTeams), m => Facts.SalesPeopleOutsideTeams.Build(m)),
        (typeof(Facts.TeamStaffing), m => Facts.TeamStaffing.Build(m)),
        (typeof(Facts.TeamRoleStaffing), m => Facts.TeamRoleStaffing.Build(m)),
        (typeof(Facts.TeamWork), m => Facts.TeamWork.Build(m)),
        (typeof(Facts.FunnelCarriers), m => Facts.FunnelCarriers.Build(m)),
        (typeof(Facts.PayForResults), m => Facts.PayForResults.Build(m)),
    };

    public static IEnumerable<IList> Build(SemanticModel model, IReadOnlySet<Type> wanted)
    {
        foreach (var (type, build) in Builders)
            if (wanted.Contains(type)) yield return build(model);
    }
}
