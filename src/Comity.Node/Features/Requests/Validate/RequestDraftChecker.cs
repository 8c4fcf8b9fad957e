using Comity.Domain.Cooperation;
using Comity.Domain.Directory;
using Comity.Domain.Legal;
using Comity.Node.Federation.Envelopes;
using Comity.Node.Federation.Register;
using Comity.Node.Kernel;
using Comity.Node.Storage;
using Comity.Protocol.V1;

namespace Comity.Node.Features.Requests.Validate;

/// <summary>A checked draft: every problem and warning, the routing, and the request when valid.</summary>
internal sealed record CheckedDraft(
    IReadOnlyList<RequestProblemDto> Problems,
    IReadOnlyList<RequestProblemDto> Warnings,
    RequestRoutingDto? Routing,
    CooperationRequest? Request,
    DualCriminalityDto? DualCriminality = null)
{
    public RequestValidationResult Result => new(Request is not null && Problems.Count == 0, Problems, Warnings, Routing, DualCriminality);
}

/// <summary>
/// Checks a draft against the domain and what this node knows: the requested State's office for the kind's channel
/// (its profile's <see cref="RequestKindProfile.Channel"/>: the 24/7 point of contact, Art. 41(1)) in the Register it
/// holds, its languages (Art. 40(14)) and the roster now, and whether the Convention is in force between the two
/// States today (Art. 65). The treaty facts come from the same signed Register: the depositary's in-force and
/// denunciation dates for each participant, which the Secretariat computes from its treaty registry and a State node
/// receives with every publication. <c>POST /api/v1/requests/validate</c> answers with it, and a submission is
/// checked by it before anything is stored or sent.
/// </summary>
internal sealed class RequestDraftChecker(
    ComityDbContext db,
    FederationRegisterView view,
    ICurrentRegister currentRegister,
    TimeProvider time)
{
    public const string NoPointOfContact = "request.no-point-of-contact";
    public const string UnknownState = "request.unknown-state";

    /// <summary>A draft with nothing in it (what an empty body stands for).</summary>
    public static readonly RequestDraftInput Empty = new(null, null, null, null, null, null, null, null);

    /// <summary>Checks a draft of the kind it names, as that kind's profile (<see cref="RequestKindProfiles"/>) declares it.</summary>
    public Task<CheckedDraft> CheckAsync(RequestDraftInput? input, CancellationToken cancellationToken) =>
        CheckAsync(input, null, cancellationToken);

    /// <summary>
    /// Checks a draft as a request of <paramref name="profile"/>'s kind, routed over that profile's channel; with no
    /// profile, of the kind the draft names. A draft that names no kind yet is routed over the channel every kind
    /// shares (<see cref="RequestChannels.Shared"/>), if they share one.
    /// </summary>
    public async Task<CheckedDraft> CheckAsync(RequestDraftInput? input, RequestKindProfile? profile, CancellationToken cancellationToken)
    {
        input ??= Empty;
        if (profile is not null)
        {
            input = input with { Kind = profile.Kind.Wire() };
        }

        var problems = new List<RequestProblemDto>();
        var warnings = new List<RequestProblemDto>();
        var now = time.GetUtcNow();
        var own = view.OwnState;

        RequestKind? kind = null;
        if (!string.IsNullOrWhiteSpace(input.Kind))
        {
            if (RequestKinds.TryParse(input.Kind, out var k))
            {
                kind = k;
                profile ??= k.Profile();
            }
            else
            {
                problems.Add(Input("kind", RequestDraftValidator.KindMissing, $"Unknown kind '{input.Kind}': {string.Join(", ", RequestKinds.All.Select(x => x.Wire()))}.", Convention.Art(41)));
            }
        }

        LegalBasis? basis = null;
        if (input.LegalBasis is { } lb)
        {
            if (LegalBasisKinds.TryParse(lb.Kind, out var basisKind))
            {
                basis = new LegalBasis(basisKind, string.IsNullOrWhiteSpace(lb.Reference) ? null : lb.Reference.Trim());
            }
            else if (!string.IsNullOrWhiteSpace(lb.Kind))
            {
                problems.Add(Input("legalBasis.kind", RequestDraftValidator.LegalBasisMissing, $"Unknown legal basis '{lb.Kind}': convention, bilateralTreaty, budapestConvention, reciprocity or otherInstrument.", RequestDraftValidator.CooperationBasis));
            }
        }

        var inputProblems = new List<ProblemError>();
        var conditions = RequestWire.ParseConditions(input.Conditions, "conditions", inputProblems) ?? HandlingConditions.None;
        CheckLengths(input, inputProblems);
        problems.AddRange(inputProblems.Select(p => RequestProblemDto.From(p)));

        var requested = input.RequestedState?.Trim().ToUpperInvariant();
        var channel = profile?.Channel ?? RequestChannels.Shared;
        var channelBasis = channel?.Basis() ?? Convention.Art(41);
        RequestRoutingDto? routing = null;
        DualCriminalityDto? dualCriminality = null;
        bool? inForce = null;
        IReadOnlyCollection<string>? languages = null;
        if (requested is { Length: 2 } && FederationJson.IsStateCode(requested) && !string.Equals(requested, own, StringComparison.Ordinal))
        {
            var register = await view.GetAsync(db, currentRegister, cancellationToken);
            var office = register is null || channel is not { } role ? null : RequestRouting.Designation(register, requested, role);
            if (register is null || RegisterLookups.NodeFor(register, requested) is null)
            {
                problems.Add(Input("requestedState", UnknownState,
                    register is null ? "This node holds no Register yet, so it cannot route the request." : $"The Register this node holds (serial {register.Serial}) lists no node for {requested}: the request cannot be sent through Comity.",
                    channelBasis));
            }
            else if (office is null && channel is { } missing)
            {
                problems.Add(Input("requestedState", NoPointOfContact, $"{requested} has designated no {missing.Describe()} in the Register (serial {register.Serial}).", channelBasis));
            }

            var (conventionInForce, reason) = RequestRouting.InForce(register, own, requested, now);
            inForce = conventionInForce;
            if (office is not null)
            {
                languages = office.Languages;
                var onDuty = RequestRouting.OnDuty(office, now);
                routing = new RequestRoutingDto(requested, office.Id, office.Office, onDuty, office.Languages, office.TimeZone, conventionInForce, reason, register!.Serial);
                if (onDuty is null && !office.Always)
                {
                    warnings.Add(Input("requestedState", RequestCodes.RosterGap, $"Nobody is on {office.Office}'s roster now; the request is queued for the next officer.", channelBasis));
                }
                else if (onDuty is null)
                {
                    warnings.Add(Input("requestedState", RequestCodes.RosterEmpty, $"{office.Office} lists nobody on its roster now, though it is available 24/7.", channelBasis));
                }
            }
            else if (register is not null)
            {
                routing = new RequestRoutingDto(requested, null, null, null, [], null, conventionInForce, reason, register.Serial);
            }

            if (register is not null && !string.IsNullOrWhiteSpace(input.OffenceCode) && input.OffenceCode.Length <= Comity.Domain.Cooperation.Offences.NationalOffence.MaxCodeLength)
            {
                var code = input.OffenceCode.Trim();
                if (OffenceAssessment.Listed(register, own, code) is null)
                {
                    problems.Add(Input("offenceCode", OffenceAssessment.OffenceUnknown,
                        $"{own} lists no offence '{code}' in the Register (serial {register.Serial}): list it with its maximum penalty in this node's directory and submit the directory, or leave the code out.",
                        Comity.Domain.Cooperation.Offences.DualCriminality.ConductBasis));
                }
                else if (kind is { } assessed)
                {
                    dualCriminality = OffenceAssessment.Assess(register, own, requested, code, assessed, input.Purposes);
                }
            }

            if (!conventionInForce && basis is not null && basis.Kind != LegalBasisKind.Convention)
            {
                warnings.Add(RequestProblemDto.From(RequestWire.Problem("legalBasis.kind", RequestDraftValidator.ConventionNotInForce,
                    $"{reason} The request rests on {basis.Kind.Wire()}{(basis.Instrument is null ? "" : " (" + basis.Instrument + ")")}.", RequestDraftValidator.InForceBasis), nameof(RequestDraftChecker)));
            }
        }

        var draft = new RequestDraft
        {
            Kind = kind,
            RequestingState = own,
            RequestedState = input.RequestedState,
            LegalBasis = basis,
            Original = input.Original is null ? null : new RequestText(input.Original.Language, input.Original.Text),
            Translation = input.Translation is null ? null : new RequestText(input.Translation.Language, input.Translation.Text),
            Contents = RequestWire.ToDomain(input.Contents),
            Conditions = conditions,
            Purposes = input.Purposes,
            Deadline = input.Deadline is { } deadline ? NodaTime.Instant.FromDateTimeOffset(deadline) : null,
        };
        var validation = RequestDraftValidator.Validate(draft, new RequestValidationContext(languages, inForce));

        // The kind and legal basis parsed above were already reported when unknown: the validator repeats them as missing.
        foreach (var problem in validation.Problems.Select(RequestProblemDto.From))
        {
            if (!problems.Any(p => string.Equals(p.Field, problem.Field, StringComparison.Ordinal) && (problem.Field is "kind" or "legalBasis.kind") && string.Equals(p.Code, problem.Code, StringComparison.Ordinal)))
            {
                problems.Add(problem);
            }
        }

        return new CheckedDraft(problems, warnings, routing, problems.Count == 0 ? validation.Request : null, dualCriminality);
    }

    private static RequestProblemDto Input(string field, string code, string message, ArticleReference basis) =>
        RequestProblemDto.From(RequestWire.Problem(field, code, message, basis));

    private static void CheckLengths(RequestDraftInput input, List<ProblemError> problems)
    {
        void Check(string? value, string field, int max)
        {
            if (value?.Length > max)
            {
                problems.Add(RequestWire.TooLong(field, max));
            }
        }

        Check(input.RequestingOffice, "requestingOffice", RequestLimits.ShortText);
        Check(input.Reference, "reference", RequestLimits.ShortText);
        Check(input.OffenceCode, "offenceCode", Comity.Domain.Cooperation.Offences.NationalOffence.MaxCodeLength);
        Check(input.LegalBasis?.Reference, "legalBasis.reference", RequestLimits.ShortText);
        Check(input.Original?.Text, "original.text", RequestLimits.LongText);
        Check(input.Translation?.Text, "translation.text", RequestLimits.LongText);
        var contents = RequestWire.ToDomain(input.Contents);
        foreach (var item in ContentItems.All)
        {
            Check(contents[item], item.FieldPath(), RequestLimits.LongText);
        }
    }
}
