using Comity.Domain.Directory;
using Comity.Domain.Legal;
using Comity.Domain.Treaty;

namespace Comity.Domain.Cooperation;

/// <summary>
/// Checks a draft completely before anything is sent and returns every missing or invalid item, each
/// with a stable code, its field path and its article. Never throws for bad input.
/// </summary>
public static class RequestDraftValidator
{
    public const string MissingContent = "request.missing-content";
    public const string KindMissing = "request.kind-missing";
    public const string StateInvalid = "request.state-invalid";
    public const string SameState = "request.same-state";
    public const string LegalBasisMissing = "request.legal-basis-missing";
    public const string InstrumentMissing = "request.instrument-missing";
    public const string ConventionNotInForce = "request.convention-not-in-force";
    public const string TextMissing = "request.text-missing";
    public const string LanguageInvalid = "request.language-invalid";
    public const string LanguageNotAccepted = "request.language-not-accepted";
    public const string TranslationSameLanguage = "request.translation-same-language";
    public const string RetentionInvalid = "conditions.retention-invalid";
    public const string ConditionInvalid = "conditions.value-invalid";
    public const string PurposeMissing = "request.purpose-missing";
    public const string PurposeUnknown = "request.purpose-unknown";
    public const string NotApplicable = "request.not-applicable";

    private const string Rule = nameof(RequestDraftValidator);

    /// <summary>The provision that lets States cooperate under the Convention and other instruments (Art. 35(1)).</summary>
    public static ArticleReference CooperationBasis => Convention.Art(35, 1);

    /// <summary>Languages a requested State accepts (Art. 40(14), applied to the 24/7 channel too).</summary>
    public static ArticleReference LanguageBasis => Convention.Art(40, 14);

    /// <summary>The Convention applies between two States once in force for both (Art. 65).</summary>
    public static ArticleReference InForceBasis => Convention.Art(65);

    public static DraftValidation Validate(RequestDraft? draft, RequestValidationContext? context = null)
    {
        context ??= RequestValidationContext.Unknown;
        var problems = new List<RuleViolation>();
        if (draft is null)
        {
            problems.Add(new(KindMissing, "The request is empty.", Convention.Art(41)) { Field = "kind", Rule = Rule });
            return new DraftValidation(problems, null);
        }

        // Deserializers may leave these null whatever the annotations say.
        var contents = draft.Contents ?? RequestContents.Empty;
        var conditions = draft.Conditions ?? HandlingConditions.None;
        var kind = draft.Kind is RequestKind k && Enum.IsDefined(k) ? k : (RequestKind?)null;
        var network = kind?.Basis() ?? Convention.Art(41);
        if (kind is null)
        {
            problems.Add(new(KindMissing, "Choose the kind of request: on the 24/7 network preservation, traffic-data disclosure, emergency, locating a suspect, technical advice or legal information; between central authorities mutual legal assistance, access to stored data, real-time collection of traffic data, interception of content data or spontaneous information.", network) { Field = "kind", Rule = Rule });
        }

        var requesting = State(draft.RequestingState, "requestingState", "requesting", network, problems);
        var requested = State(draft.RequestedState, "requestedState", "requested", network, problems);
        if (requesting is ParticipantCode a && requested is ParticipantCode b && a == b)
        {
            problems.Add(new(SameState, $"A request goes to another State; {a} is the requesting State.", network) { Field = "requestedState", Rule = Rule });
        }

        CheckLegalBasis(draft.LegalBasis, context, problems);
        var original = CheckText(draft.Original, "original", problems);
        var translation = draft.Translation is null || (string.IsNullOrWhiteSpace(draft.Translation.Language) && string.IsNullOrWhiteSpace(draft.Translation.Text))
            ? null
            : CheckText(draft.Translation, "translation", problems);
        if (original?.Language is { } ol && translation?.Language is { } tl && string.Equals(ol, tl, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add(new(TranslationSameLanguage, $"The translation is in the same language as the original ({ol}).", LanguageBasis) { Field = "translation.language", Rule = Rule });
        }

        if (context.AcceptedLanguages is { Count: > 0 } accepted && original?.Language is { } originalLanguage)
        {
            var languages = new[] { originalLanguage, translation?.Language }.OfType<string>().ToArray();
            if (!languages.Any(l => Accepts(accepted, l)))
            {
                problems.Add(new(
                    LanguageNotAccepted,
                    $"The requested State accepts {string.Join(", ", accepted)}; the request is in {string.Join(" and ", languages)}. Add a translation into an accepted language.",
                    LanguageBasis)
                {
                    Field = translation is null ? "original.language" : "translation.language",
                    Rule = Rule,
                });
            }
        }

        List<AssistancePurpose> purposes = kind is RequestKind forPurposes ? CheckPurposes(forPurposes, draft.Purposes, problems) : [];
        if (kind is RequestKind known)
        {
            foreach (var requirement in known.Profile().RequiredContents.Where(r => r.IsRequiredFor(purposes)))
            {
                if (string.IsNullOrWhiteSpace(contents[requirement.Item]))
                {
                    problems.Add(new(MissingContent, $"The request must state {Describe(requirement.Item)} ({known.Wire()}, {requirement.Basis}).", requirement.Basis) { Field = requirement.Item.FieldPath(), Rule = Rule });
                }
            }
        }

        if (kind is RequestKind forDeadline)
        {
            CheckDeadline(forDeadline, draft.Deadline, contents, problems);
        }

        problems.AddRange(ConditionsMustBeKnown.Problems(conditions, "conditions", Rule));

        if (problems.Count > 0 || kind is null || requesting is null || requested is null || original is null || draft.LegalBasis is null)
        {
            return new DraftValidation(problems, null);
        }

        return new DraftValidation([], new CooperationRequest(
            kind.Value,
            requesting.Value,
            requested.Value,
            draft.LegalBasis with { Instrument = draft.LegalBasis.Instrument?.Trim() },
            original,
            translation,
            Trim(contents),
            conditions)
        {
            Purposes = purposes,
            Deadline = draft.Deadline,
        });
    }

    /// <summary>The purposes of a mutual legal assistance request: at least one, each known; other kinds name none.</summary>
    private static List<AssistancePurpose> CheckPurposes(RequestKind kind, IReadOnlyList<string>? codes, List<RuleViolation> problems)
    {
        var basis = AssistanceProvisions.Purposes;
        if (!kind.NamesPurposes())
        {
            if (codes is { Count: > 0 })
            {
                problems.Add(new(NotApplicable, $"A {kind.Wire()} request names no purposes: they belong to a mutual legal assistance request.", basis) { Field = "purposes", Rule = Rule });
            }

            return [];
        }

        if (codes is null || codes.Count == 0)
        {
            problems.Add(new(PurposeMissing, $"Name the assistance sought: one or more of {string.Join(", ", AssistancePurposes.All.Select(p => p.Code))}.", basis) { Field = "purposes", Rule = Rule });
            return [];
        }

        var known = new List<AssistancePurpose>();
        for (var i = 0; i < codes.Count; i++)
        {
            if (AssistancePurposes.TryGet(codes[i], out var purpose))
            {
                if (!known.Contains(purpose))
                {
                    known.Add(purpose);
                }
            }
            else
            {
                problems.Add(new(PurposeUnknown, $"'{codes[i]}' is not a purpose of mutual legal assistance; use one of {string.Join(", ", AssistancePurposes.All.Select(p => p.Code))}.", basis) { Field = $"purposes[{i}]", Rule = Rule });
            }
        }

        return known;
    }

    /// <summary>A deadline belongs to the central authorities' requests (Art. 40) and comes with its reasons.</summary>
    private static void CheckDeadline(RequestKind kind, NodaTime.Instant? deadline, RequestContents contents, List<RuleViolation> problems)
    {
        var basis = AssistanceProvisions.ExecutionAndStatus;
        var takesDeadline = kind.Profile().Channel == DesignationRole.CentralAuthority && kind != RequestKind.SpontaneousInformation;
        if (deadline is null)
        {
            return;
        }

        if (!takesDeadline)
        {
            problems.Add(new(NotApplicable, $"A {kind.Wire()} request carries no deadline: its clocks are the node's.", basis) { Field = "deadline", Rule = Rule });
        }
        else if (string.IsNullOrWhiteSpace(contents.DeadlineReasons))
        {
            problems.Add(new(MissingContent, $"Give the reasons for the deadline ({kind.Wire()}, {basis}).", basis) { Field = ContentItem.DeadlineReasons.FieldPath(), Rule = Rule });
        }
    }

    /// <summary>What the item asks for, in words, for messages.</summary>
    public static string Describe(ContentItem item) => item switch
    {
        ContentItem.RequestingAuthority => "the authority seeking the assistance",
        ContentItem.Offence => "the offence under investigation, prosecution or proceedings",
        ContentItem.SummaryOfFacts => "a brief summary of the facts",
        ContentItem.DataToPreserve => "the stored data to be preserved",
        ContentItem.LinkToOffence => "how the data relate to the offence",
        ContentItem.CustodianOrLocation => "what is known of the custodian of the data or the location of the system",
        ContentItem.PreservationNecessity => "why preservation is necessary",
        ContentItem.IntendedFollowUp => "the mutual legal assistance request that will follow",
        ContentItem.PreservationReference => "the preservation request under which the traffic data were preserved",
        ContentItem.TrafficDataSought => "the communication whose providers and path are to be identified",
        ContentItem.Emergency => "the emergency: the risk to life or safety",
        ContentItem.DataSought => "the data that would avert the emergency",
        ContentItem.PersonSought => "who is to be located",
        ContentItem.Question => "the question",
        ContentItem.SubjectOfProceedings => "the subject and nature of the investigation, prosecution or proceedings",
        ContentItem.ConductingAuthority => "the name and functions of the authority conducting them",
        ContentItem.AssistanceSought => "a description of the assistance sought",
        ContentItem.ParticularProcedure => "any particular procedure to be followed",
        ContentItem.PersonsConcerned => "the identity, location and nationality of any person concerned",
        ContentItem.ItemsOrAccounts => "the location of items or accounts",
        ContentItem.Purpose => "the purpose for which the evidence, information or action is sought",
        ContentItem.DeadlineReasons => "why the assistance is needed by the deadline",
        ContentItem.StoredDataSought => "the stored data to be searched or accessed, seized or secured, and disclosed",
        ContentItem.DataToCollect => "the data to be collected",
        ContentItem.OwnerOrUser => "what identifies the owner or user, or the location of the system",
        ContentItem.Justification => "why the collection is needed",
        ContentItem.CollectionPeriod => "the period of collection and why that duration is needed",
        ContentItem.ContentNeed => "why content data, not traffic data alone, are needed",
        ContentItem.Information => "the information transmitted",
    };

    private static ParticipantCode? State(string? value, string field, string which, ArticleReference basis, List<RuleViolation> problems)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add(new(StateInvalid, $"Give the {which} State (ISO 3166-1 alpha-2 code).", basis) { Field = field, Rule = Rule });
            return null;
        }

        if (!ParticipantCode.TryCreate(value, out var code))
        {
            problems.Add(new(StateInvalid, $"'{value}' is not a State code (ISO 3166-1 alpha-2, e.g. FR).", basis) { Field = field, Rule = Rule });
            return null;
        }

        return code;
    }

    private static void CheckLegalBasis(LegalBasis? basis, RequestValidationContext context, List<RuleViolation> problems)
    {
        if (basis is null || !Enum.IsDefined(basis.Kind))
        {
            problems.Add(new(LegalBasisMissing, "Name the legal basis: the Convention, a bilateral treaty, the Budapest Convention, reciprocity or another instrument.", CooperationBasis) { Field = "legalBasis.kind", Rule = Rule });
            return;
        }

        if (basis.NeedsInstrumentName && string.IsNullOrWhiteSpace(basis.Instrument))
        {
            problems.Add(new(InstrumentMissing, "Name the treaty or instrument the request rests on.", CooperationBasis) { Field = "legalBasis.instrument", Rule = Rule });
        }

        if (basis.Kind == LegalBasisKind.Convention && context.ConventionInForce == false)
        {
            problems.Add(new(ConventionNotInForce, "The Convention is not in force between the two States on this date: name another legal basis (bilateral treaty, Budapest Convention, reciprocity).", InForceBasis) { Field = "legalBasis.kind", Rule = Rule });
        }
    }

    private static RequestText? CheckText(RequestText? text, string field, List<RuleViolation> problems)
    {
        var ok = true;
        string? language = null;
        if (text is null || string.IsNullOrWhiteSpace(text.Text))
        {
            problems.Add(new(TextMissing, field == "original" ? "Write the request." : "Give the translation's text.", LanguageBasis) { Field = field + ".text", Rule = Rule });

            ok = false;
        }

        if (ContactValidation.CheckLanguage(text?.Language) is { } reason)
        {
            problems.Add(new(LanguageInvalid, reason, LanguageBasis) { Field = field + ".language", Rule = Rule });
            ok = false;
        }
        else
        {
            language = ContactValidation.NormalizeLanguage(text!.Language!);
        }

        return ok ? new RequestText(language, text!.Text!.Trim()) : null;
    }

    /// <summary>An accepted tag covers itself and its more specific forms: <c>en</c> accepts <c>en-GB</c>.</summary>
    private static bool Accepts(IReadOnlyCollection<string> accepted, string language) =>
        accepted.Any(a => string.Equals(a, language, StringComparison.OrdinalIgnoreCase)
            || language.StartsWith(a + "-", StringComparison.OrdinalIgnoreCase));

    private static RequestContents Trim(RequestContents contents) =>
        ContentItems.All.Aggregate(contents, (c, item) => c.With(item, string.IsNullOrWhiteSpace(c[item]) ? null : c[item]!.Trim()));
}
