using Comity.Domain.Legal;
using Comity.Domain.Treaty;

namespace Comity.Domain.Cooperation;

/// <summary>What a request rests on: the Convention, or another basis named by the officer.</summary>
public enum LegalBasisKind
{
    /// <summary>The UN Convention against Cybercrime, in force between the two States.</summary>
    Convention,

    /// <summary>A bilateral treaty, named in <see cref="LegalBasis.Instrument"/>.</summary>
    BilateralTreaty,

    /// <summary>The Council of Europe Convention on Cybercrime (Budapest, ETS No. 185).</summary>
    BudapestConvention,

    /// <summary>Reciprocity, without a treaty.</summary>
    Reciprocity,

    /// <summary>Another multilateral instrument, named in <see cref="LegalBasis.Instrument"/>.</summary>
    OtherInstrument,
}

/// <summary>Wire names of <see cref="LegalBasisKind"/>.</summary>
public static class LegalBasisKinds
{
    public static string Wire(this LegalBasisKind kind) => kind switch
    {
        LegalBasisKind.Convention => "convention",
        LegalBasisKind.BilateralTreaty => "bilateralTreaty",
        LegalBasisKind.BudapestConvention => "budapestConvention",
        LegalBasisKind.Reciprocity => "reciprocity",
        LegalBasisKind.OtherInstrument => "otherInstrument",
    };

    public static bool TryParse(string? wire, out LegalBasisKind kind) => WireNames.TryParse(wire, Wire, out kind);
}

/// <summary>The legal basis of a request; a treaty or instrument other than the two conventions must be named.</summary>
public sealed record LegalBasis(LegalBasisKind Kind, string? Instrument = null)
{
    public static LegalBasis TheConvention { get; } = new(LegalBasisKind.Convention);

    public bool NeedsInstrumentName => Kind is LegalBasisKind.BilateralTreaty or LegalBasisKind.OtherInstrument;
}

/// <summary>A text and its language (BCP 47 tag).</summary>
public sealed record RequestText(string? Language, string? Text);

/// <summary>
/// A request as an officer drafts it: anything may be missing or malformed.
/// <see cref="RequestDraftValidator"/> lists every problem or returns a <see cref="CooperationRequest"/>.
/// </summary>
public sealed record RequestDraft
{
    public RequestKind? Kind { get; init; }

    /// <summary>ISO 3166-1 alpha-2 code of the requesting State.</summary>
    public string? RequestingState { get; init; }

    /// <summary>ISO 3166-1 alpha-2 code of the requested State.</summary>
    public string? RequestedState { get; init; }

    public LegalBasis? LegalBasis { get; init; }

    /// <summary>The request as written, in its original language.</summary>
    public RequestText? Original { get; init; }

    /// <summary>An optional translation, provided by the requester (see <see cref="CooperationRequest.TranslationProvidedBy"/>); kept beside the original, never replacing it.</summary>
    public RequestText? Translation { get; init; }

    public RequestContents Contents { get; init; } = RequestContents.Empty;

    public HandlingConditions Conditions { get; init; } = HandlingConditions.None;

    /// <summary>For mutual legal assistance: the codes of the purposes of the assistance sought (<see cref="AssistancePurposes"/>).</summary>
    public IReadOnlyList<string>? Purposes { get; init; }

    /// <summary>For the central authorities' kinds: when the requester needs the assistance by; its reasons go in <see cref="ContentItem.DeadlineReasons"/> (Art. 40).</summary>
    public NodaTime.Instant? Deadline { get; init; }
}

/// <summary>
/// What the validator knows of the two States, from the Register and the treaty registry: the languages
/// the requested State accepts (Art. 40(14)) and whether the Convention is in force between them on
/// the date. Null means unknown, and that check is skipped.
/// </summary>
public sealed record RequestValidationContext(IReadOnlyCollection<string>? AcceptedLanguages = null, bool? ConventionInForce = null)
{
    public static RequestValidationContext Unknown { get; } = new();
}

/// <summary>A request that passed validation: parsed States, normalized language tags, trimmed contents.</summary>
public sealed record CooperationRequest(
    RequestKind Kind,
    ParticipantCode RequestingState,
    ParticipantCode RequestedState,
    LegalBasis LegalBasis,
    RequestText Original,
    RequestText? Translation,
    RequestContents Contents,
    HandlingConditions Conditions)
{
    /// <summary>A translation in a request is always the requester's: the requested side reads it as such.</summary>
    public static Side TranslationProvidedBy => Side.Requesting;

    public RequestKindProfile Profile => Kind.Profile();

    /// <summary>The purposes of the assistance sought (mutual legal assistance only), in the order given.</summary>
    public IReadOnlyList<AssistancePurpose> Purposes { get; init; } = [];

    /// <summary>When the requester needs the assistance by, if it said so (central authorities' kinds).</summary>
    public NodaTime.Instant? Deadline { get; init; }
}

/// <summary>The outcome of validating a draft: every problem, or the request.</summary>
public sealed record DraftValidation(IReadOnlyList<RuleViolation> Problems, CooperationRequest? Request)
{
    public bool IsValid => Request is not null;
}
