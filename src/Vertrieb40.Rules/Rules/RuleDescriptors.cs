using System.Resources;
using Vertrieb40.Rules.Diagnostics;

namespace Vertrieb40.Rules.Rules;

/// <summary>Creates the catalog's descriptors from the category resource files (English and German).</summary>
internal static class RuleDescriptors
{
    internal static readonly ResourceManager Team = new("Vertrieb40.Rules.Rules.Team.TeamResources", typeof(RuleDescriptors).Assembly);
    internal static readonly ResourceManager Digitalisation = new("Vertrieb40.Rules.Rules.Digitalisation.DigitalisationResources", typeof(RuleDescriptors).Assembly);
    internal static readonly ResourceManager Effectiveness = new("Vertrieb40.Rules.Rules.Effectiveness.EffectivenessResources", typeof(RuleDescriptors).Assembly);

    /// <summary>A descriptor whose texts are <c>ID_Title</c>, <c>ID_Message</c> and <c>ID_Description</c> in the category's resources.</summary>
    public static DiagnosticDescriptor Create(string id, string category, DiagnosticSeverity severity, params string[] tags)
    {
        var resources = category switch
        {
            DiagnosticCategories.Team => Team,
            DiagnosticCategories.Digitalisation => Digitalisation,
            DiagnosticCategories.Effectiveness => Effectiveness,
            _ => throw new ArgumentOutOfRangeException(nameof(category), category, "Not a catalog category."),
        };
        return new DiagnosticDescriptor(id,
            new LocalizableResourceString(id + "_Title", resources),
            new LocalizableResourceString(id + "_Message", resources),
            category, severity, isEnabledByDefault: true,
            new LocalizableResourceString(id + "_Description", resources),
            helpLinkUri: null, tags);
    }

    /// <summary>
    /// The same rule (id, title, severity, tags) with another message, <c>ID_&lt;suffix&gt;</c>, for a case the main
    /// message does not fit (VT3001 on a recognition programme with a prize). Rules still declare only the main
    /// descriptor; a report is accepted by id.
    /// </summary>
    public static DiagnosticDescriptor Variant(DiagnosticDescriptor main, string category, string messageSuffix)
    {
        var resources = category switch
        {
            DiagnosticCategories.Team => Team,
            DiagnosticCategories.Digitalisation => Digitalisation,
            DiagnosticCategories.Effectiveness => Effectiveness,
            _ => throw new ArgumentOutOfRangeException(nameof(category), category, "Not a catalog category."),
        };
        return new DiagnosticDescriptor(main.Id, main.Title, new LocalizableResourceString(main.Id + "_" + messageSuffix, resources),
            main.Category, main.DefaultSeverity, main.IsEnabledByDefault, main.Description, main.HelpLinkUri, main.CustomTags.ToArray());
    }
}
