using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Comity.Domain.Cooperation;
using Comity.Node.Features.Requests.Show;
using PdfSharp.Pdf.IO;

namespace Comity.Node.Features.Requests.Document;

/// <summary>
/// What ties a printed formal document to the node's signed history: the request id and the SHA-256 of the signed
/// submission's envelope JWS, and for an answer its event index and the SHA-256 of that event's JWS. It travels three
/// ways: as the QR code's text (for people with phones), as a line of the document's text, and as the PDF's
/// <c>/ComityMark</c> document property (what <c>comity request verify-document</c> and the page read: no QR decoder needed).
/// Text form: <c>comity:request:{id}:sha256:{hex}</c>, for an answer followed by <c>:answer:{index}:sha256:{hex}</c>.
/// </summary>
public sealed record FormalDocumentMark(Guid RequestId, string SubmissionSha256, int? AnswerIndex = null, string? AnswerSha256 = null)
{
    /// <summary>The PDF document property that holds the mark.</summary>
    public const string PdfProperty = "/ComityMark";

    private const string Prefix = "comity:request:";

    /// <summary>The SHA-256 of an envelope JWS exactly as stored (UTF-8), in lowercase hex.</summary>
    public static string Sha256(string jws) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(jws)));

    public override string ToString() =>
        $"{Prefix}{RequestId:D}:sha256:{SubmissionSha256}"
        + (AnswerIndex is { } index ? $":answer:{index.ToString(CultureInfo.InvariantCulture)}:sha256:{AnswerSha256}" : "");

    public static bool TryParse(string? text, [NotNullWhen(true)] out FormalDocumentMark? mark)
    {
        mark = null;
        var parts = text?.Trim().Split(':');
        if (parts is not (["comity", "request", _, "sha256", _] or ["comity", "request", _, "sha256", _, "answer", _, "sha256", _])
            || !Guid.TryParse(parts[2], out var requestId) || !IsDigest(parts[4]))
        {
            return false;
        }

        if (parts.Length == 5)
        {
            mark = new FormalDocumentMark(requestId, parts[4]);
            return true;
        }

        if (!int.TryParse(parts[6], NumberStyles.None, CultureInfo.InvariantCulture, out var index) || !IsDigest(parts[8]))
        {
            return false;
        }

        mark = new FormalDocumentMark(requestId, parts[4], index, parts[8]);
        return true;
    }

    private static bool IsDigest(string hex) => hex.Length == 64 && hex.All(char.IsAsciiHexDigitLower);

    /// <summary>The mark a PDF carries in its document properties; null for a file that is not a PDF or not a Comity formal document.</summary>
    public static FormalDocumentMark? Read(Stream pdf)
    {
        try
        {
            using var document = PdfReader.Open(pdf, PdfDocumentOpenMode.Import);
            var text = document.Info.Elements.GetString(PdfProperty);
            return TryParse(text, out var mark) ? mark : null;
        }
        catch (Exception e) when (e is PdfReaderException or InvalidOperationException or NotImplementedException or ArgumentException or IOException or FormatException or IndexOutOfRangeException or NullReferenceException)
        {
            // PDFsharp reports a damaged or foreign file with any of these: it is "not a Comity document", not a bug of ours.
            return null;
        }
    }
}

/// <summary>One finding of <see cref="FormalDocumentCheck"/>: a stable code and what it means, in English (the CLI's language).</summary>
public sealed record FormalDocumentFinding(string Code, bool Ok, string Message);

/// <summary>Whether a formal document matches the signed history a node holds.</summary>
public static class FormalDocumentCheck
{
    public const string SubmissionMatches = "document.submission-matches";
    public const string SubmissionDiffers = "document.submission-differs";
    public const string SignatureVerified = "document.signature-verified";
    public const string SignatureNotVerified = "document.signature-not-verified";
    public const string AnswerMatches = "document.answer-matches";
    public const string AnswerDiffers = "document.answer-differs";
    public const string AnswerMissing = "document.answer-missing";

    /// <summary>Every finding; the document matches when all are <see cref="FormalDocumentFinding.Ok"/>.</summary>
    public static IReadOnlyList<FormalDocumentFinding> Check(FormalDocumentMark mark, RequestDetail detail)
    {
        ArgumentNullException.ThrowIfNull(mark);
        ArgumentNullException.ThrowIfNull(detail);
        var findings = new List<FormalDocumentFinding>();
        var submission = detail.Events.FirstOrDefault(e => e.Index == 0);
        if (submission is null || !string.Equals(FormalDocumentMark.Sha256(submission.Signature.Jws), mark.SubmissionSha256, StringComparison.Ordinal))
        {
            findings.Add(new(SubmissionDiffers, false, $"The document's SHA-256 of the submission ({mark.SubmissionSha256}) is not that of the signed submission the node holds"
                + (submission is null ? "." : $" ({FormalDocumentMark.Sha256(submission.Signature.Jws)}).")));
        }
        else
        {
            findings.Add(new(SubmissionMatches, true, $"The SHA-256 of the signed submission is the document's ({mark.SubmissionSha256})."));
            findings.Add(Signature(submission, "submission"));
        }

        if (mark.AnswerIndex is { } index)
        {
            var answer = detail.Events.FirstOrDefault(e => e.Index == index);
            if (answer is null || !FormalDocumentAnswers.IsAnswer(answer.Type))
            {
                findings.Add(new(AnswerMissing, false, $"The node holds no answer at event {index} of this request."));
            }
            else if (!string.Equals(FormalDocumentMark.Sha256(answer.Signature.Jws), mark.AnswerSha256, StringComparison.Ordinal))
            {
                findings.Add(new(AnswerDiffers, false, $"The document's SHA-256 of the answer ({mark.AnswerSha256}) is not that of the signed answer the node holds ({FormalDocumentMark.Sha256(answer.Signature.Jws)})."));
            }
            else
            {
                findings.Add(new(AnswerMatches, true, $"The SHA-256 of the signed answer (event {index}) is the document's ({mark.AnswerSha256})."));
                findings.Add(Signature(answer, "answer"));
            }
        }

        return findings;
    }

    private static FormalDocumentFinding Signature(RequestEventDto e, string what) => e.Signature.Verified
        ? new(SignatureVerified, true, $"The node verified the {what}'s signature: {e.Signature.Signer}'s key {e.Signature.Kid}.")
        : new(SignatureNotVerified, false, $"The node could not verify the {what}'s signature ({e.Signature.Signer}, key {e.Signature.Kid}): {e.Signature.Problem}");
}

/// <summary>The events that answer a request between central authorities: each has its formal document.</summary>
public static class FormalDocumentAnswers
{
    public static bool IsAnswer(string eventType) =>
        eventType == RequestEventType.PartiallyExecuted.Wire() || eventType == RequestEventType.Executed.Wire();
}
