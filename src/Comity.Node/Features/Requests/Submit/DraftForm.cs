using Comity.Node.Features.Requests.Validate;

namespace Comity.Node.Features.Requests.Submit;

/// <summary>
/// The guided form's fields, carried from step to step in the form itself (hidden inputs) and kept on the node as the
/// officer's draft (<see cref="ToFields"/>, <see cref="FromFields"/>): saved at every step and, with the page's script,
/// as the officer types, so that a closed tab, Back or a sign-out loses nothing.
/// </summary>
internal sealed class DraftForm
{
    public const int KindStep = 1;
    public const int PartiesStep = 2;
    public const int FactsStep = 3;
    public const int AskedStep = 4;
    public const int ConditionsStep = 5;
    public const int ReviewStep = 6;

    /// <summary>The content items written with the facts; every other item of the kind is "what is asked".</summary>
    public static readonly IReadOnlySet<string> FactItems = new HashSet<string>(StringComparer.Ordinal) { "requestingAuthority", "offence", "summaryOfFacts" };

    public int Step { get; set; } = KindStep;

    /// <summary>The furthest step reached before this post: a step's field errors show once it has been left.</summary>
    public int Seen { get; set; } = KindStep;

    /// <summary>The button pressed: a step number or <c>send</c>.</summary>
    public string? Go { get; set; }

    public string? Kind { get; set; }
    public string? RequestedState { get; set; }
    public string? RequestingOffice { get; set; }
    public string? LegalBasis { get; set; }
    public string? LegalBasisReference { get; set; }
    public string? Reference { get; set; }
    public string? OriginalLanguage { get; set; }
    public string? OriginalText { get; set; }
    public string? TranslationLanguage { get; set; }
    public string? TranslationText { get; set; }
    public string? RequestingAuthority { get; set; }
    public string? Offence { get; set; }
    public string? SummaryOfFacts { get; set; }
    public string? DataToPreserve { get; set; }
    public string? LinkToOffence { get; set; }
    public string? CustodianOrLocation { get; set; }
    public string? PreservationNecessity { get; set; }
    public string? IntendedFollowUp { get; set; }
    public string? PreservationReference { get; set; }
    public string? TrafficDataSought { get; set; }
    public string? Emergency { get; set; }
    public string? DataSought { get; set; }
    public string? PersonSought { get; set; }
    public string? Question { get; set; }
    public string? Confidentiality { get; set; }
    public string? UseLimitation { get; set; }
    public string? OnwardTransfer { get; set; }
    public string? RetentionDays { get; set; }

    /// <summary>Further data-protection conditions, one a line (Art. 36(1)).</summary>
    public string? DataProtection { get; set; }

    /// <summary>The content item's value by its wire name.</summary>
    public string? Content(string item) => item switch
    {
        "requestingAuthority" => RequestingAuthority,
        "offence" => Offence,
        "summaryOfFacts" => SummaryOfFacts,
        "dataToPreserve" => DataToPreserve,
        "linkToOffence" => LinkToOffence,
        "custodianOrLocation" => CustodianOrLocation,
        "preservationNecessity" => PreservationNecessity,
        "intendedFollowUp" => IntendedFollowUp,
        "preservationReference" => PreservationReference,
        "trafficDataSought" => TrafficDataSought,
        "emergency" => Emergency,
        "dataSought" => DataSought,
        "personSought" => PersonSought,
        "question" => Question,
        _ => null,
    };

    /// <summary>Every field as (form name, value, step), for the hidden inputs of the steps not shown.</summary>
    public IEnumerable<(string Name, string? Value, int Step)> Fields()
    {
        yield return (nameof(Kind), Kind, KindStep);
        yield return (nameof(RequestedState), RequestedState, PartiesStep);
        yield return (nameof(RequestingOffice), RequestingOffice, PartiesStep);
        yield return (nameof(LegalBasis), LegalBasis, PartiesStep);
        yield return (nameof(LegalBasisReference), LegalBasisReference, PartiesStep);
        yield return (nameof(Reference), Reference, PartiesStep);
        yield return (nameof(OriginalLanguage), OriginalLanguage, FactsStep);
        yield return (nameof(OriginalText), OriginalText, FactsStep);
        yield return (nameof(TranslationLanguage), TranslationLanguage, FactsStep);
        yield return (nameof(TranslationText), TranslationText, FactsStep);
        foreach (var item in Items)
        {
            yield return (Property(item), Content(item), FactItems.Contains(item) ? FactsStep : AskedStep);
        }

        yield return (nameof(Confidentiality), Confidentiality, ConditionsStep);
        yield return (nameof(UseLimitation), UseLimitation, ConditionsStep);
        yield return (nameof(OnwardTransfer), OnwardTransfer, ConditionsStep);
        yield return (nameof(RetentionDays), RetentionDays, ConditionsStep);
        yield return (nameof(DataProtection), DataProtection, ConditionsStep);
    }

    public static readonly IReadOnlyList<string> Items =
    [
        "requestingAuthority", "offence", "summaryOfFacts", "dataToPreserve", "linkToOffence", "custodianOrLocation", "preservationNecessity",
        "intendedFollowUp", "preservationReference", "trafficDataSought", "emergency", "dataSought", "personSought", "question",
    ];

    /// <summary>The form property of a content item: <c>dataToPreserve</c> → <c>DataToPreserve</c>.</summary>
    public static string Property(string item) => string.Concat(item[..1].ToUpperInvariant(), item.AsSpan(1));

    /// <summary>The step where a problem's field is entered.</summary>
    public static int StepOf(string field) => field switch
    {
        "kind" => KindStep,
        _ when field.StartsWith("contents.", StringComparison.Ordinal) => FactItems.Contains(field["contents.".Length..]) ? FactsStep : AskedStep,
        _ when field.StartsWith("original", StringComparison.Ordinal) || field.StartsWith("translation", StringComparison.Ordinal) => FactsStep,
        _ when field.StartsWith("conditions", StringComparison.Ordinal) => ConditionsStep,
        _ => PartiesStep,
    };

    /// <summary>The HTML id of the input for a problem's field, for the links of the problem list.</summary>
    public static string InputId(string field) => "draft-" + field.Replace('.', '-');

    /// <summary>The draft's key on the node: one guided form per officer.</summary>
    public const string DraftKey = "request-new";

    /// <summary>The prefix of the form's field names (<c>Draft.Kind</c>), as the page posts them and the script saves them.</summary>
    public const string Prefix = "Draft.";

    /// <summary>The form as the stored draft holds it: the page's own field names, as the script saves them too.</summary>
    public Dictionary<string, string?> ToFields()
    {
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [Prefix + nameof(Step)] = Step.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [Prefix + nameof(Seen)] = Math.Max(Seen, Step).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (name, value, _) in Fields())
        {
            if (value is not null)
            {
                fields[Prefix + name] = value;
            }
        }

        return fields;
    }

    /// <summary>A form from a stored draft; names it does not know are ignored.</summary>
    public static DraftForm FromFields(IReadOnlyDictionary<string, string?> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var form = new DraftForm();
        foreach (var (name, value) in fields)
        {
            if (!name.StartsWith(Prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var property = name[Prefix.Length..];
            if (property is nameof(Step) or nameof(Seen))
            {
                if (!int.TryParse(value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var step) || step is < KindStep or > ReviewStep)
                {
                    continue;
                }

                if (property == nameof(Step))
                {
                    form.Step = step;
                }
                else
                {
                    form.Seen = step;
                }
            }
            else if (property != nameof(Go) && Settable.TryGetValue(property, out var setter))
            {
                setter.SetValue(form, string.IsNullOrEmpty(value) ? null : value);
            }
        }

        return form;
    }

    private static readonly Dictionary<string, System.Reflection.PropertyInfo> Settable = typeof(DraftForm).GetProperties()
        .Where(p => p.PropertyType == typeof(string) && p.CanWrite)
        .ToDictionary(p => p.Name, StringComparer.Ordinal);

    public RequestDraftInput ToInput()
    {
        int? retention = int.TryParse(RetentionDays, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var days) ? days : null;
        return new RequestDraftInput(
            Blank(Kind),
            Blank(RequestedState)?.ToUpperInvariant(),
            Blank(RequestingOffice),
            Blank(LegalBasis) is null && Blank(LegalBasisReference) is null ? null : new LegalBasisInput(Blank(LegalBasis), Blank(LegalBasisReference)),
            new RequestTextInput(Blank(OriginalLanguage), Blank(OriginalText)),
            Blank(TranslationText) is null && Blank(TranslationLanguage) is null ? null : new RequestTextInput(Blank(TranslationLanguage), Blank(TranslationText)),
            new RequestContentsDto
            {
                RequestingAuthority = Blank(RequestingAuthority),
                Offence = Blank(Offence),
                SummaryOfFacts = Blank(SummaryOfFacts),
                DataToPreserve = Blank(DataToPreserve),
                LinkToOffence = Blank(LinkToOffence),
                CustodianOrLocation = Blank(CustodianOrLocation),
                PreservationNecessity = Blank(PreservationNecessity),
                IntendedFollowUp = Blank(IntendedFollowUp),
                PreservationReference = Blank(PreservationReference),
                TrafficDataSought = Blank(TrafficDataSought),
                Emergency = Blank(Emergency),
                DataSought = Blank(DataSought),
                PersonSought = Blank(PersonSought),
                Question = Blank(Question),
            },
            ConditionFields.ToDto(Confidentiality, UseLimitation, OnwardTransfer, retention, DataProtection),
            Blank(Reference));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
