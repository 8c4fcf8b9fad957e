using Comity.Node.Kernel;

namespace Comity.Node.Features.Directory;

/// <summary>The directory's refusals, each with the title its problem document has always carried.</summary>
internal static class DirectoryErrors
{
    public const string NotStateNodeCode = "directory.not-a-state-node";

    /// <summary>Own entries are offered on State nodes only.</summary>
    public static readonly Error NotStateNode = Error.Conflict(NotStateNodeCode,
        "Directory entries are kept by each State's node and notified to the Secretariat; the Secretariat node has none of its own to edit.");

    /// <summary>Following a submission is offered on State nodes only.</summary>
    public static readonly Error NotSubmittingNode = Error.Conflict(NotStateNodeCode, "Only a State node submits directory notifications.");

    /// <summary>The review queue is offered on the Secretariat only.</summary>
    public static readonly Error NotReviewingNode = Error.Conflict("directory.not-secretariat", "Directory notifications are reviewed on the Secretariat node.");

    /// <summary>Receiving notifications is offered on the Secretariat only.</summary>
    public static readonly Error NotReceivingNode = Error.NotFound("directory.not-secretariat", "Directory notifications are received by the Secretariat node only.");

    public static readonly Error UnknownNotification = Error.NotFound("directory.unknown-notification", "There is no notification with this id.");

    /// <summary>The caller may not change what it names (403).</summary>
    public static Error NotAllowed(string code, string detail) => new(ErrorKind.Forbidden, code, "Not allowed.", detail);

    /// <summary>The signature or its key is not accepted (401).</summary>
    public static Error SignatureRefused(string code, string detail) =>
        new(ErrorKind.Forbidden, code, "The signature was not accepted.", detail) { Status = StatusCodes.Status401Unauthorized };

    /// <summary>A document that cannot be read, as a whole (400 without field items).</summary>
    public static Error Malformed(string code, string detail) => new(ErrorKind.Invalid, code, "The request is not valid.", detail);

    /// <summary>A setting this node needs is missing (503).</summary>
    public static Error NotConfigured(string code, string detail) => new(ErrorKind.Unavailable, code, "Not configured.", detail);

    /// <summary>The Secretariat could not be reached, or refused (502).</summary>
    public static Error SecretariatFailed(string detail) =>
        new(ErrorKind.Unavailable, "directory.secretariat-refused", "The Secretariat could not be reached or refused.", detail) { Status = StatusCodes.Status502BadGateway };
}
