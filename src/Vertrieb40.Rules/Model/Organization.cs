namespace Vertrieb40.Rules.Model;

/// <summary>An organisation description: structure (units, people, roles) and practices.</summary>
public sealed class Organization
{
    /// <summary>The schema version the document was written for.</summary>
    public string SchemaVersion { get; set; } = OrganizationSchema.CurrentVersion;
    /// <summary>The organisation's name.</summary>
    public string? Name { get; set; }
    /// <summary>
    /// The day the document describes the organisation as it was (<c>organization.asOf</c>, schema 1.1); null when
    /// not stated. Orders snapshots over time (<c>vertrieb40 trend</c>); no rule reads it.
    /// </summary>
    public DateOnly? AsOf { get; set; }
    /// <summary>The file the organisation was read from (used in every location).</summary>
    public string? FilePath { get; set; }

    /// <summary>Units.</summary>
    public List<Unit> Units { get; } = new();
    /// <summary>People.</summary>
    public List<Person> People { get; } = new();
    /// <summary>Roles.</summary>
    public List<Role> Roles { get; } = new();
    /// <summary>Offerings and their funnels.</summary>
    public List<Offering> Offerings { get; } = new();
    /// <summary>Incentive plans.</summary>
    public List<IncentivePlan> IncentivePlans { get; } = new();
    /// <summary>Targets.</summary>
    public List<Target> Targets { get; } = new();
    /// <summary>Forecasts.</summary>
    public List<Forecast> Forecasts { get; } = new();
    /// <summary>Meetings.</summary>
    public List<Meeting> Meetings { get; } = new();
    /// <summary>Approval policies.</summary>
    public List<ApprovalPolicy> ApprovalPolicies { get; } = new();
    /// <summary>Hand-overs between units.</summary>
    public List<Handoff> Handoffs { get; } = new();
    /// <summary>Customer channels.</summary>
    public List<Channel> Channels { get; } = new();
    /// <summary>Tool roll-outs.</summary>
    public List<ToolRollout> ToolRollouts { get; } = new();
    /// <summary>Processes.</summary>
    public List<WorkProcess> Processes { get; } = new();
    /// <summary>Recognition programmes.</summary>
    public List<RecognitionProgram> RecognitionPrograms { get; } = new();
    /// <summary>Culture statements.</summary>
    public List<CultureStatement> CultureStatements { get; } = new();
    /// <summary>Decision rights.</summary>
    public List<DecisionRight> DecisionRights { get; } = new();
    /// <summary>Suppressions written in the document.</summary>
    public List<SuppressionEntry> Suppressions { get; } = new();

    /// <summary>
    /// The collections the document wrote, even empty (<c>"incentivePlans": []</c> says "there are none").
    /// A collection the document leaves out is unknown, not empty: rules that need it report coverage instead
    /// of a clean result. Readers fill this; an organisation built in code can add names here.
    /// </summary>
    public ISet<string> DescribedCollections { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>True when the document describes the collection: it wrote it (even empty) or it has entries.</summary>
    public bool Describes(string collection) => DescribedCollections.Contains(collection) || CollectionCount(collection) > 0;

    private int CollectionCount(string collection) => collection switch
    {
        "units" => Units.Count,
        "people" => People.Count,
        "roles" => Roles.Count,
        "offerings" => Offerings.Count,
        "incentivePlans" => IncentivePlans.Count,
        "targets" => Targets.Count,
        "forecasts" => Forecasts.Count,
        "meetings" => Meetings.Count,
        "approvalPolicies" => ApprovalPolicies.Count,
        "handoffs" => Handoffs.Count,
        "channels" => Channels.Count,
        "toolRollouts" => ToolRollouts.Count,
        "processes" => Processes.Count,
        "recognitionPrograms" => RecognitionPrograms.Count,
        "cultureStatements" => CultureStatements.Count,
        "decisionRights" => DecisionRights.Count,
        _ => 0,
    };

    /// <summary>Every entity of every collection, structure first.</summary>
    public IEnumerable<Entity> AllEntities()
    {
        IEnumerable<Entity> all = Units;
        return all.Concat(Roles).Concat(People).Concat(Offerings).Concat(IncentivePlans).Concat(Targets)
            .Concat(Forecasts).Concat(Meetings).Concat(ApprovalPolicies).Concat(Handoffs).Concat(Channels)
            .Concat(ToolRollouts).Concat(Processes).Concat(RecognitionPrograms).Concat(CultureStatements)
            .Concat(DecisionRights);
    }
}

/// <summary>Facts about the document format.</summary>
public static class OrganizationSchema
{
    /// <summary>The schema version this library writes and reads.</summary>
    public const string CurrentVersion = "1.1";
    /// <summary>Versions this library reads.</summary>
    public static readonly IReadOnlyList<string> SupportedVersions = new[] { "1.0", "1.1" };
}
