namespace Vertrieb40.Rules.Model;

/// <summary>An organisation description: structure (units, people, roles) and practices.</summary>
public sealed class Organization
{
    /// <summary>The schema version the document was written for.</summary>
    public string SchemaVersion { get; internal set; } = OrganizationSchema.CurrentVersion;
    /// <summary>The organisation's name.</summary>
    public string? Name { get; internal set; }
    /// <summary>
    /// The day the document describes the organisation as it was (<c>organization.asOf</c>, schema 1.1); null when
    /// not stated. Orders snapshots over time (<c>vertrieb40 trend</c>); no rule reads it.
    /// </summary>
    public DateOnly? AsOf { get; internal set; }
    /// <summary>The file the organisation was read from (used in every location).</summary>
    public string? FilePath { get; internal set; }

    /// <summary>In a practice workbook: the sheet each collection was read from (positions are its row and column).</summary>
    internal IReadOnlyDictionary<string, string>? Sheets { get; set; }

    /// <summary>Units.</summary>
    public IReadOnlyList<Unit> Units => UnitsList;
    internal List<Unit> UnitsList { get; } = new();
    /// <summary>People.</summary>
    public IReadOnlyList<Person> People => PeopleList;
    internal List<Person> PeopleList { get; } = new();
    /// <summary>Roles.</summary>
    public IReadOnlyList<Role> Roles => RolesList;
    internal List<Role> RolesList { get; } = new();
    /// <summary>Offerings and their funnels.</summary>
    public IReadOnlyList<Offering> Offerings => OfferingsList;
    internal List<Offering> OfferingsList { get; } = new();
    /// <summary>Incentive plans.</summary>
    public IReadOnlyList<IncentivePlan> IncentivePlans => IncentivePlansList;
    internal List<IncentivePlan> IncentivePlansList { get; } = new();
    /// <summary>Targets.</summary>
    public IReadOnlyList<Target> Targets => TargetsList;
    internal List<Target> TargetsList { get; } = new();
    /// <summary>Forecasts.</summary>
    public IReadOnlyList<Forecast> Forecasts => ForecastsList;
    internal List<Forecast> ForecastsList { get; } = new();
    /// <summary>Meetings.</summary>
    public IReadOnlyList<Meeting> Meetings => MeetingsList;
    internal List<Meeting> MeetingsList { get; } = new();
    /// <summary>Approval policies.</summary>
    public IReadOnlyList<ApprovalPolicy> ApprovalPolicies => ApprovalPoliciesList;
    internal List<ApprovalPolicy> ApprovalPoliciesList { get; } = new();
    /// <summary>Hand-overs between units.</summary>
    public IReadOnlyList<Handoff> Handoffs => HandoffsList;
    internal List<Handoff> HandoffsList { get; } = new();
    /// <summary>Customer channels.</summary>
    public IReadOnlyList<Channel> Channels => ChannelsList;
    internal List<Channel> ChannelsList { get; } = new();
    /// <summary>Tool roll-outs.</summary>
    public IReadOnlyList<ToolRollout> ToolRollouts => ToolRolloutsList;
    internal List<ToolRollout> ToolRolloutsList { get; } = new();
    /// <summary>Processes.</summary>
    public IReadOnlyList<WorkProcess> Processes => ProcessesList;
    internal List<WorkProcess> ProcessesList { get; } = new();
    /// <summary>Recognition programmes.</summary>
    public IReadOnlyList<RecognitionProgram> RecognitionPrograms => RecognitionProgramsList;
    internal List<RecognitionProgram> RecognitionProgramsList { get; } = new();
    /// <summary>Culture statements.</summary>
    public IReadOnlyList<CultureStatement> CultureStatements => CultureStatementsList;
    internal List<CultureStatement> CultureStatementsList { get; } = new();
    /// <summary>Decision rights.</summary>
    public IReadOnlyList<DecisionRight> DecisionRights => DecisionRightsList;
    internal List<DecisionRight> DecisionRightsList { get; } = new();
    /// <summary>Suppressions written in the document.</summary>
    internal IReadOnlyList<SuppressionEntry> Suppressions => SuppressionsList;
    internal List<SuppressionEntry> SuppressionsList { get; } = new();

    /// <summary>
    /// The collections the document wrote, even empty (<c>"incentivePlans": []</c> says "there are none").
    /// A collection the document leaves out is unknown, not empty: rules that need it report coverage instead
    /// of a clean result. Readers fill this; an organisation built in code can add names here.
    /// </summary>
    public IReadOnlySet<string> DescribedCollections => DescribedCollectionSet;
    internal HashSet<string> DescribedCollectionSet { get; } = new(StringComparer.Ordinal);

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
internal static class OrganizationSchema
{
    /// <summary>The schema version this library writes and reads.</summary>
    public const string CurrentVersion = "1.1";
    /// <summary>Versions this library reads.</summary>
    public static readonly IReadOnlyList<string> SupportedVersions = new[] { "1.0", "1.1" };
}
