using System.Globalization;
using System.Resources;
using System.Security.Claims;
using System.Text.Json;
using Comity.Domain.Cooperation;
using Comity.Domain.Directory;
using Comity.Domain.Legal;
using Comity.Node.Features.Requests.Show;
using Comity.Node.Kernel;
using Comity.Node.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Comity.Node.Features.Requests.Document;

/// <summary>A formal document: the PDF's bytes, its file name and the mark it carries.</summary>
internal sealed record FormalDocumentFile(byte[] Pdf, string FileName, FormalDocumentMark Mark);

/// <summary>
/// The formal document of a request between central authorities (Arts. 40, 44–46), or of one of its answers
/// (<c>partiallyExecuted</c>, <c>executed</c>): in the request's language, with its contents and their articles, the
/// sending node and officer, the SHA-256 of the signed submission (and of the answer) and their QR code. Who may read
/// it is who may read the request (<see cref="GetRequestHandler"/>): anybody else gets "not found".
/// </summary>
internal sealed class GetFormalDocumentHandler(GetRequestHandler requests, ComityDbContext db, TimeProvider time, IOptions<NodeOptions> node)
{
    public const string NoDocumentForKind = "document.not-central-authority";
    public const string NotAnAnswer = "document.not-an-answer";

    private static readonly ResourceManager Labels = new(typeof(DocumentText).FullName!, typeof(DocumentText).Assembly);
    private static readonly ResourceManager RequestLabels = new(typeof(RequestsText).FullName!, typeof(RequestsText).Assembly);

    /// <param name="answerIndex">The answer's event index; null for the request's own document.</param>
    public async Task<Result<FormalDocumentFile>> HandleAsync(Guid id, int? answerIndex, ClaimsPrincipal viewer, CancellationToken cancellationToken)
    {
        var shown = await requests.HandleAsync(id, cancellationToken, viewer);
        if (shown.Error is { } error)
        {
            return error;
        }

        var detail = shown.Value;
        if (!RequestKinds.TryParse(detail.Header.Kind, out var kind) || kind.Profile().Channel != DesignationRole.CentralAuthority)
        {
            return RequestErrors.Refused(ErrorKind.NotFound, StatusCodes.Status404NotFound, "No formal document.",
                [RequestWire.Problem("id", NoDocumentForKind, $"A formal document is made for the requests between central authorities; request {id} is a {detail.Header.Kind} request of the 24/7 network.", DesignationRole.CentralAuthority.Basis())]);
        }

        var answer = answerIndex is { } index ? detail.Events.FirstOrDefault(e => e.Index == index) : null;
        if (answerIndex is not null && (answer is null || !FormalDocumentAnswers.IsAnswer(answer.Type)))
        {
            return RequestErrors.Refused(ErrorKind.NotFound, StatusCodes.Status404NotFound, "No formal document.",
                [RequestWire.Problem("eventIndex", NotAnAnswer, $"Event {answerIndex} of request {id} is not an answer (partiallyExecuted or executed).", kind.Basis())]);
        }

        var record = await db.Requests().AsNoTracking().Where(r => r.Id == id).Select(r => new { r.Deadline, r.ContentsJson }).FirstAsync(cancellationToken);
        var submission = detail.Events.First(e => e.Index == 0);
        var mark = new FormalDocumentMark(id, FormalDocumentMark.Sha256(submission.Signature.Jws), answer?.Index, answer is null ? null : FormalDocumentMark.Sha256(answer.Signature.Jws));
        var words = new Words(CultureOf(detail.Original.Language));
        var content = answer is null
            ? Request(detail, kind, record.Deadline, Purposes(record.ContentsJson), submission, mark, words)
            : Answer(detail, kind, submission, answer, mark, words);
        var printedAt = time.GetUtcNow();
        content = content with { Footer = words.Doc("Footer", id.ToString("D"), node.Value.StateCode ?? "", printedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)) };
        var name = answer is null ? $"request-{id:D}.pdf" : $"request-{id:D}-answer-{answer.Index.ToString(CultureInfo.InvariantCulture)}.pdf";
        return new FormalDocumentFile(FormalDocumentRenderer.Render(content, printedAt), name, mark);
    }

    /// <summary>The culture of the labels: the request's language when Comity speaks it (the six UN languages), else English.</summary>
    public static CultureInfo CultureOf(string language)
    {
        var primary = language.Split('-')[0].ToLowerInvariant();
        return CultureInfo.GetCultureInfo(primary switch
        {
            "fr" or "es" or "ru" or "ar" => primary,
            "zh" => "zh-Hans",
            _ => "en",
        });
    }

    private static FormalDocumentContent Request(RequestDetail detail, RequestKind kind, DateTimeOffset? deadline, List<AssistancePurpose> purposes, RequestEventDto submission, FormalDocumentMark mark, Words words)
    {
        var h = detail.Header;
        var profile = kind.Profile();
        var parties = new DocumentSection(words.Doc("SectionRequest"),
        [
            new(words.Doc("RequestId"), h.Id.ToString("D"), Code: true),
            new(words.Doc("Kind"), $"{words.Kind(h.Kind)} ({h.Article})"),
            new(words.Doc("Language"), detail.Original.Language),
            new(words.Doc("RequestingState"), Party(h.RequestingState, h.RequestingOffice)),
            new(words.Doc("RequestedState"), Party(h.RequestedState, h.RequestedOffice)),
            .. h.Reference is { Length: > 0 } reference ? [new DocumentRow(words.Doc("Reference"), reference)] : Array.Empty<DocumentRow>(),
            new(words.Doc("LegalBasis"), words.Request("Basis_" + detail.LegalBasis.Kind, detail.LegalBasis.Kind) + (string.IsNullOrWhiteSpace(detail.LegalBasis.Reference) ? "" : ": " + detail.LegalBasis.Reference) + $" ({detail.LegalBasis.Article})"),
            .. purposes.Count > 0 ? [new DocumentRow(words.Doc("Purposes"), string.Join("\n", purposes.Select(p => $"{p.Label} ({p.Basis})")))] : Array.Empty<DocumentRow>(),
            .. deadline is { } due ? [new DocumentRow(words.Doc("Deadline") + $" ({profile.Basis})", Instant(due))] : Array.Empty<DocumentRow>(),
            new(words.Doc("Articles"), string.Join(", ", Articles(detail, profile, purposes))),
        ]);

        var stated = Stated(detail.Contents);
        var contents = new DocumentSection(words.Doc("SectionContents"),
        [
            .. profile.RequiredContents.Where(r => stated.ContainsKey(r.Item.Wire()))
                .Select(r => new DocumentRow($"{words.Request("Content_" + r.Item.Wire(), r.Item.Wire())} ({r.Basis})", stated[r.Item.Wire()])),
            .. stated.Where(s => profile.RequiredContents.All(r => r.Item.Wire() != s.Key))
                .Select(s => new DocumentRow(words.Request("Content_" + s.Key, s.Key), s.Value)),
        ]);

        var texts = new DocumentSection(words.Doc("SectionTexts") + " (Art. 40(14))", [],
        [
            new DocumentColumn(words.Doc("Original", detail.Original.Language), detail.Original.Text),
            .. detail.Translation is { } translation ? [new DocumentColumn(words.Doc("Translation", translation.Language), translation.Text)] : Array.Empty<DocumentColumn>(),
        ]);

        return new FormalDocumentContent(
            words.Culture.Name,
            words.RightToLeft,
            words.Kind(h.Kind),
            $"{words.Doc("Subtitle")} · {words.Doc("RequestingState")}: {h.RequestingState} · {words.Doc("RequestedState")}: {h.RequestedState}",
            [parties, contents, texts, Conditions(words.Doc("SectionConditions") + " (Art. 36)", detail.Conditions, words), Signed(words.Doc("SectionSubmission"), submission, words, words.Doc("Sha256Submission"), mark.SubmissionSha256), Verification(mark, words)],
            mark,
            words.Doc("QrCaption"),
            "");
    }

    private static FormalDocumentContent Answer(RequestDetail detail, RequestKind kind, RequestEventDto submission, RequestEventDto answer, FormalDocumentMark mark, Words words)
    {
        var h = detail.Header;
        var request = new DocumentSection(words.Doc("SectionRequest"),
        [
            new(words.Doc("RequestId"), h.Id.ToString("D"), Code: true),
            new(words.Doc("Kind"), $"{words.Kind(h.Kind)} ({h.Article})"),
            new(words.Doc("RequestingState"), Party(h.RequestingState, h.RequestingOffice)),
            new(words.Doc("RequestedState"), Party(h.RequestedState, h.RequestedOffice)),
            .. h.Reference is { Length: > 0 } reference ? [new DocumentRow(words.Doc("Reference"), reference)] : Array.Empty<DocumentRow>(),
            new(words.Doc("SendingNode"), words.Doc("NodeOf", submission.Node)),
            new(words.Doc("Officer"), submission.Actor ?? "—"),
            new(words.Doc("SignedAt"), Instant(submission.At)),
            new(words.Doc("Sha256Submission"), mark.SubmissionSha256, Code: true),
        ]);

        var fields = answer.Fields.ValueKind == JsonValueKind.Object ? answer.Fields : default;
        var text = fields.ValueKind == JsonValueKind.Object && fields.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() ?? "" : "";
        var given = new DocumentSection(words.Doc("SectionAnswer") + $" ({kind.Basis()})", [], [new DocumentColumn(words.Doc("AnswerText"), text)]);
        var conditions = fields.ValueKind == JsonValueKind.Object && fields.TryGetProperty("conditions", out var c) && c.ValueKind == JsonValueKind.Object
            ? c.Deserialize<HandlingConditionsDto>(RequestJsonOptions) ?? new HandlingConditionsDto()
            : detail.Conditions;
        return new FormalDocumentContent(
            words.Culture.Name,
            words.RightToLeft,
            words.Doc("AnswerTitle", words.Request("Event_" + answer.Type, answer.Type)) + " — " + words.Kind(h.Kind),
            $"{words.Doc("AnswerSubtitle")} · {words.Doc("RequestedState")}: {h.RequestedState} · {words.Doc("RequestingState")}: {h.RequestingState}",
            [request, given, Conditions(words.Doc("AnswerConditions") + " (Art. 36)", conditions, words), Signed(words.Doc("SectionSignedAnswer"), answer, words, words.Doc("Sha256Answer"), mark.AnswerSha256!, answer.Index), Verification(mark, words)],
            mark,
            words.Doc("QrCaption"),
            "");
    }

    private static readonly JsonSerializerOptions RequestJsonOptions = new(JsonSerializerDefaults.Web);

    private static DocumentSection Conditions(string heading, HandlingConditionsDto conditions, Words words) => new(heading,
    [
        new(words.Request("Confidentiality", "Confidentiality"), words.Request("Condition_" + (conditions.Confidentiality ?? "none"), conditions.Confidentiality ?? "none")),
        new(words.Request("UseLimitation", "Use limitation"), words.Request("Condition_" + (conditions.UseLimitation ?? "none"), conditions.UseLimitation ?? "none")),
        new(words.Request("OnwardTransfer", "Onward transfer") + " (Art. 36(3))", words.Request("Condition_" + (conditions.OnwardTransfer ?? "withPriorAuthorization"), conditions.OnwardTransfer ?? "withPriorAuthorization")),
        new(words.Request("RetentionDays", "Retention"), conditions.RetentionDays is { } days ? days.ToString(CultureInfo.InvariantCulture) : words.Doc("None")),
        .. conditions.DataProtection is { Count: > 0 } dp ? [new DocumentRow(words.Request("DataProtection", "Data protection"), string.Join("\n", dp))] : Array.Empty<DocumentRow>(),
    ]);

    private static DocumentSection Signed(string heading, RequestEventDto e, Words words, string digestLabel, string digest, int? index = null) => new(heading,
    [
        .. index is { } i ? [new DocumentRow(words.Doc("EventIndex"), i.ToString(CultureInfo.InvariantCulture))] : Array.Empty<DocumentRow>(),
        new(index is null ? words.Doc("SendingNode") : words.Doc("AnsweringNode"), words.Doc("NodeOf", e.Node)),
        new(words.Doc("Officer"), e.Actor ?? "—"),
        new(words.Doc("SignedAt"), Instant(e.At)),
        new(digestLabel, digest, Code: true),
        new(words.Doc("Signature"), e.Signature.Verified ? words.Doc("SignatureVerified", e.Signature.Kid, e.Signature.Signer) : words.Doc("SignatureNotVerified", e.Signature.Problem ?? "")),
    ]);

    private static DocumentSection Verification(FormalDocumentMark mark, Words words) => new(words.Doc("SectionVerification"),
    [
        new(words.Doc("Mark"), mark.ToString(), Code: true),
        new(words.Doc("HowToVerify"), words.Doc("HowToVerifyText")),
    ]);

    private static string Party(string state, string? office) => office is { Length: > 0 } ? $"{state} — {office}" : state;

    /// <summary>Instants stay invariant in the document (ISO 8601, UTC): a printout is read across languages and time zones.</summary>
    private static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>The provisions the request rests on: its kind's, the channel's, the legal basis's, its contents', its purposes' and the conditions'.</summary>
    private static IEnumerable<string> Articles(RequestDetail detail, RequestKindProfile profile, List<AssistancePurpose> purposes) =>
        new[] { profile.Basis.ToString(), profile.Channel.Basis().ToString(), detail.LegalBasis.Article }
            .Concat(profile.RequiredContents.Select(r => r.Basis.ToString()))
            .Concat(purposes.Select(p => p.Basis.ToString()))
            .Append(Convention.Art(36).ToString())
            .Distinct(StringComparer.Ordinal);

    /// <summary>The stated items by wire name, in the contents' order, without the empty ones.</summary>
    private static Dictionary<string, string> Stated(RequestContentsDto contents)
    {
        var json = JsonSerializer.SerializeToElement(contents, RequestJsonOptions);
        var stated = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in ContentItems.All)
        {
            if (json.TryGetProperty(item.Wire(), out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text)
            {
                stated[item.Wire()] = text;
            }
        }

        return stated;
    }

    /// <summary>The purposes the stored contents name (mutual legal assistance), in the order given.</summary>
    private static List<AssistancePurpose> Purposes(string contentsJson)
    {
        try
        {
            using var json = JsonDocument.Parse(contentsJson);
            return json.RootElement.TryGetProperty("purposes", out var codes) && codes.ValueKind == JsonValueKind.Array
                ? [.. codes.EnumerateArray().Select(c => AssistancePurposes.TryGet(c.GetString(), out var p) ? p : null).OfType<AssistancePurpose>()]
                : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    /// <summary>The labels in the document's language: its own (<see cref="DocumentText"/>) and the request pages' names of kinds, items and conditions.</summary>
    private sealed class Words(CultureInfo culture)
    {
        public CultureInfo Culture => culture;

        public bool RightToLeft => culture.TextInfo.IsRightToLeft;

        public string Doc(string key, params object[] args)
        {
            var format = Labels.GetString(key, culture) ?? throw new InvalidOperationException($"DocumentText has no {key}.");
            return args.Length == 0 ? format : string.Format(culture, format, args);
        }

        public string Request(string key, string fallback) => RequestLabels.GetString(key, culture) ?? fallback;

        public string Kind(string wire) => Request("Kind_" + wire, wire);
    }
}
