namespace Vertrieb40.Rules.Diagnostics;

/// <summary>
/// The ids of the built-in rule catalogue, declared once. Rules, their descriptors and options, code fixes, the
/// score's reach table, the generator and the documentation tests name a rule through these constants, never a
/// bare string (a contract: ids are never renamed, only added).
/// </summary>
internal static class RuleIds
{
    /// <summary>Team member with a single role.</summary>
    public const string VT1001 = "VT1001";
    /// <summary>Team role with a single holder.</summary>
    public const string VT1002 = "VT1002";
    /// <summary>Funnel split across units.</summary>
    public const string VT1003 = "VT1003";
    /// <summary>Team without interdependence.</summary>
    public const string VT1004 = "VT1004";
    /// <summary>Responsibility pre-empted by approvals or rules from outside.</summary>
    public const string VT1005 = "VT1005";
    /// <summary>Decision area without a clear owner.</summary>
    public const string VT1006 = "VT1006";
    /// <summary>Funnel unit without direct customer feedback.</summary>
    public const string VT1007 = "VT1007";
    /// <summary>Planning orgy: forecast per person or weekly.</summary>
    public const string VT1008 = "VT1008";
    /// <summary>Individual target.</summary>
    public const string VT1009 = "VT1009";
    /// <summary>Control meeting.</summary>
    public const string VT1010 = "VT1010";
    /// <summary>Tool roll-out mandated as a project.</summary>
    public const string VT2001 = "VT2001";
    /// <summary>Creative or complex work forced through a rigid process.</summary>
    public const string VT2002 = "VT2002";
    /// <summary>Customer channel run only by an agency.</summary>
    public const string VT2003 = "VT2003";
    /// <summary>Routine work done by hand.</summary>
    public const string VT2004 = "VT2004";
    /// <summary>Hand-over between silos.</summary>
    public const string VT2005 = "VT2005";
    /// <summary>Sales unit without marketing, support or product roles.</summary>
    public const string VT2006 = "VT2006";
    /// <summary>Creative or complex work automated.</summary>
    public const string VT2007 = "VT2007";
    /// <summary>Commission, bonus or other incentive pay.</summary>
    public const string VT3001 = "VT3001";
    /// <summary>Systematised recognition.</summary>
    public const string VT3002 = "VT3002";
    /// <summary>'We are a family' belonging rhetoric.</summary>
    public const string VT3003 = "VT3003";
    /// <summary>Autonomy withheld.</summary>
    public const string VT3004 = "VT3004";
    /// <summary>Forecast used to control or evaluate people.</summary>
    public const string VT3005 = "VT3005";
    /// <summary>Discount or price thresholds that need approval.</summary>
    public const string VT3006 = "VT3006";
    /// <summary>Signature rule.</summary>
    public const string VT3007 = "VT3007";
    /// <summary>Rule sprawl: exceptions to exceptions.</summary>
    public const string VT3008 = "VT3008";
    /// <summary>Individual ranking, leaderboard, contest or top-seller award.</summary>
    public const string VT3009 = "VT3009";
    /// <summary>Lone fighters: people in sales who belong to no team.</summary>
    public const string VT3010 = "VT3010";

    /// <summary>Every built-in rule id, in order.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        VT1001, VT1002, VT1003, VT1004, VT1005, VT1006, VT1007, VT1008, VT1009, VT1010, VT2001, VT2002, VT2003, VT2004, VT2005, VT2006, VT2007, VT3001, VT3002, VT3003, VT3004, VT3005, VT3006, VT3007, VT3008, VT3009, VT3010
    ];
}
