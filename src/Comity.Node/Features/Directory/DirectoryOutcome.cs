using Comity.Node.Api;
using Comity.Node.Kernel;

namespace Comity.Node.Features.Directory;

/// <summary>What a directory handler did: a value, or a refusal with its HTTP status, code and every field at fault.</summary>
internal sealed record DirectoryOutcome<T>(T? Value, int Status, string? Code, string? Detail, IReadOnlyList<ProblemError> Errors)
    where T : class
{
    public bool Succeeded => Value is not null;

    public static DirectoryOutcome<T> Ok(T value) => new(value, StatusCodes.Status200OK, null, null, []);

    public static DirectoryOutcome<T> Invalid(IReadOnlyList<ProblemError> errors) => new(null, StatusCodes.Status400BadRequest, errors[0].Code, null, errors);

    public static DirectoryOutcome<T> Refused(int status, string code, string detail) => new(null, status, code, detail, []);

    /// <summary>The refusal as text for a page: the detail, or each field's message.</summary>
    public IReadOnlyList<string> Messages => Errors.Count > 0
        ? [.. Errors.Select(e => e.Field is null ? e.Message : $"{e.Field}: {e.Message}")]
        : Detail is null ? [] : [Detail];

    public IResult ToHttp(Func<T, IResult>? ok = null) =>
        Value is not null ? (ok ?? (v => Results.Ok(v)))(Value)
        : Errors.Count > 0 && Status == StatusCodes.Status400BadRequest ? Problems.Validation(Errors)
        : Problems.Simple(Status, Code!, Title(Status), Detail ?? string.Join(" ", Errors.Select(e => e.Message)));

    private static string Title(int status) => status switch
    {
        StatusCodes.Status401Unauthorized => "The signature was not accepted.",
        StatusCodes.Status403Forbidden => "Not allowed.",
        StatusCodes.Status404NotFound => "Not found.",
        StatusCodes.Status409Conflict => "Conflict.",
        StatusCodes.Status413PayloadTooLarge => "Too large.",
        StatusCodes.Status422UnprocessableEntity => "The directory entry breaks a rule.",
        StatusCodes.Status502BadGateway => "The Secretariat could not be reached or refused.",
        StatusCodes.Status503ServiceUnavailable => "Not configured.",
        _ => "The request is not valid.",
    };
}
