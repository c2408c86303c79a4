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
        var cache = new Dictionary<string, string>(organization.People.Count, StringComparer.Ordinal);
        string Map(string id)
        {
            if (p is null) return id;
            if (!cache.TryGetValue(id, out var v)) cache[id] = v = p.PersonId(id);
            return v;
        }

        var personIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var person in organization.People)
        {
            personIds.Add(person.Id);
            if (person.Id.Length > 0) person.Id = Map(person.Id);
            if (person.ManagerId != null) person.ManagerId = Map(person.ManagerId);
            person.Name = options.DisplayName(person.Name);
        }
        if (p is null) return;

        void MapScope(Scope s)
        {
            if (s.PersonIds.Length == 0) return;
            s.PersonIds = s.PersonIds.Select(Map).ToArray();
        }
        foreach (var e in organization.IncentivePlans) MapScope(e.Participants);
        foreach (var e in organization.Targets) MapScope(e.AppliesTo);
        foreach (var e in organization.Forecasts) MapScope(e.Contributors);
        foreach (var e in organization.Meetings) MapScope(e.Attendees);
        foreach (var e in organization.ApprovalPolicies) MapScope(e.AppliesTo);
        foreach (var e in organization.RecognitionPrograms) MapScope(e.Participants);
        foreach (var s in organization.Suppressions)
            if (personIds.Contains(s.Target)) s.Target = Map(s.Target);
    }
}
