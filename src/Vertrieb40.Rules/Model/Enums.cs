namespace Vertrieb40.Rules.Model;

// Enum members are written in camelCase in the JSON document ("profitShare", "pipelineReview").

/// <summary>The kind of an organisational unit.</summary>
public enum UnitKind { Company, Division, Department, Team, Group }

/// <summary>The business function a unit or role belongs to.</summary>
public enum BusinessFunction { Marketing, Sales, Support, Product, Engineering, Production, Finance, People, Management, Operations, CrossFunctional, Other }

/// <summary>A stage of the customer journey / sales funnel.</summary>
public enum FunnelStage { None, Awareness, Interest, Consideration, Purchase, Onboarding, Retention, Advocacy }

/// <summary>How directly a unit hears from customers.</summary>
public enum CustomerContact { Direct, Indirect, None }

/// <summary>The kind of pay an incentive plan describes.</summary>
public enum IncentiveType { Commission, Bonus, Spiff, ProfitShare, Fixed }

/// <summary>Whose performance a plan, target or programme measures.</summary>
public enum MeasurementLevel { Individual, Team, Unit, Company }

/// <summary>How often something recurs.</summary>
public enum Cadence { Daily, Weekly, Biweekly, Monthly, Quarterly, HalfYearly, Yearly, Once, AdHoc }

/// <summary>The finest level a forecast is broken down to.</summary>
public enum ForecastGranularity { Person, Deal, Team, Unit, Company }

/// <summary>What a forecast is used for.</summary>
public enum ForecastUse { Planning, Control, Evaluation }

/// <summary>The declared purpose of a meeting.</summary>
public enum MeetingPurpose { StatusReporting, PipelineReview, ForecastReview, Coordination, ProblemSolving, Retrospective, Planning, CustomerFeedback, Other }

/// <summary>What an approval policy governs.</summary>
public enum ApprovalSubject { Discount, Price, Offer, Calculation, Contract, Expense, Hiring, Other }

/// <summary>Who runs a customer channel.</summary>
public enum ChannelOperator { InHouse, Agency, Mixed }

/// <summary>The kind of customer channel.</summary>
public enum ChannelKind { SocialMedia, OnlineAds, Webinar, Phone, Email, Events, Web, Marketplace, Field, Other }

/// <summary>How a tool came into use.</summary>
public enum RolloutMode { MandatedProject, TeamChoice, Pilot }

/// <summary>The nature of the work a process describes.</summary>
public enum WorkType { Routine, Creative, Complex }

/// <summary>How far a process is executed by software.</summary>
public enum Automation { None, Partial, Full }

/// <summary>The kind of a recognition programme.</summary>
public enum RecognitionKind { EmployeeOfTheMonth, FormalPraise, PerformanceRating, Rating360, Ranking, Leaderboard, Contest, TopSellerAward, PeerThanks }

/// <summary>How a pay pot is split among those who take part (schema 1.1).</summary>
public enum PayDistribution { Equal, ByRole, ByResult }
