using Vertrieb40.Rules.Diagnostics;

namespace Vertrieb40.Rules.Fixes.Providers;

/// <summary>
/// VT1002 — a role in a team held by only one person (principle 1.1: every role is filled by more than
/// one person). Gives the role to a second member of the team: the one with the fewest roles (ties: the
/// first in the document), which also works towards "every member holds more than one role".
/// The diagnostic carries the properties <c>unitId</c> and <c>roleId</c>. Not offered for a leadership role
/// (property <c>leadership</c>): the article wants leadership detached from persons, not doubled.
/// </summary>
internal sealed class SingleHolderRoleFixProvider : CodeFixProvider
{
    /// <inheritdoc />
    public override IReadOnlyList<string> FixableDiagnosticIds => [RuleIds.VT1002];

    /// <inheritdoc />
    public override CodeAction? GetFix(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        if (diagnostic.Id != RuleIds.VT1002) return null;
        var unitId = diagnostic.Properties.GetValueOrDefault("unitId") ?? diagnostic.Location.EntityId;
        var roleId = diagnostic.Properties.GetValueOrDefault("roleId");
        if (unitId is null || roleId is null) return null;
        // A leadership role is to be detached from persons (article L40), not doubled: no second lead.
        if (diagnostic.Properties.GetValueOrDefault("leadership") == "true") return null;
        return new CodeAction($"Give role '{roleId}' to a second member of team '{unitId}'", RuleIds.VT1002 + ".SecondHolder", document =>
        {
            var members = document.ItemsWhere("people", "unitId", unitId); // indexed: a pass over all people per finding was quadratic
            static IReadOnlyList<DocumentNode> Roles(DocumentNode person)
                => person["roleIds"] is { Kind: DocumentNodeKind.Array } r ? r.Items : Array.Empty<DocumentNode>();
            if (members.Count(m => Roles(m).Any(r => r.StringValue == roleId)) >= 2) return null; // already shared
            DocumentNode? chosen = null;
            foreach (var m in members)
            {
                if (Roles(m).Any(r => r.StringValue == roleId)) continue;
                if (chosen is null || Roles(m).Count < Roles(chosen).Count) chosen = m; // strict: ties keep document order
            }
            if (chosen is null) return null; // nobody else in the team
            return chosen["roleIds"] is { Kind: DocumentNodeKind.Array } list
                ? document.WithItemAppended(list, OrganizationDocument.Literal(roleId))
                : document.WithProperty(chosen, "roleIds", "[" + OrganizationDocument.Literal(roleId) + "]");
        })
        { GermanTitle = $"Die Rolle „{roleId}“ einem zweiten Mitglied des Teams „{unitId}“ geben" };
    }
}
