using System.Resources;

namespace Vertrieb40.Rules.Diagnostics;

/// <summary>
/// The tool's own diagnostics (VT0xxx): problems in the input, in rules, and in configuration, suppressions
/// and baselines (VT02xx). They cannot be suppressed or re-severitied — a document that cannot be read, or a
/// setting that has no effect, must never look clean. (<c>--warnaserror</c> still promotes their warnings:
/// it can only make a run stricter.)
/// </summary>
internal static class InputDescriptors
{
    internal static readonly ResourceManager Resources = new("Vertrieb40.Rules.Resources.InputResources", typeof(InputDescriptors).Assembly);

    private static DiagnosticDescriptor Create(string id, DiagnosticSeverity severity, string category = DiagnosticCategories.Input, string message = "_Message")
        => new(id, new LocalizableResourceString(id + "_Title", Resources), new LocalizableResourceString(id + message, Resources),
            category, severity, isEnabledByDefault: true, description: null, helpLinkUri: null,
            WellKnownTags.NotConfigurable, WellKnownTags.Compiler);

    // Another message for the same diagnostic (same id, title, severity; not listed in All): e.g. the one-line
    // summary that stands for many rows with the same problem.
    private static DiagnosticDescriptor Variant(DiagnosticDescriptor of, string message) => Create(of.Id, of.DefaultSeverity, of.Category, message);

    /// <summary>VT0001: the document is not valid JSON.</summary>
    public static readonly DiagnosticDescriptor InvalidJson = Create("VT0001", DiagnosticSeverity.Error);
    /// <summary>VT0002: a value has the wrong JSON type.</summary>
    public static readonly DiagnosticDescriptor UnexpectedType = Create("VT0002", DiagnosticSeverity.Error);
    /// <summary>VT0003: a required property is missing.</summary>
    public static readonly DiagnosticDescriptor MissingRequired = Create("VT0003", DiagnosticSeverity.Error);
    /// <summary>VT0004: an id is used twice in one collection.</summary>
    public static readonly DiagnosticDescriptor DuplicateId = Create("VT0004", DiagnosticSeverity.Error);
    /// <summary>VT0005: a reference names an entity that does not exist.</summary>
    public static readonly DiagnosticDescriptor UnresolvedReference = Create("VT0005", DiagnosticSeverity.Error);
    /// <summary>VT0006: a reporting line or unit hierarchy forms a cycle (including self-management).</summary>
    public static readonly DiagnosticDescriptor Cycle = Create("VT0006", DiagnosticSeverity.Error);
    /// <summary>VT0007: an unknown property (ignored).</summary>
    public static readonly DiagnosticDescriptor UnknownProperty = Create("VT0007", DiagnosticSeverity.Warning);
    /// <summary>VT0008: a value outside what the schema allows.</summary>
    public static readonly DiagnosticDescriptor InvalidValue = Create("VT0008", DiagnosticSeverity.Error);
    /// <summary>VT0009: a schema version this tool cannot read.</summary>
    public static readonly DiagnosticDescriptor UnsupportedSchemaVersion = Create("VT0009", DiagnosticSeverity.Error);
    /// <summary>VT0010: a resource limit (size, depth, string length) was exceeded.</summary>
    public static readonly DiagnosticDescriptor LimitExceeded = Create("VT0010", DiagnosticSeverity.Error);
    /// <summary>VT0011: the file cannot be read.</summary>
    public static readonly DiagnosticDescriptor FileUnreadable = Create("VT0011", DiagnosticSeverity.Error);
    /// <summary>VT0012: the document is not valid YAML, or uses YAML that an organisation document does not need (tags, complex keys).</summary>
    public static readonly DiagnosticDescriptor InvalidYaml = Create("VT0012", DiagnosticSeverity.Error);
    /// <summary>VT0013: a workbook (<c>.xlsx</c>) cannot be read or is refused (macros, external links, not a workbook).</summary>
    public static readonly DiagnosticDescriptor InvalidWorkbook = Create("VT0013", DiagnosticSeverity.Error);
    /// <summary>VT0300: an HR export is not valid CSV (unterminated quote, ragged row, row without an employee id, …).</summary>
    public static readonly DiagnosticDescriptor InvalidCsv = Create("VT0300", DiagnosticSeverity.Error);
    /// <summary>VT0301: an HR export's header cannot be used (empty file, no employee-id column, duplicate columns).</summary>
    public static readonly DiagnosticDescriptor UnusableCsvHeader = Create("VT0301", DiagnosticSeverity.Error);
    /// <summary>VT0302: a row names a manager (by id or name) who is not in the export.</summary>
    public static readonly DiagnosticDescriptor UnknownManager = Create("VT0302", DiagnosticSeverity.Warning);
    /// <summary>VT0303: a manager name matches several people.</summary>
    public static readonly DiagnosticDescriptor AmbiguousManagerName = Create("VT0303", DiagnosticSeverity.Warning);
    /// <summary>VT0304: a row names no manager although the export already has a top of the hierarchy.</summary>
    public static readonly DiagnosticDescriptor MissingManager = Create("VT0304", DiagnosticSeverity.Warning);
    /// <summary>VT0305: the column mapping file is invalid.</summary>
    public static readonly DiagnosticDescriptor InvalidColumnMapping = Create("VT0305", DiagnosticSeverity.Error);
    /// <summary>VT0306: the practices side file cannot be merged with the export.</summary>
    public static readonly DiagnosticDescriptor PracticesMergeFailed = Create("VT0306", DiagnosticSeverity.Error);
    /// <summary>VT0307: how the manager column of an HR export was read (employee ids, names, another column), with the evidence.</summary>
    public static readonly DiagnosticDescriptor ManagerKey = Create("VT0307", DiagnosticSeverity.Info);
    /// <summary>VT0308: business functions inferred from unit and role names of an HR export (each one listed).</summary>
    public static readonly DiagnosticDescriptor FunctionsInferred = Create("VT0308", DiagnosticSeverity.Info);
    /// <summary>VT0309: units and roles of an HR export whose business function could not be inferred.</summary>
    public static readonly DiagnosticDescriptor FunctionsUnknown = Create("VT0309", DiagnosticSeverity.Info);
    /// <summary>VT0310: the recurring meetings read from a calendar export, how each purpose was found, and what was left out (counted, never listed).</summary>
    public static readonly DiagnosticDescriptor CalendarMeetings = Create("VT0310", DiagnosticSeverity.Info);
    /// <summary>VT0311: a calendar export (.ics) or one of its events cannot be read.</summary>
    public static readonly DiagnosticDescriptor InvalidCalendar = Create("VT0311", DiagnosticSeverity.Error);

    // Message variants (same ids): one diagnostic for many rows, and the HR-export wording of some problems.
    internal static readonly DiagnosticDescriptor UnknownManagerRows = Variant(UnknownManager, "_Rows");
    internal static readonly DiagnosticDescriptor AmbiguousManagerRows = Variant(AmbiguousManagerName, "_Rows");
    internal static readonly DiagnosticDescriptor MissingManagerRows = Variant(MissingManager, "_Rows");
    internal static readonly DiagnosticDescriptor DuplicateEmployeeId = Variant(DuplicateId, "_Row");
    internal static readonly DiagnosticDescriptor DuplicateEmployeeIdRows = Variant(DuplicateId, "_Rows");
    internal static readonly DiagnosticDescriptor ManagerKeyColumn = Variant(ManagerKey, "_Column");
    internal static readonly DiagnosticDescriptor ManagerKeyUnresolved = Variant(ManagerKey, "_Unresolved");

    /// <summary>VT0100: a rule threw; the run went on (Roslyn's AD0001).</summary>
    public static readonly DiagnosticDescriptor RuleFailed = Create("VT0100", DiagnosticSeverity.Warning, DiagnosticCategories.Internal);
    /// <summary>VT0101: a rule reported a descriptor it did not declare.</summary>
    public static readonly DiagnosticDescriptor UndeclaredDiagnostic = Create("VT0101", DiagnosticSeverity.Warning, DiagnosticCategories.Internal);

    /// <summary>VT0200: a configuration entry names a rule id or category that no loaded rule has.</summary>
    public static readonly DiagnosticDescriptor ConfigUnknownId = Create("VT0200", DiagnosticSeverity.Warning, DiagnosticCategories.Configuration);
    /// <summary>VT0201: a configuration key that is not understood.</summary>
    public static readonly DiagnosticDescriptor ConfigUnknownKey = Create("VT0201", DiagnosticSeverity.Warning, DiagnosticCategories.Configuration);
    /// <summary>VT0202: a configuration value that is not allowed (e.g. a severity word).</summary>
    public static readonly DiagnosticDescriptor ConfigInvalidValue = Create("VT0202", DiagnosticSeverity.Warning, DiagnosticCategories.Configuration);
    /// <summary>VT0203: a rule option no rule declares, or a valid value that cannot have an effect on the document.</summary>
    public static readonly DiagnosticDescriptor ConfigUnusableRuleOption = Create("VT0203", DiagnosticSeverity.Warning, DiagnosticCategories.Configuration);
    /// <summary>VT0200 with the closest loaded rule id.</summary>
    internal static readonly DiagnosticDescriptor ConfigUnknownIdSuggest = Variant(ConfigUnknownId, "_MessageSuggest");
    /// <summary>VT0202: a rule option's value that is not a value of the declared option.</summary>
    internal static readonly DiagnosticDescriptor ConfigInvalidOptionValue = Variant(ConfigInvalidValue, "_Option");
    /// <summary>VT0204: configuration or a suppression tries to change a NotConfigurable diagnostic.</summary>
    public static readonly DiagnosticDescriptor ConfigNotConfigurable = Create("VT0204", DiagnosticSeverity.Warning, DiagnosticCategories.Configuration);
    /// <summary>VT0205: a configuration file cannot be read, or a line of it cannot be parsed.</summary>
    public static readonly DiagnosticDescriptor ConfigFileProblem = Create("VT0205", DiagnosticSeverity.Warning, DiagnosticCategories.Configuration);
    /// <summary>VT0210: a suppression has expired and no longer suppresses.</summary>
    public static readonly DiagnosticDescriptor SuppressionExpired = Create("VT0210", DiagnosticSeverity.Warning, DiagnosticCategories.Configuration);
    /// <summary>VT0211: a suppression matched no finding.</summary>
    public static readonly DiagnosticDescriptor SuppressionUnmatched = Create("VT0211", DiagnosticSeverity.Info, DiagnosticCategories.Configuration);
    /// <summary>VT0212: a suppressions file cannot be read or is invalid.</summary>
    public static readonly DiagnosticDescriptor SuppressionFileInvalid = Create("VT0212", DiagnosticSeverity.Error, DiagnosticCategories.Configuration);
    /// <summary>VT0220: a baseline entry whose finding is no longer reported (the baseline is stale).</summary>
    public static readonly DiagnosticDescriptor BaselineFindingAbsent = Create("VT0220", DiagnosticSeverity.Info, DiagnosticCategories.Configuration);
    /// <summary>VT0221: a baseline file cannot be read or is invalid.</summary>
    public static readonly DiagnosticDescriptor BaselineFileInvalid = Create("VT0221", DiagnosticSeverity.Error, DiagnosticCategories.Configuration);

    /// <summary>All of them.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } = new[]
    {
        InvalidJson, UnexpectedType, MissingRequired, DuplicateId, UnresolvedReference, Cycle, UnknownProperty,
        InvalidValue, UnsupportedSchemaVersion, LimitExceeded, FileUnreadable, InvalidYaml, InvalidWorkbook,
        InvalidCsv, UnusableCsvHeader, UnknownManager, AmbiguousManagerName, MissingManager, InvalidColumnMapping, PracticesMergeFailed,
        ManagerKey, FunctionsInferred, FunctionsUnknown, CalendarMeetings, InvalidCalendar,
        RuleFailed, UndeclaredDiagnostic,
        ConfigUnknownId, ConfigUnknownKey, ConfigInvalidValue, ConfigUnusableRuleOption, ConfigNotConfigurable, ConfigFileProblem,
        SuppressionExpired, SuppressionUnmatched, SuppressionFileInvalid, BaselineFindingAbsent, BaselineFileInvalid,
    };
}
