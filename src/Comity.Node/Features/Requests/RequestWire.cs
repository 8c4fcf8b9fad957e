using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Comity.Domain.Cooperation;
using Comity.Domain.Legal;
using Comity.Node.Kernel;
using Comity.Protocol.V1;
using NodaTime;

namespace Comity.Node.Features.Requests;

/// <summary>Hand-written mapping between the API DTOs, the domain and the wire types of requests (and their stored forms).</summary>
internal static class RequestWire
{
    /// <summary>A malformed or refused input field, with its code, message and article.</summary>
    public static ProblemError Problem(string field, string code, string message, ArticleReference basis, int? limit = null) =>
        new(field, code, message, basis.ToString(), limit);

    /// <summary>A text longer than its field allows; <see cref="ProblemError.Limit"/> carries the bound.</summary>
    public static ProblemError TooLong(string field, int max) =>
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
        SubjectOfProceedings = dto.SubjectOfProceedings,
        ConductingAuthority = dto.ConductingAuthority,
        AssistanceSought = dto.AssistanceSought,
        ParticularProcedure = dto.ParticularProcedure,
        PersonsConcerned = dto.PersonsConcerned,
        ItemsOrAccounts = dto.ItemsOrAccounts,
        Purpose = dto.Purpose,
        DeadlineReasons = dto.DeadlineReasons,
        StoredDataSought = dto.StoredDataSought,
        DataToCollect = dto.DataToCollect,
        OwnerOrUser = dto.OwnerOrUser,
        Justification = dto.Justification,
        CollectionPeriod = dto.CollectionPeriod,
        ContentNeed = dto.ContentNeed,
        Information = dto.Information,
    };

    /// <summary>The wire contents; <paramref name="purposes"/> (mutual legal assistance only) travel with them, written only when there are some.</summary>
    public static RequestContentsV1 ToWire(RequestContents contents, IReadOnlyList<AssistancePurpose>? purposes = null) => new()
    {
        Purposes = purposes is { Count: > 0 } ? [.. purposes.Select(p => p.Code)] : null,
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
        SubjectOfProceedings = contents.SubjectOfProceedings,
        ConductingAuthority = contents.ConductingAuthority,
        AssistanceSought = contents.AssistanceSought,
        ParticularProcedure = contents.ParticularProcedure,
        PersonsConcerned = contents.PersonsConcerned,
        ItemsOrAccounts = contents.ItemsOrAccounts,
        Purpose = contents.Purpose,
        DeadlineReasons = contents.DeadlineReasons,
        StoredDataSought = contents.StoredDataSought,
        DataToCollect = contents.DataToCollect,
        OwnerOrUser = contents.OwnerOrUser,
        Justification = contents.Justification,
        CollectionPeriod = contents.CollectionPeriod,
        ContentNeed = contents.ContentNeed,
        Information = contents.Information,
    };

    /// <summary>The stored form of a request's contents (<c>RequestRecord.ContentsJson</c>): the wire form, every item present.</summary>
    public static string ContentsJson(RequestContentsV1 contents) => JsonSerializer.Serialize(contents, FederationJson.Options);

    public static RequestContentsDto ContentsFromJson(string json) =>
        JsonSerializer.Deserialize<RequestContentsDto>(json, FederationJson.Options) ?? new RequestContentsDto();

    // Conditions --------------------------------------------------------------------------------

    /// <summary>Parses the API's conditions; an unknown value is a problem under <paramref name="prefix"/> (Art. 36).</summary>
    public static HandlingConditions? ParseConditions(HandlingConditionsDto? dto, string prefix, List<ProblemError> problems)
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
    public static RequestEventFieldsV1 Fields(RequestEvent e, string? note = null, string? text = null)
    {
        RequestEventFieldsV1 fields = e switch
        {
            // The request carries its conditions; the submitted event does not repeat them.
            RequestSubmitted or RequestReceived => new(),
            RequestAcknowledged a => new() { Officer = a.Officer },
            InformationRequested q => new() { Question = q.Question },
            InformationProvided p => new() { Answer = p.Answer },
            DataPreserved p => new() { Until = p.Until.ToDateTimeOffset() },
            ExtensionRequested x => new() { Reason = x.Reason },
            PreservationExtended x => new() { Until = x.Until.ToDateTimeOffset() },
            FollowUpLinked f => new() { Reference = f.MutualLegalAssistanceReference },
            DataDisclosed d => new() { Conditions = ToWire(d.Conditions) },
            RequestAnswered a => new() { Conditions = ToWire(a.Conditions) },
            RequestRefused r => new() { Ground = r.Ground.Wire(), Reasons = r.Reasons },
            RequestWithdrawn w => new() { Reason = w.Reason },
            RequestClosed c => new() { Reason = c.Reason },
            StatusInquired q => new() { Question = q.Question },
            StatusAnswered a => new() { Answer = a.Answer },
            ConditionsProposed p => new() { Conditions = ToWire(p.Conditions), Text = p.Terms },
            ConditionsAccepted => new(),
            ConditionsDeclined d => new() { Reason = d.Reason },
            ExecutionPostponed p => new() { Until = p.Until.ToDateTimeOffset(), Reasons = p.Reasons },
            PartiallyExecuted p => new() { Conditions = ToWire(p.Conditions) },
            RequestExecuted x => new() { Conditions = ToWire(x.Conditions) },
            CostsRaised c => new() { Text = c.Estimate },
            CostsAgreed c => new() { Text = c.Terms },
            _ => throw new UnreachableException($"No wire fields for {e.GetType().Name}."),
        };
        // The terms of a proposal and the costs travel in text: the officer's text is the same text.
        return fields with { Note = note, Text = fields.Text ?? text };
    }

    public static RequestEventV1 ToWire(RequestEvent e, string? actor, RequestEventFieldsV1 fields) =>
        new(e.Type.Wire(), e.By.Wire(), e.At.ToDateTimeOffset(), actor, fields);

    /// <summary>The stored form of an event's fields (<c>RequestEventRecord.FieldsJson</c>): the wire form.</summary>
    public static string FieldsJson(RequestEventFieldsV1 fields) => JsonSerializer.Serialize(fields, FederationJson.Options);

    /// <summary>
    /// The domain event of a wire event; null with the reason when its type, side or refusal ground is
    /// unknown or a field it needs is missing or malformed. A <c>submitted</c> event takes the request's
    /// conditions (<paramref name="requestConditions"/>), which it may repeat only unchanged.
    /// </summary>
    public static RequestEvent? ToDomain(RequestEventV1 wire, HandlingConditions requestConditions, out string problem, Instant? requestDeadline = null)
    {
        problem = "";
        if (!RequestEventTypes.TryParse(wire.Type, out var eventType))
        {
            problem = $"Unknown event type '{wire.Type}'.";
            return null;
        }

        if (!Sides.TryParse(wire.By, out var side))
        {
            problem = $"Unknown side '{wire.By}': requesting or requested.";
            return null;
        }

        var f = wire.Fields;
        var at = Instant.FromDateTimeOffset(wire.At);
        Instant? until = f.Until is { } u ? Instant.FromDateTimeOffset(u) : null;
        RequestEvent? result = eventType switch
        {
            RequestEventType.Submitted => f.Conditions is null || requestConditions.Equals(FromWire(f.Conditions)) ? new RequestSubmitted(side, at, requestConditions, requestDeadline) : null,
            RequestEventType.Received => new RequestReceived(side, at),
            RequestEventType.Acknowledged => new RequestAcknowledged(side, at, f.Officer),
            RequestEventType.InformationRequested => new InformationRequested(side, at, f.Question ?? ""),
            RequestEventType.InformationProvided => new InformationProvided(side, at, f.Answer ?? ""),
            RequestEventType.Preserved => until is { } preserved ? new DataPreserved(side, at, preserved) : null,
            RequestEventType.ExtensionRequested => new ExtensionRequested(side, at, f.Reason),
            RequestEventType.PreservationExtended => until is { } extended ? new PreservationExtended(side, at, extended) : null,
            RequestEventType.FollowUpLinked => new FollowUpLinked(side, at, f.Reference ?? ""),
            RequestEventType.Disclosed => FromWire(f.Conditions) is { } c ? new DataDisclosed(side, at, c) : null,
            RequestEventType.Answered => FromWire(f.Conditions) is { } c ? new RequestAnswered(side, at, c) : null,
            RequestEventType.Refused => RefusalGrounds.TryParse(f.Ground, out var ground) ? new RequestRefused(side, at, ground, f.Reasons ?? "") : null,
            RequestEventType.Withdrawn => new RequestWithdrawn(side, at, f.Reason),
            RequestEventType.Closed => new RequestClosed(side, at, f.Reason),
            RequestEventType.StatusInquired => new StatusInquired(side, at, f.Question),
            RequestEventType.StatusAnswered => new StatusAnswered(side, at, f.Answer ?? ""),
            RequestEventType.ConditionsProposed => FromWire(f.Conditions) is { } c ? new ConditionsProposed(side, at, c, f.Text ?? "") : null,
            RequestEventType.ConditionsAccepted => new ConditionsAccepted(side, at),
            RequestEventType.ConditionsDeclined => new ConditionsDeclined(side, at, f.Reason),
            RequestEventType.Postponed => until is { } postponed ? new ExecutionPostponed(side, at, postponed, f.Reasons ?? "") : null,
            RequestEventType.PartiallyExecuted => FromWire(f.Conditions) is { } c ? new PartiallyExecuted(side, at, c) : null,
            RequestEventType.Executed => FromWire(f.Conditions) is { } c ? new RequestExecuted(side, at, c) : null,
            RequestEventType.CostsRaised => new CostsRaised(side, at, f.Text ?? ""),
            RequestEventType.CostsAgreed => new CostsAgreed(side, at, f.Text),
        };
        if (result is null)
        {
            problem = eventType switch
            {
                RequestEventType.Submitted => "The submitted event's conditions differ from the request's: they travel once, in the request.",
                RequestEventType.Refused => $"The refused event's ground {(f.Ground is null ? "is missing" : $"'{f.Ground}' is unknown")}: it is one of {string.Join(", ", RefusalGrounds.All.Select(g => g.Wire()))}.",
                _ => $"The '{eventType.Wire()}' event lacks a field it needs or has one that is malformed (until: an instant; conditions: an object of known values).",
            };
        }

        return result;
    }

    /// <summary>A stored event, whichever version of this node wrote its fields (those before the typed contracts wrote the submitted event's conditions and explicit nulls).</summary>
    public static RequestEvent? ToDomain(RequestEventRecord row, HandlingConditions requestConditions, out string problem, Instant? requestDeadline = null)
    {
        RequestEventFieldsV1? fields;
        try
        {
            fields = JsonSerializer.Deserialize<RequestEventFieldsV1>(row.FieldsJson, FederationJson.Options);
        }
        catch (JsonException e)
        {
            problem = "The stored fields do not read: " + e.Message;
            return null;
        }

        if (fields is null)
        {
            problem = "The stored fields are null.";
            return null;
        }

        return ToDomain(new RequestEventV1(row.Type, row.By, row.At, row.Actor, fields), requestConditions, out problem, requestDeadline);
    }

    public static string DeadlineWire(DeadlineKind kind) => kind switch
    {
        DeadlineKind.Acknowledgement => "acknowledgement",
        DeadlineKind.PreservationReminder => "preservationReminder",
        DeadlineKind.PreservationExpiry => "preservationExpiry",
        DeadlineKind.Stale => "stale",
        DeadlineKind.RequesterDeadline => "requesterDeadline",
        DeadlineKind.StatusAnswer => "statusAnswer",
        DeadlineKind.PostponementEnd => "postponementEnd",
    };
}
