using System.Globalization;
using System.Text.Json;
using Comity.Domain.Cooperation;
using Comity.Domain.Legal;
using Comity.Protocol.V1;
using NodaTime;

namespace Comity.Node.Features.Requests;

/// <summary>Hand-written mapping between the API DTOs, the domain and the wire types of requests.</summary>
internal static class RequestWire
{
    public static RequestProblemDto Dto(this RequestProblem problem) =>
        new(problem.Field, problem.Code, problem.Rule, problem.Message, problem.Basis.ToString());

    public static RequestProblemDto Problem(string field, string code, string message, ArticleReference basis, string rule = "RequestInput", int? limit = null) =>
        new(field, code, rule, message, basis.ToString(), limit);

    /// <summary>A text longer than its field allows; <see cref="RequestProblemDto.Limit"/> carries the bound.</summary>
    public static RequestProblemDto TooLong(string field, int max) =>
        Problem(field, RequestCodes.TextTooLong, $"At most {max} characters.", Convention.Art(41), limit: max);

    public static Instant ToInstant(DateTimeOffset at) => Instant.FromDateTimeOffset(at);

    public static DateTimeOffset ToDateTimeOffset(Instant at) => at.ToDateTimeOffset();

    public static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    // Contents ----------------------------------------------------------------------------------

    public static RequestContents ToDomain(RequestContentsDto? dto) => dto is null ? RequestContents.Empty : new RequestContents
    {
        RequestingAuthority = dto.RequestingAuthority,
        Offence = dto.Offence,
        SummaryOfFacts = dto.SummaryOfFacts,
        DataToPreserve = dto.DataToPreserve,
        LinkToOffence = dto.LinkToOffence,
        CustodianOrLocation = dto.CustodianOrLocation,
        PreservationNecessity = dto.PreservationNecessity,
        IntendedFollowUp = dto.IntendedFollowUp,
        PreservationReference = dto.PreservationReference,
        TrafficDataSought = dto.TrafficDataSought,
        Emergency = dto.Emergency,
        DataSought = dto.DataSought,
        PersonSought = dto.PersonSought,
        Question = dto.Question,
    };

    public static RequestContentsDto ToDto(RequestContents contents) => new()
    {
        RequestingAuthority = contents.RequestingAuthority,
        Offence = contents.Offence,
        SummaryOfFacts = contents.SummaryOfFacts,
        DataToPreserve = contents.DataToPreserve,
        LinkToOffence = contents.LinkToOffence,
        CustodianOrLocation = contents.CustodianOrLocation,
        PreservationNecessity = contents.PreservationNecessity,
        IntendedFollowUp = contents.IntendedFollowUp,
        PreservationReference = contents.PreservationReference,
        TrafficDataSought = contents.TrafficDataSought,
        Emergency = contents.Emergency,
        DataSought = contents.DataSought,
        PersonSought = contents.PersonSought,
        Question = contents.Question,
    };

    public static JsonElement ContentsToWire(RequestContents contents) => RequestJson.ToBody(ToDto(contents));

    public static RequestContentsDto ContentsFromJson(string json) =>
        JsonSerializer.Deserialize<RequestContentsDto>(json, FederationJson.Options) ?? new RequestContentsDto();

    // Conditions --------------------------------------------------------------------------------

    /// <summary>Parses the API's conditions; an unknown value is a problem under <paramref name="prefix"/> (Art. 36).</summary>
    public static HandlingConditions? ParseConditions(HandlingConditionsDto? dto, string prefix, List<RequestProblemDto> problems)
    {
        if (dto is null)
        {
            return HandlingConditions.None;
        }

        var ok = true;
        var confidentiality = Confidentiality.None;
        var use = UseLimitation.None;
        var onward = OnwardTransfer.WithPriorAuthorization;
        if (dto.Confidentiality is not null && !ConditionNames.TryParse(dto.Confidentiality, out confidentiality))
        {
            problems.Add(Problem(prefix + ".confidentiality", RequestDraftValidator.ConditionInvalid, $"Unknown confidentiality '{dto.Confidentiality}': none, confidential or doNotNotifyHolder.", Convention.Art(36)));
            ok = false;
        }

        if (dto.UseLimitation is not null && !ConditionNames.TryParse(dto.UseLimitation, out use))
        {
            problems.Add(Problem(prefix + ".useLimitation", RequestDraftValidator.ConditionInvalid, $"Unknown use limitation '{dto.UseLimitation}': none, statedPurposeOnly or intelligenceOnly.", Convention.Art(36)));
            ok = false;
        }

        if (dto.OnwardTransfer is not null && !ConditionNames.TryParse(dto.OnwardTransfer, out onward))
        {
            problems.Add(Problem(prefix + ".onwardTransfer", RequestDraftValidator.ConditionInvalid, $"Unknown onward-transfer condition '{dto.OnwardTransfer}': withPriorAuthorization, withWrittenAuthorization or prohibited.", Convention.Art(36, 3)));
            ok = false;
        }

        return ok ? new HandlingConditions
        {
            Confidentiality = confidentiality,
            UseLimitation = use,
            OnwardTransfer = onward,
            RetentionDays = dto.RetentionDays,
            DataProtection = dto.DataProtection ?? [],
        } : null;
    }

    public static HandlingConditionsDto ToDto(HandlingConditions c) =>
        new(c.Confidentiality.Wire(), c.UseLimitation.Wire(), c.OnwardTransfer.Wire(), c.RetentionDays, c.DataProtection);

    public static HandlingConditionsV1 ToWire(HandlingConditions c) =>
        new(c.Confidentiality.Wire(), c.UseLimitation.Wire(), c.OnwardTransfer.Wire(), c.RetentionDays, c.DataProtection);

    public static HandlingConditions? FromWire(HandlingConditionsV1? c)
    {
        if (c is null
            || !ConditionNames.TryParse(c.Confidentiality, out Confidentiality confidentiality)
            || !ConditionNames.TryParse(c.UseLimitation, out UseLimitation use)
            || !ConditionNames.TryParse(c.OnwardTransfer, out OnwardTransfer onward))
        {
            return null;
        }

        return new HandlingConditions
        {
            Confidentiality = confidentiality,
            UseLimitation = use,
            OnwardTransfer = onward,
            RetentionDays = c.RetentionDays,
            DataProtection = c.DataProtection ?? [],
        };
    }

    public static string ConditionsJson(HandlingConditions c) => JsonSerializer.Serialize(ToWire(c), FederationJson.Options);

    public static HandlingConditions ConditionsFromJson(string json) =>
        FromWire(JsonSerializer.Deserialize<HandlingConditionsV1>(json, FederationJson.Options)) ?? HandlingConditions.None;

    // Events ------------------------------------------------------------------------------------

    /// <summary>The wire fields of a domain event plus the node-only texts (<c>note</c>, <c>text</c>) that ride along.</summary>
    public static JsonElement Fields(RequestEvent e, string? note = null, string? text = null)
    {
        var fields = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        switch (e)
        {
            case RequestSubmitted s:
                fields["conditions"] = ToWire(s.Conditions);
                break;
            case RequestAcknowledged a:
                fields["officer"] = a.Officer;
                break;
            case InformationRequested q:
                fields["question"] = q.Question;
                break;
            case InformationProvided p:
                fields["answer"] = p.Answer;
                break;
            case DataPreserved p:
                fields["until"] = Iso(p.Until.ToDateTimeOffset());
                break;
            case ExtensionRequested x:
                fields["reason"] = x.Reason;
                break;
            case PreservationExtended x:
                fields["until"] = Iso(x.Until.ToDateTimeOffset());
                break;
            case FollowUpLinked f:
                fields["reference"] = f.MutualLegalAssistanceReference;
                break;
            case DataDisclosed d:
                fields["conditions"] = ToWire(d.Conditions);
                break;
            case RequestAnswered a:
                fields["conditions"] = ToWire(a.Conditions);
                break;
            case RequestRefused r:
                fields["ground"] = r.Ground.Wire();
                fields["reasons"] = r.Reasons;
                break;
            case RequestWithdrawn w:
                fields["reason"] = w.Reason;
                break;
            case RequestClosed c:
                fields["reason"] = c.Reason;
                break;
        }

        if (note is not null)
        {
            fields["note"] = note;
        }

        if (text is not null)
        {
            fields["text"] = text;
        }

        return JsonSerializer.SerializeToElement(fields, FederationJson.Options);
    }

    public static RequestEventV1 ToWire(RequestEvent e, string? actor, JsonElement fields) =>
        new(e.Type.Wire(), e.By.Wire(), e.At.ToDateTimeOffset(), actor, fields);

    /// <summary>The domain event of a wire event; null with the reason when a field is missing or malformed.</summary>
    public static RequestEvent? ToDomain(string? type, string? by, DateTimeOffset at, JsonElement fields, out string problem)
    {
        problem = "";
        if (!RequestEventTypes.TryParse(type, out var eventType))
        {
            problem = $"Unknown event type '{type}'.";
            return null;
        }

        if (!Sides.TryParse(by, out var side))
        {
            problem = $"Unknown side '{by}': requesting or requested.";
            return null;
        }

        if (fields.ValueKind != JsonValueKind.Object)
        {
            problem = "fields must be a JSON object.";
            return null;
        }

        var instant = Instant.FromDateTimeOffset(at);
        string? Text(string name) => fields.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        Instant? When(string name) =>
            Text(name) is { } s && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var d)
                ? Instant.FromDateTimeOffset(d) : null;
        HandlingConditions? Conditions()
        {
            if (!fields.TryGetProperty("conditions", out var v) || v.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            return FromWire(RequestJson.Read<HandlingConditionsV1>(v, out _));
        }

        RequestEvent? result = eventType switch
        {
            RequestEventType.Submitted => Conditions() is { } c ? new RequestSubmitted(side, instant, c) : null,
            RequestEventType.Received => new RequestReceived(side, instant),
            RequestEventType.Acknowledged => new RequestAcknowledged(side, instant, Text("officer")),
            RequestEventType.InformationRequested => new InformationRequested(side, instant, Text("question") ?? ""),
            RequestEventType.InformationProvided => new InformationProvided(side, instant, Text("answer") ?? ""),
            RequestEventType.Preserved => When("until") is { } u ? new DataPreserved(side, instant, u) : null,
            RequestEventType.ExtensionRequested => new ExtensionRequested(side, instant, Text("reason")),
            RequestEventType.PreservationExtended => When("until") is { } u ? new PreservationExtended(side, instant, u) : null,
            RequestEventType.FollowUpLinked => new FollowUpLinked(side, instant, Text("reference") ?? ""),
            RequestEventType.Disclosed => Conditions() is { } c ? new DataDisclosed(side, instant, c) : null,
            RequestEventType.Answered => Conditions() is { } c ? new RequestAnswered(side, instant, c) : null,
            RequestEventType.Refused => RefusalGrounds.TryParse(Text("ground"), out var g)
                ? new RequestRefused(side, instant, g, Text("reasons") ?? "")
                : new RequestRefused(side, instant, (RefusalGround)(-1), Text("reasons") ?? ""),
            RequestEventType.Withdrawn => new RequestWithdrawn(side, instant, Text("reason")),
            RequestEventType.Closed => new RequestClosed(side, instant, Text("reason")),
        };
        if (result is null)
        {
            problem = $"The '{eventType.Wire()}' event lacks a field it needs or has one that is malformed (until: an instant; conditions: an object of known values).";
        }

        return result;
    }

    public static RequestEvent? ToDomain(RequestEventRecord row, out string problem)
    {
        using var fields = JsonDocument.Parse(row.FieldsJson);
        return ToDomain(row.Type, row.By, row.At, fields.RootElement.Clone(), out problem);
    }

    /// <summary>The route that records an event type, or null for the events nodes record themselves.</summary>
    public static string? Route(RequestEventType type) => type switch
    {
        RequestEventType.Acknowledged => RequestTransitions.Acknowledge,
        RequestEventType.Preserved => RequestTransitions.Preserve,
        RequestEventType.Disclosed => RequestTransitions.Disclose,
        RequestEventType.Answered => RequestTransitions.Answer,
        RequestEventType.Refused => RequestTransitions.Refuse,
        RequestEventType.InformationRequested => RequestTransitions.RequestInformation,
        RequestEventType.InformationProvided => RequestTransitions.ProvideInformation,
        RequestEventType.ExtensionRequested => RequestTransitions.RequestExtension,
        RequestEventType.PreservationExtended => RequestTransitions.Extend,
        RequestEventType.FollowUpLinked => RequestTransitions.LinkFollowUp,
        RequestEventType.Withdrawn => RequestTransitions.Withdraw,
        RequestEventType.Closed => RequestTransitions.Close,
        RequestEventType.Submitted or RequestEventType.Received => null,
    };

    public static string DeadlineWire(DeadlineKind kind) => kind switch
    {
        DeadlineKind.Acknowledgement => "acknowledgement",
        DeadlineKind.PreservationReminder => "preservationReminder",
        DeadlineKind.PreservationExpiry => "preservationExpiry",
        DeadlineKind.Stale => "stale",
    };

    public static string Title(RequestKind kind) => kind switch
    {
        RequestKind.ExpeditedPreservation => "Expedited preservation of stored data",
        RequestKind.ExpeditedDisclosureOfTrafficData => "Expedited disclosure of preserved traffic data",
        RequestKind.EmergencyDisclosure => "Emergency disclosure",
        RequestKind.LocateSuspect => "Locate a suspect",
        RequestKind.TechnicalAdvice => "Technical advice",
        RequestKind.LegalInformation => "Legal information",
    };
}
