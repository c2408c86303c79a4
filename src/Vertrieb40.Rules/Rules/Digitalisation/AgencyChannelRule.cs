using NRules.Fluent.Dsl;
using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Model;

namespace Vertrieb40.Rules.Rules.Digitalisation;

/// <summary>
/// VT2003 — a customer channel run by an external agency, with no mastery in-house (principle 2.3,
/// mastery of channels). Option <c>VT2003.includeMixed</c> (default false): a channel run jointly by the
/// company and an agency keeps competence in-house and is not reported unless this is true.
/// Option <c>VT2003.kinds</c> (default socialMedia, onlineAds, webinar, web, email, phone): the article speaks of
/// communication channels — social networks, online advertising, phone and e-mail (L224–229); an event-stand
/// builder (<c>events</c>), commercial agents in the field (<c>field</c>), a marketplace or an unnamed kind are
/// not such a channel and are not reported by default.
/// </summary>
[RequiresFacts(InputFacts.Channels)]
[Name("VT2003"), Description("Customer channel run only by an agency")]
internal sealed class AgencyChannelRule : OrganizationRule
{
    /// <summary>VT2003.</summary>
    public static readonly DiagnosticDescriptor Descriptor =
        RuleDescriptors.Create("VT2003", DiagnosticCategories.Digitalisation, DiagnosticSeverity.Warning, WellKnownTags.Practice);

    /// <inheritdoc />
    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    /// <summary>True when the channel depends on an agency under the given options.</summary>
    public static bool DependsOnAgency(Channel channel, RuleOptions options)
        => channel.Kind is { } kind && options.Set("VT2003", "kinds", DefaultKinds).Contains(kind)
           && (channel.OperatedBy == ChannelOperator.Agency
               || (channel.OperatedBy == ChannelOperator.Mixed && options.Bool("VT2003", "includeMixed", false)));

    /// <summary>The channel kinds checked by default: the communication channels the article names.</summary>
    public static readonly ChannelKind[] DefaultKinds =
        { ChannelKind.SocialMedia, ChannelKind.OnlineAds, ChannelKind.Webinar, ChannelKind.Web, ChannelKind.Email, ChannelKind.Phone };

    /// <inheritdoc />
    public override void Define()
    {
        AnalysisContext context = null!;
        RuleOptions options = null!;
        Channel channel = null!;

        Dependency().Resolve(() => context);
        When()
            .Match(() => options)
            .Match(() => channel, c => DependsOnAgency(c, options));
        Then()
            .Do(_ => context.ReportAt(Descriptor, channel, "operatedBy", null, null,
                channel.DisplayName, Terms.OfOrNotStated(channel.Kind), Terms.Of(channel.OperatedBy)));
    }
}
