namespace Vertrieb40.Rules.Model;

// Enum members are written in camelCase in the JSON document ("profitShare", "pipelineReview").

/// <summary>The kind of an organisational unit.</summary>
public enum UnitKind
{
    /// <summary>A whole company (usually the root).</summary>
    Company,
    /// <summary>A division of a company.</summary>
    Division,
    /// <summary>A department.</summary>
    Department,
    /// <summary>A team: the unit the team conditions are checked on.</summary>
    Team,
    /// <summary>A group of companies or another grouping above a company.</summary>
    Group,
}

/// <summary>The business function a unit or role belongs to.</summary>
public enum BusinessFunction
{
    /// <summary>Marketing.</summary>
    Marketing,
    /// <summary>Sales.</summary>
    Sales,
    /// <summary>Customer support and service.</summary>
    Support,
    /// <summary>Product management.</summary>
    Product,
    /// <summary>Engineering and development.</summary>
    Engineering,
    /// <summary>Production.</summary>
    Production,
    /// <summary>Finance and controlling.</summary>
    Finance,
    /// <summary>People and HR.</summary>
    People,
    /// <summary>Management.</summary>
    Management,
    /// <summary>Operations.</summary>
    Operations,
    /// <summary>Several functions in one unit or role.</summary>
    CrossFunctional,
    /// <summary>Any other function, or one the document does not name.</summary>
    Other,
}

/// <summary>A stage of the customer journey / sales funnel.</summary>
public enum FunnelStage
{
    /// <summary>No stage of the customer journey.</summary>
    None,
    /// <summary>Customers learn that the offering exists.</summary>
    Awareness,
    /// <summary>Customers take an interest.</summary>
    Interest,
    /// <summary>Customers weigh the offering.</summary>
    Consideration,
    /// <summary>Customers buy.</summary>
    Purchase,
    /// <summary>Customers start using what they bought.</summary>
    Onboarding,
    /// <summary>Customers stay.</summary>
    Retention,
    /// <summary>Customers recommend the offering.</summary>
    Advocacy,
}

/// <summary>How directly a unit hears from customers.</summary>
public enum CustomerContact
{
    /// <summary>The unit talks to customers itself.</summary>
    Direct,
    /// <summary>The unit hears from customers through others.</summary>
    Indirect,
    /// <summary>The unit does not hear from customers.</summary>
    None,
}

/// <summary>The kind of pay an incentive plan describes.</summary>
public enum IncentiveType
{
    /// <summary>A share of revenue or margin per sale.</summary>
    Commission,
    /// <summary>A payment for reaching a goal.</summary>
    Bonus,
    /// <summary>A short-term sales incentive for a product or campaign.</summary>
    Spiff,
    /// <summary>A share of the company's profit.</summary>
    ProfitShare,
    /// <summary>Fixed pay, not tied to results.</summary>
    Fixed,
}

/// <summary>Whose performance a plan, target or programme measures.</summary>
public enum MeasurementLevel
{
    /// <summary>One person.</summary>
    Individual,
    /// <summary>A team.</summary>
    Team,
    /// <summary>A unit above team level.</summary>
    Unit,
    /// <summary>The whole company.</summary>
    Company,
}

/// <summary>How often something recurs.</summary>
public enum Cadence
{
    /// <summary>Every day.</summary>
    Daily,
    /// <summary>Every week.</summary>
    Weekly,
    /// <summary>Every two weeks.</summary>
    Biweekly,
    /// <summary>Every month.</summary>
    Monthly,
    /// <summary>Every quarter.</summary>
    Quarterly,
    /// <summary>Every half year.</summary>
    HalfYearly,
    /// <summary>Every year.</summary>
    Yearly,
    /// <summary>Once only.</summary>
    Once,
    /// <summary>When needed, without a fixed rhythm.</summary>
    AdHoc,
}

/// <summary>The finest level a forecast is broken down to.</summary>
public enum ForecastGranularity
{
    /// <summary>Per person.</summary>
    Person,
    /// <summary>Per deal.</summary>
    Deal,
    /// <summary>Per team.</summary>
    Team,
    /// <summary>Per unit.</summary>
    Unit,
    /// <summary>For the company as a whole.</summary>
    Company,
}

/// <summary>What a forecast is used for.</summary>
public enum ForecastUse
{
    /// <summary>To plan (capacity, production, cash).</summary>
    Planning,
    /// <summary>To control the people who made it.</summary>
    Control,
    /// <summary>To evaluate the people who made it.</summary>
    Evaluation,
}

/// <summary>The declared purpose of a meeting.</summary>
public enum MeetingPurpose
{
    /// <summary>Reporting status upwards.</summary>
    StatusReporting,
    /// <summary>Reviewing the sales pipeline deal by deal.</summary>
    PipelineReview,
    /// <summary>Reviewing forecasts.</summary>
    ForecastReview,
    /// <summary>Coordinating work between people or teams.</summary>
    Coordination,
    /// <summary>Solving a problem together.</summary>
    ProblemSolving,
    /// <summary>Looking back to improve how the team works.</summary>
    Retrospective,
    /// <summary>Planning work.</summary>
    Planning,
    /// <summary>Hearing and discussing what customers said.</summary>
    CustomerFeedback,
    /// <summary>Any other purpose.</summary>
    Other,
}

/// <summary>What an approval policy governs.</summary>
public enum ApprovalSubject
{
    /// <summary>Discounts.</summary>
    Discount,
    /// <summary>Prices.</summary>
    Price,
    /// <summary>Offers to customers.</summary>
    Offer,
    /// <summary>Calculations.</summary>
    Calculation,
    /// <summary>Contracts.</summary>
    Contract,
    /// <summary>Expenses.</summary>
    Expense,
    /// <summary>Hiring.</summary>
    Hiring,
    /// <summary>Anything else.</summary>
    Other,
}

/// <summary>Who runs a customer channel.</summary>
public enum ChannelOperator
{
    /// <summary>The organisation's own people.</summary>
    InHouse,
    /// <summary>An external agency.</summary>
    Agency,
    /// <summary>Both.</summary>
    Mixed,
}

/// <summary>The kind of customer channel.</summary>
public enum ChannelKind
{
    /// <summary>Social media.</summary>
    SocialMedia,
    /// <summary>Online advertising.</summary>
    OnlineAds,
    /// <summary>Webinars.</summary>
    Webinar,
    /// <summary>Phone.</summary>
    Phone,
    /// <summary>E-mail.</summary>
    Email,
    /// <summary>Events and fairs.</summary>
    Events,
    /// <summary>The website.</summary>
    Web,
    /// <summary>Online marketplaces.</summary>
    Marketplace,
    /// <summary>Field sales visits.</summary>
    Field,
    /// <summary>Any other channel.</summary>
    Other,
}

/// <summary>How a tool came into use.</summary>
public enum RolloutMode
{
    /// <summary>Introduced by a project and prescribed for the teams.</summary>
    MandatedProject,
    /// <summary>Chosen by the teams that use it.</summary>
    TeamChoice,
    /// <summary>Tried by a pilot team first.</summary>
    Pilot,
}

/// <summary>The nature of the work a process describes.</summary>
public enum WorkType
{
    /// <summary>Routine work that follows known steps.</summary>
    Routine,
    /// <summary>Creative work whose result is not known in advance.</summary>
    Creative,
    /// <summary>Complex work that needs judgement and cooperation.</summary>
    Complex,
}

/// <summary>How far a process is executed by software.</summary>
public enum Automation
{
    /// <summary>Done by people.</summary>
    None,
    /// <summary>Partly done by software.</summary>
    Partial,
    /// <summary>Done entirely by software.</summary>
    Full,
}

/// <summary>The kind of a recognition programme.</summary>
public enum RecognitionKind
{
    /// <summary>An employee-of-the-month award.</summary>
    EmployeeOfTheMonth,
    /// <summary>Formal, scheduled praise.</summary>
    FormalPraise,
    /// <summary>A performance rating of individuals.</summary>
    PerformanceRating,
    /// <summary>A 360-degree rating.</summary>
    Rating360,
    /// <summary>A ranking of individuals.</summary>
    Ranking,
    /// <summary>A leaderboard.</summary>
    Leaderboard,
    /// <summary>A sales contest.</summary>
    Contest,
    /// <summary>A top-seller award.</summary>
    TopSellerAward,
    /// <summary>Thanks from colleagues, informal.</summary>
    PeerThanks,
}

/// <summary>How a pay pot is split among those who take part (schema 1.1).</summary>
public enum PayDistribution
{
    /// <summary>Everyone gets the same share.</summary>
    Equal,
    /// <summary>Shares differ by role.</summary>
    ByRole,
    /// <summary>Shares follow individual or unit results.</summary>
    ByResult,
}
