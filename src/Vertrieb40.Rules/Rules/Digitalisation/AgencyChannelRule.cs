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
[Name(RuleIds.VT2003), Description("Customer channel run only by an agency")]
internal sealed class AgencyChannelRule() : FactRule<Channel>(Descriptor)
{
    /// <summary>VT2003.</summary>
    public static readonly DiagnosticDescriptor Descriptor =
        RuleDescriptors.Create(RuleIds.VT2003, DiagnosticCategories.Digitalisation, DiagnosticSeverity.Warning, WellKnownTags.Practice);

    /// <summary>Whether channels run jointly with an agency are reported too.</summary>
    public static readonly RuleOption<bool> IncludeMixed =
        RuleOption.Bool(RuleIds.VT2003, "includeMixed", false, "also report channels run jointly with an agency (default false)");

    /// <summary>The channel kinds checked: by default the communication channels the article names.</summary>
    public static readonly RuleOption<IReadOnlySet<ChannelKind>> Kinds = RuleOption.Set(RuleIds.VT2003, "kinds",
        [ChannelKind.SocialMedia, ChannelKind.OnlineAds, ChannelKind.Webinar, ChannelKind.Web, ChannelKind.Email, ChannelKind.Phone],
        "the channel kinds checked (comma-separated)");

    /// <inheritdoc />
    public override IReadOnlyList<RuleOption> SupportedOptions => [IncludeMixed, Kinds];

    /// <summary>The channel depends on an agency.</summary>
    protected override bool IsFinding(Channel channel, RuleOptions options)
        => channel.Kind is { } kind && options.Get(Kinds).Contains(kind)
           && (channel.OperatedBy == ChannelOperator.Agency || (channel.OperatedBy == ChannelOperator.Mixed && options.Get(IncludeMixed)));

    /// <inheritdoc />
    protected override string LocatedAt(Channel channel) => "operatedBy";

    /// <inheritdoc />
    protected override object?[] MessageArguments(Channel channel, AnalysisContext context)
        => [ArgumentSource.Name(channel), ArgumentSource.Optional(channel.Kind, channel, "kind"),
            ArgumentSource.Stated(Terms.Of(channel.OperatedBy), channel, "operatedBy")];
}
