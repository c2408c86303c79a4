namespace Vertrieb40.Rules.Model;

/// <summary>Commission, bonus, SPIFF, profit share or fixed pay.</summary>
public sealed class IncentivePlan : Entity
{
    /// <inheritdoc />
    public override string Collection => "incentivePlans";
    /// <summary>The kind of pay.</summary>
    public IncentiveType Type { get; internal set; }
    /// <summary>Whose performance the pay depends on; null when the document does not say (never assumed individual).</summary>
    public MeasurementLevel? Level { get; internal set; }
    /// <summary>The metric, e.g. revenue, margin, bookings.</summary>
    public string? Metric { get; internal set; }
    /// <summary>Who takes part.</summary>
    public Scope Participants { get; internal set; } = new();
    /// <summary>Schema 1.1: the rate in percent of the metric (3 means 3 % of revenue); null when the document does not say.</summary>
    public double? Rate { get; internal set; }
    /// <summary>Schema 1.1: true for a plan that runs for a limited time (a Q4 SPIFF); null when the document does not say.</summary>
    public bool? Temporary { get; internal set; }
    /// <summary>Schema 1.1: the period the plan runs for or pays out in, e.g. "Q4 2026".</summary>
    public string? Period { get; internal set; }
    /// <summary>Schema 1.1: how the pot is split among the participants; null when the document does not say.</summary>
    public PayDistribution? Distribution { get; internal set; }
    /// <summary>Schema 1.1: who decided the plan; null when the document does not say.</summary>
    public Scope? DecidedBy { get; internal set; }
}

/// <summary>A target (Zielvorgabe) assigned to people, teams or units.</summary>
public sealed class Target : Entity
{
    /// <inheritdoc />
    public override string Collection => "targets";
    /// <summary>Whether each person, each team, each unit or the company carries the target.</summary>
    public MeasurementLevel Level { get; internal set; }
    /// <summary>The metric.</summary>
    public string? Metric { get; internal set; }
    /// <summary>The period, e.g. quarter.</summary>
    public string? Period { get; internal set; }
    /// <summary>To whom it applies.</summary>
    public Scope AppliesTo { get; internal set; } = new();
}

/// <summary>A forecast that people have to produce.</summary>
public sealed class Forecast : Entity
{
    /// <inheritdoc />
    public override string Collection => "forecasts";
    /// <summary>The unit that asks for the forecast.</summary>
    public string? OwnerUnitId { get; internal set; }
    /// <summary>Resolved owner unit.</summary>
    public Unit? OwnerUnit { get; internal set; }
    /// <summary>The finest level it is broken down to; null when the document does not say.</summary>
    public ForecastGranularity? Granularity { get; internal set; }
    /// <summary>How often it is produced; null when the document does not say.</summary>
    public Cadence? Cadence { get; internal set; }
    /// <summary>What it is used for; empty when the document does not say.</summary>
    public IReadOnlyList<ForecastUse> UsedFor { get; internal set; } = Array.Empty<ForecastUse>();
    /// <summary>Who must contribute.</summary>
    public Scope Contributors { get; internal set; } = new();
}

/// <summary>A recurring meeting.</summary>
public sealed class Meeting : Entity
{
    /// <inheritdoc />
    public override string Collection => "meetings";
    /// <summary>Its declared purpose.</summary>
    public MeetingPurpose Purpose { get; internal set; }
    /// <summary>How often it takes place; null when the document does not say (never assumed weekly).</summary>
    public Cadence? Cadence { get; internal set; }
    /// <summary>The unit whose head chairs it.</summary>
    public string? ChairUnitId { get; internal set; }
    /// <summary>Resolved chair unit.</summary>
    public Unit? ChairUnit { get; internal set; }
    /// <summary>Schema 1.1: the role whose holder chairs it.</summary>
    public string? ChairRoleId { get; internal set; }
    /// <summary>Schema 1.1: the person who chairs it (messages never name people).</summary>
    public string? ChairPersonId { get; internal set; }
    /// <summary>Resolved chair role.</summary>
    public Role? ChairRole { get; internal set; }
    /// <summary>Resolved chair person.</summary>
    public Person? ChairPerson { get; internal set; }
    /// <summary>Who attends.</summary>
    public Scope Attendees { get; internal set; } = new();
}

/// <summary>An approval policy: thresholds, sign-off steps, and exceptions (which may nest).</summary>
public sealed class ApprovalPolicy : Entity
{
    /// <inheritdoc />
    public override string Collection => "approvalPolicies";
    /// <summary>What it governs.</summary>
    public ApprovalSubject Subject { get; internal set; }
    /// <summary>The unit that wrote the policy.</summary>
    public string? OwnerUnitId { get; internal set; }
    /// <summary>Resolved owner unit.</summary>
    public Unit? OwnerUnit { get; internal set; }
    /// <summary>Thresholds above which approval is needed.</summary>
    public IReadOnlyList<ApprovalThreshold> Thresholds => ThresholdsList;
    internal List<ApprovalThreshold> ThresholdsList { get; } = new();
    /// <summary>Sign-off steps, in order.</summary>
    public IReadOnlyList<ApprovalStep> Steps => StepsList;
    internal List<ApprovalStep> StepsList { get; } = new();
    /// <summary>Exceptions to the policy; each may have exceptions of its own.</summary>
    public IReadOnlyList<PolicyException> Exceptions => ExceptionsList;
    internal List<PolicyException> ExceptionsList { get; } = new();
    /// <summary>To whom it applies.</summary>
    public Scope AppliesTo { get; internal set; } = new();

    /// <summary>The deepest nesting of exceptions (0: none, 1: exceptions, 2: exceptions to exceptions, …).</summary>
    public int ExceptionDepth => PolicyException.DepthOf(Exceptions);
}

/// <summary>Who approves: a unit, a role or a person (schema 1.1 adds roles and people), and whether they rank higher.</summary>
public abstract class Approval
{
    /// <summary>The approver's rank or role in words, e.g. head of sales.</summary>
    public string? Approver { get; internal set; }
    /// <summary>The approver's unit.</summary>
    public string? UnitId { get; internal set; }
    /// <summary>Schema 1.1: the approver's role.</summary>
    public string? RoleId { get; internal set; }
    /// <summary>Schema 1.1: the approving person (messages never name people).</summary>
    public string? PersonId { get; internal set; }
    /// <summary>Resolved unit.</summary>
    public Unit? Unit { get; internal set; }
    /// <summary>Resolved role.</summary>
    public Role? Role { get; internal set; }
    /// <summary>Resolved person.</summary>
    public Person? Person { get; internal set; }
    /// <summary>True when the approver ranks above the people whose work is approved; null when the document does not say.</summary>
    public bool? HigherRank { get; internal set; }

    /// <summary>True when <see cref="HigherRank"/> is the 1.0 format's default for a step that leaves it out (argument sources say so).</summary>
    internal bool HigherRankByVersionDefault { get; set; }
}

/// <summary>A threshold in an approval policy, e.g. a discount above 10 %.</summary>
public sealed class ApprovalThreshold : Approval
{
    /// <summary>The limit.</summary>
    public double Above { get; internal set; }
    /// <summary>The unit of the limit: percent or an amount/currency.</summary>
    public string? Measure { get; internal set; }
}

/// <summary>A sign-off step.</summary>
public sealed class ApprovalStep : Approval
{
}

/// <summary>An exception to a policy, or to another exception.</summary>
public sealed class PolicyException
{
    /// <summary>What the exception says.</summary>
    public string Description { get; internal set; } = "";
    /// <summary>Exceptions to this exception.</summary>
    public IReadOnlyList<PolicyException> Exceptions => ExceptionsList;
    internal List<PolicyException> ExceptionsList { get; } = new();
    /// <summary>Where it was written.</summary>
    internal SourcePosition Position { get; set; }

    // Iterative: exceptions may nest as deep as ReaderOptions.MaxDepth allows, on any thread's stack.
    internal static int DepthOf(IReadOnlyList<PolicyException> exceptions)
    {
        var max = 0;
        var stack = new Stack<(IReadOnlyList<PolicyException> List, int Depth)>();
        stack.Push((exceptions, 1));
        while (stack.Count > 0)
        {
            var (list, depth) = stack.Pop();
            foreach (var e in list)
            {
                max = Math.Max(max, depth);
                if (e.Exceptions.Count > 0) stack.Push((e.Exceptions, depth + 1));
            }
        }
        return max;
    }
}

/// <summary>A hand-over of work from one unit to another (an interface between silos).</summary>
public sealed class Handoff : Entity
{
    /// <inheritdoc />
    public override string Collection => "handoffs";
    /// <summary>The unit handing over.</summary>
    public string FromUnitId { get; internal set; } = "";
    /// <summary>The unit receiving.</summary>
    public string ToUnitId { get; internal set; } = "";
    /// <summary>What is handed over: lead, MQL, SQL, trade-fair concept, offer, …</summary>
    public string? Artifact { get; internal set; }
    /// <summary>The offering whose funnel this hand-over belongs to.</summary>
    public string? OfferingId { get; internal set; }
    /// <summary>Resolved units and offering.</summary>
    public Unit? FromUnit { get; internal set; }
    /// <summary>Resolved receiving unit.</summary>
    public Unit? ToUnit { get; internal set; }
    /// <summary>Resolved offering.</summary>
    public Offering? Offering { get; internal set; }
}

/// <summary>A customer channel.</summary>
public sealed class Channel : Entity
{
    /// <inheritdoc />
    public override string Collection => "channels";
    /// <summary>Social media, online ads, webinar, …; null when the document does not say.</summary>
    public ChannelKind? Kind { get; internal set; }
    /// <summary>Who runs it.</summary>
    public ChannelOperator OperatedBy { get; internal set; }
    /// <summary>The unit that owns it in-house.</summary>
    public string? OwnerUnitId { get; internal set; }
    /// <summary>Resolved owner unit.</summary>
    public Unit? OwnerUnit { get; internal set; }
}

/// <summary>The roll-out of a tool.</summary>
public sealed class ToolRollout : Entity
{
    /// <inheritdoc />
    public override string Collection => "toolRollouts";
    /// <summary>The tool.</summary>
    public string? Tool { get; internal set; }
    /// <summary>Mandated as a project, chosen by the team, or piloted.</summary>
    public RolloutMode Mode { get; internal set; }
    /// <summary>The unit that mandated it.</summary>
    public string? MandatedByUnitId { get; internal set; }
    /// <summary>The units that use it.</summary>
    public IReadOnlyList<string> UsedByUnitIds { get; internal set; } = Array.Empty<string>();
    /// <summary>Resolved mandating unit.</summary>
    public Unit? MandatedByUnit { get; internal set; }
    /// <summary>Resolved using units.</summary>
    public IReadOnlyList<Unit> UsedByUnits { get; internal set; } = Array.Empty<Unit>();
}

/// <summary>A process people follow.</summary>
public sealed class WorkProcess : Entity
{
    /// <inheritdoc />
    public override string Collection => "processes";
    /// <summary>Routine (rule-based), creative or complex work.</summary>
    public WorkType WorkType { get; internal set; }
    /// <summary>Whether following the steps is mandatory.</summary>
    public bool Mandatory { get; internal set; }
    /// <summary>The number of prescribed steps.</summary>
    public int Steps { get; internal set; }
    /// <summary>How far software executes it; null when the document does not say (never assumed manual).</summary>
    public Automation? Automation { get; internal set; }
    /// <summary>The unit that performs it.</summary>
    public string? PerformedByUnitId { get; internal set; }
    /// <summary>Resolved performing unit.</summary>
    public Unit? PerformedByUnit { get; internal set; }
    /// <summary>Schema 1.1: the unit that prescribes the process (wrote its rules).</summary>
    public string? OwnerUnitId { get; internal set; }
    /// <summary>Resolved prescribing unit.</summary>
    public Unit? OwnerUnit { get; internal set; }
    /// <summary>Schema 1.1: the working time the process costs; null when the document does not say.</summary>
    public ProcessEffort? Effort { get; internal set; }
}

/// <summary>The working time a process costs: how many people spend which share of their time on it (schema 1.1).</summary>
public sealed class ProcessEffort
{
    /// <summary>The number of people who do the work; null when the document does not say.</summary>
    public int? People { get; internal set; }
    /// <summary>The share of their working time, in percent; null when the document does not say.</summary>
    public double? Percent { get; internal set; }

    /// <summary>The full-time equivalents the process costs (people × percent / 100); null unless both are stated.</summary>
    public double? FullTimeEquivalents => People.HasValue && Percent.HasValue ? People.Value * Percent.Value / 100.0 : null;
}

/// <summary>A recognition programme: employee of the month, rankings, contests, ratings, …</summary>
public sealed class RecognitionProgram : Entity
{
    /// <inheritdoc />
    public override string Collection => "recognitionPrograms";
    /// <summary>The kind of programme.</summary>
    public RecognitionKind Kind { get; internal set; }

    /// <summary>Who is recognised or ranked: each person (the default), teams, units or the company.</summary>
    public MeasurementLevel Level { get; internal set; } = MeasurementLevel.Individual;
    /// <summary>Who takes part.</summary>
    public Scope Participants { get; internal set; } = new();
    /// <summary>Schema 1.1: what the winners get (a trip, a voucher, money); null when the document does not say.</summary>
    public string? Prize { get; internal set; }
}

/// <summary>A statement of the company culture (website, handbook, town hall).</summary>
public sealed class CultureStatement : Entity
{
    /// <inheritdoc />
    public override string Collection => "cultureStatements";
    /// <summary>The statement.</summary>
    public string Text { get; internal set; } = "";
    /// <summary>Where it is published.</summary>
    public string? Source { get; internal set; }
}

/// <summary>Who decides in a decision area, and whose approval those decisions need.</summary>
public sealed class DecisionRight : Entity
{
    /// <inheritdoc />
    public override string Collection => "decisionRights";
    /// <summary>The area, e.g. pricing, campaign budget, hiring.</summary>
    public string Area { get; internal set; } = "";
    /// <summary>The owning units.</summary>
    public IReadOnlyList<string> OwnerUnitIds { get; internal set; } = Array.Empty<string>();
    /// <summary>Units whose approval the decisions need.</summary>
    public IReadOnlyList<string> RequiresApprovalFromUnitIds { get; internal set; } = Array.Empty<string>();
    /// <summary>Policies that govern the decisions.</summary>
    public IReadOnlyList<string> GovernedByPolicyIds { get; internal set; } = Array.Empty<string>();
    /// <summary>Resolved owners.</summary>
    public IReadOnlyList<Unit> OwnerUnits { get; internal set; } = Array.Empty<Unit>();
    /// <summary>Resolved approving units.</summary>
    public IReadOnlyList<Unit> RequiresApprovalFromUnits { get; internal set; } = Array.Empty<Unit>();
    /// <summary>Resolved policies.</summary>
    public IReadOnlyList<ApprovalPolicy> GovernedByPolicies { get; internal set; } = Array.Empty<ApprovalPolicy>();
    /// <summary>Schema 1.1: owning roles ("owned by the sales director").</summary>
    public IReadOnlyList<string> OwnerRoleIds { get; internal set; } = Array.Empty<string>();
    /// <summary>Schema 1.1: owning people (messages count them, never name them).</summary>
    public IReadOnlyList<string> OwnerPersonIds { get; internal set; } = Array.Empty<string>();
    /// <summary>Schema 1.1: processes that govern the decisions.</summary>
    public IReadOnlyList<string> GovernedByProcessIds { get; internal set; } = Array.Empty<string>();
    /// <summary>Resolved owning roles.</summary>
    public IReadOnlyList<Role> OwnerRoles { get; internal set; } = Array.Empty<Role>();
    /// <summary>Resolved owning people.</summary>
    public IReadOnlyList<Person> OwnerPeople { get; internal set; } = Array.Empty<Person>();
    /// <summary>Resolved governing processes.</summary>
    public IReadOnlyList<WorkProcess> GovernedByProcesses { get; internal set; } = Array.Empty<WorkProcess>();
}
