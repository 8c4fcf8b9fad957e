using Comity.Domain.Cooperation;
using Comity.Domain.Directory;
using Comity.Domain.Legal;
using Comity.Domain.Treaty;
using Comity.Node.Storage;
using Comity.Protocol.V1;

namespace Comity.Node.Features.Requests;

/// <summary>A checked draft: every problem and warning, the routing, and the request when valid.</summary>
internal sealed record CheckedDraft(
    IReadOnlyList<RequestProblemDto> Problems,
    IReadOnlyList<RequestProblemDto> Warnings,
    RequestRoutingDto? Routing,
    CooperationRequest? Request)
{
    public RequestValidationResult Result => new(Request is not null && Problems.Count == 0, Problems, Warnings, Routing);
}

/// <summary>
/// Checks a draft against the domain and what this node knows: the requested State's 24/7 point of
/// contact in the Register it holds (Art. 41(1)), its languages (Art. 40(14)) and the roster now, and
/// whether the Convention is in force between the two States today (Art. 65). The treaty facts come from
/// the same signed Register: the depositary's in-force and denunciation dates for each participant, which
/// the Secretariat computes from its treaty registry and a State node receives with every publication.
/// </summary>
internal sealed class RequestDraftChecker(
    ComityDbContext db,
    Comity.Node.Federation.Envelopes.FederationRegisterView view,
    Comity.Node.Federation.Register.ICurrentRegister currentRegister,
    TimeProvider time)
{
    public const string NoPointOfContact = "request.no-point-of-contact";
    public const string UnknownState = "request.unknown-state";

    public async Task<CheckedDraft> CheckAsync(RequestDraftInput? input, CancellationToken cancellationToken)
    {
        input ??= new RequestDraftInput(null, null, null, null, null, null, null, null);
        var problems = new List<RequestProblemDto>();
        var warnings = new List<RequestProblemDto>();
        var now = time.GetUtcNow();
        var own = view.OwnState;
        var network = Convention.Art(41);

        RequestKind? kind = null;
        if (!string.IsNullOrWhiteSpace(input.Kind))
        {
            if (RequestKinds.TryParse(input.Kind, out var k))
            {
                kind = k;
                network = k.Basis();
            }
            else
            {
                problems.Add(RequestWire.Problem("kind", RequestDraftValidator.KindMissing, $"Unknown kind '{input.Kind}': {string.Join(", ", RequestKinds.All.Select(x => x.Wire()))}.", Convention.Art(41)));
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
                problems.Add(RequestWire.Problem("legalBasis.kind", RequestDraftValidator.LegalBasisMissing, $"Unknown legal basis '{lb.Kind}': convention, bilateralTreaty, budapestConvention, reciprocity or otherInstrument.", RequestDraftValidator.CooperationBasis));
            }
        }

        var conditions = RequestWire.ParseConditions(input.Conditions, "conditions", problems) ?? HandlingConditions.None;
        CheckLengths(input, problems);

        var requested = input.RequestedState?.Trim().ToUpperInvariant();
        RequestRoutingDto? routing = null;
        bool? inForce = null;
        IReadOnlyCollection<string>? languages = null;
        if (requested is { Length: 2 } && FederationJson.IsStateCode(requested) && !string.Equals(requested, own, StringComparison.Ordinal))
        {
            var register = await view.GetAsync(db, currentRegister, cancellationToken);
            var pointOfContact = register is null ? null : PointOfContact(register, requested);
            if (register is null || RegisterLookups.NodeFor(register, requested) is null)
            {
                problems.Add(RequestWire.Problem("requestedState", UnknownState,
                    register is null ? "This node holds no Register yet, so it cannot route the request." : $"The Register this node holds (serial {register.Serial}) lists no node for {requested}: the request cannot be sent through Comity.",
                    Convention.Art(41, 1)));
            }
            else if (pointOfContact is null)
            {
                problems.Add(RequestWire.Problem("requestedState", NoPointOfContact, $"{requested} has designated no 24/7 point of contact in the Register (serial {register.Serial}).", Convention.Art(41, 1)));
            }

            var (conventionInForce, reason) = InForce(register, own, requested, now);
            inForce = conventionInForce;
            if (pointOfContact is not null)
            {
                languages = pointOfContact.Languages;
                var onDuty = OnDuty(pointOfContact, now);
                routing = new RequestRoutingDto(requested, pointOfContact.Id, pointOfContact.Office, onDuty, pointOfContact.Languages, pointOfContact.TimeZone, conventionInForce, reason, register!.Serial);
                if (onDuty is null && !pointOfContact.Always)
                {
                    warnings.Add(RequestWire.Problem("requestedState", RequestCodes.RosterGap, $"Nobody is on {pointOfContact.Office}'s roster now; the request is queued for the next officer.", Convention.Art(41, 1)));
                }
                else if (onDuty is null)
                {
                    warnings.Add(RequestWire.Problem("requestedState", RequestCodes.RosterEmpty, $"{pointOfContact.Office} lists nobody on its roster now, though it is available 24/7.", Convention.Art(41, 1)));
                }
            }
            else if (register is not null)
            {
                routing = new RequestRoutingDto(requested, null, null, null, [], null, conventionInForce, reason, register.Serial);
            }

            if (!conventionInForce && basis is not null && basis.Kind != LegalBasisKind.Convention)
            {
                warnings.Add(RequestWire.Problem("legalBasis.kind", RequestDraftValidator.ConventionNotInForce,
                    $"{reason} The request rests on {basis.Kind.Wire()}{(basis.Instrument is null ? "" : " (" + basis.Instrument + ")")}.", RequestDraftValidator.InForceBasis, nameof(RequestDraftChecker)));
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
        };
        var validation = RequestDraftValidator.Validate(draft, new RequestValidationContext(languages, inForce));

        // The kind and legal basis parsed above were already reported when unknown: the validator repeats them as missing.
        foreach (var problem in validation.Problems.Select(p => p.Dto()))
        {
            if (!problems.Any(p => string.Equals(p.Field, problem.Field, StringComparison.Ordinal) && (problem.Field is "kind" or "legalBasis.kind") && string.Equals(p.Code, problem.Code, StringComparison.Ordinal)))
            {
                problems.Add(problem);
            }
        }

        return new CheckedDraft(problems, warnings, routing, problems.Count == 0 ? validation.Request : null);
    }

    /// <summary>The requested State's 24/7 point of contact (Art. 41(1)); the first by id when it designated several.</summary>
    public static DesignationV1? PointOfContact(RegisterV1 register, string state) =>
        register.Designations
            .Where(d => string.Equals(d.State, state, StringComparison.Ordinal) && string.Equals(d.Role, DesignationRoles.Wire(DesignationRole.PointOfContact247), StringComparison.Ordinal))
            .OrderBy(d => d.Id, StringComparer.Ordinal)
            .FirstOrDefault();

    /// <summary>Who is on the roster at <paramref name="now"/>; the latest shift to start when shifts overlap.</summary>
    public static string? OnDuty(DesignationV1 designation, DateTimeOffset now) =>
        designation.Roster.Where(s => s.Start <= now && now < s.End).OrderByDescending(s => s.Start).Select(s => s.Officer).FirstOrDefault();

    private static (bool InForce, string Reason) InForce(RegisterV1? register, string own, string requested, DateTimeOffset now)
    {
        var on = DateOnly.FromDateTime(now.UtcDateTime);
        var iso = on.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        if (register is null)
        {
            return (false, $"This node holds no Register yet, so it cannot tell whether the Convention is in force between {own} and {requested} on {iso} (Art. 65).");
        }

        return RegisterLookups.IsInForceBetween(register, own, requested, on)
            ? (true, $"The Convention is in force between {own} and {requested} on {iso} according to the Register (serial {register.Serial}) (Art. 65).")
            : (false, $"The Convention is not in force between {own} and {requested} on {iso} according to the Register (serial {register.Serial}) (Art. 65).");
    }

    private static void CheckLengths(RequestDraftInput input, List<RequestProblemDto> problems)
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
