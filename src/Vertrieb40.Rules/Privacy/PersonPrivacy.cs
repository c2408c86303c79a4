using Vertrieb40.Rules.Model;

namespace Vertrieb40.Rules.Privacy;

/// <summary>Applies <see cref="PrivacyOptions"/> to an organisation read but not yet linked.</summary>
internal static class PersonPrivacy
{
    /// <summary>
    /// Replaces person ids (and every reference to them: managers, scopes, suppression targets) by
    /// pseudonyms, and drops or pseudonymises names. Call before references are resolved.
    /// </summary>
    public static void Apply(Organization organization, PrivacyOptions options)
    {
        ArgumentNullException.ThrowIfNull(organization);
        ArgumentNullException.ThrowIfNull(options);
        var p = options.Pseudonymizer;
        if (p is null && options.ShowNames) return;

        // Pseudonyms are computed once per id: managers are referenced many times.
        // (Only with a pseudonymiser: without one the ids stay, and a million-entry dictionary would be built for nothing.)
        var cache = new Dictionary<string, string>(p is null ? 0 : organization.People.Count, StringComparer.Ordinal);
        string Map(string id)
        {
            if (p is null) return id;
            if (!cache.TryGetValue(id, out var v)) cache[id] = v = p.PersonId(id);
            return v;
        }

        foreach (var person in organization.People)
        {
            if (person.Id.Length > 0) person.Id = Map(person.Id);
            if (person.ManagerId != null) person.ManagerId = Map(person.ManagerId);
            person.Name = options.DisplayName(person.Name);
        }
        if (p is null) return;

        void MapScope(Scope s)
        {
            if (s.PersonIds.Count == 0) return;
            s.PersonIds = s.PersonIds.Select(Map).ToArray();
        }
        foreach (var e in organization.IncentivePlans)
        {
            MapScope(e.Participants);
            if (e.DecidedBy != null) MapScope(e.DecidedBy);
        }
        foreach (var e in organization.Targets) MapScope(e.AppliesTo);
        foreach (var e in organization.Forecasts) MapScope(e.Contributors);
        foreach (var e in organization.Meetings)
        {
            MapScope(e.Attendees);
            if (e.ChairPersonId != null) e.ChairPersonId = Map(e.ChairPersonId);
        }
        foreach (var e in organization.ApprovalPolicies)
        {
            MapScope(e.AppliesTo);
            // Schema 1.1: approvers and owners may be people; their references follow the pseudonyms.
            foreach (var a in e.Steps.Cast<Approval>().Concat(e.Thresholds))
                if (a.PersonId != null) a.PersonId = Map(a.PersonId);
        }
        foreach (var e in organization.DecisionRights)
            if (e.OwnerPersonIds.Count > 0) e.OwnerPersonIds = e.OwnerPersonIds.Select(Map).ToArray();
        foreach (var e in organization.RecognitionPrograms) MapScope(e.Participants);
        var others = OtherEntityIds(organization);
        foreach (var s in organization.Suppressions) Pseudonymize(s, others, p, Map);
    }

    /// <summary>
    /// Suppressions from a file, as <see cref="Apply(Organization, PrivacyOptions)"/> treats the document's own: a target that is neither a JSON
    /// Pointer nor the id of a structure (a person's id, or an id nothing has — perhaps someone who left) becomes its
    /// pseudonym, and the owner is pseudonymised like a name, so no message quotes an original person id or name.
    /// </summary>
    internal static IReadOnlyList<SuppressionEntry> ApplyToSuppressions(IReadOnlyList<SuppressionEntry> suppressions, Organization organization, Pseudonymizer? pseudonymizer)
    {
        if (pseudonymizer is null || suppressions.Count == 0) return suppressions;
        var others = OtherEntityIds(organization);
        return suppressions.Select(s =>
        {
            var copy = new SuppressionEntry
            {
                RuleId = s.RuleId, Target = s.Target, Justification = s.Justification, Expires = s.Expires, Owner = s.Owner,
                FilePath = s.FilePath, Position = s.Position, Pointer = s.Pointer,
            };
            Pseudonymize(copy, others, pseudonymizer, pseudonymizer.PersonId);
            return copy;
        }).ToList();
    }

    // Ids a suppression target keeps: structures, and people's ids as they are now (pseudonyms, e.g. copied from a pseudonymised report).
    private static HashSet<string> OtherEntityIds(Organization organization)
        => new(organization.AllEntities().Select(e => e.Id), StringComparer.Ordinal);

    private static void Pseudonymize(SuppressionEntry s, HashSet<string> otherEntityIds, Pseudonymizer p, Func<string, string> map)
    {
        if (s.Target.Length > 0 && s.Target != "*" && !s.Target.StartsWith('/') && !otherEntityIds.Contains(s.Target))
            s.Target = map(s.Target);
        if (!string.IsNullOrEmpty(s.Owner)) s.Owner = p.PersonName(s.Owner);
    }
}
