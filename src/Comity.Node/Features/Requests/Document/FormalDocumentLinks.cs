using Comity.Domain.Cooperation;
using Comity.Domain.Directory;

namespace Comity.Node.Features.Requests.Document;

/// <summary>Where the request page links to the formal documents: only requests between central authorities have them.</summary>
internal static class FormalDocumentLinks
{
    public static bool HasDocument(string kind) => RequestKinds.TryParse(kind, out var k) && k.Profile().Channel == DesignationRole.CentralAuthority;

    /// <summary>The request's formal document, or null for a kind that has none.</summary>
    public static string? Request(Guid id, string kind) => HasDocument(kind) ? $"/api/v1/requests/{id:D}/document.pdf" : null;

    /// <summary>The formal document of an answer (a <c>partiallyExecuted</c> or <c>executed</c> event), or null for any other event.</summary>
    public static string? Answer(Guid id, string kind, int eventIndex, string eventType) =>
        HasDocument(kind) && FormalDocumentAnswers.IsAnswer(eventType) ? $"/api/v1/requests/{id:D}/answers/{eventIndex.ToString(System.Globalization.CultureInfo.InvariantCulture)}/document.pdf" : null;
}
