using System.Diagnostics;
using Comity.Domain.Legal;
using Comity.Node.Kernel;
using Microsoft.AspNetCore.Mvc;

namespace Comity.Node.Api;

/// <summary>
/// The one place that turns expected failures (<see cref="Error"/>) into RFC 9457 problem documents: <c>type</c>,
/// <c>title</c>, <c>status</c>, <c>detail</c>, and the extensions <c>code</c>, <c>legalBasis</c>, <c>errors</c>
/// (every problem, each with its field, code, message, article and bound) and <c>traceId</c>.
/// </summary>
public static class Problems
{
    public const string TypeBase = "https://comity.invalid/problems/";

    /// <summary>The problem document of an error.</summary>
    public static IResult From(Error error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return Results.Problem(Document(error));
    }

    /// <summary>The HTTP status of an error: the kind's, unless the error names another.</summary>
    public static int StatusOf(Error error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.Status ?? error.Kind switch
        {
            ErrorKind.Invalid => StatusCodes.Status400BadRequest,
            ErrorKind.NotFound => StatusCodes.Status404NotFound,
            ErrorKind.Conflict => StatusCodes.Status409Conflict,
            ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
            ErrorKind.Unavailable => StatusCodes.Status503ServiceUnavailable,
        };
    }

    /// <summary>The error that an HTTP status stands for (a refusal the protocol states by its status, such as the federation's).</summary>
    public static Error ForStatus(int status, string code, string title, string detail)
    {
        var kind = status switch
        {
            StatusCodes.Status404NotFound => ErrorKind.NotFound,
            StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden => ErrorKind.Forbidden,
            StatusCodes.Status409Conflict or StatusCodes.Status422UnprocessableEntity => ErrorKind.Conflict,
            >= 500 => ErrorKind.Unavailable,
            _ => ErrorKind.Invalid,
        };
        var error = new Error(kind, code, title, detail);
        return StatusOf(error) == status ? error : error with { Status = status };
    }

    /// <summary>The problem document of an error, for writers that are not endpoints (exception handlers, middleware).</summary>
    public static ProblemDetails Document(Error error)
    {
        ArgumentNullException.ThrowIfNull(error);

        // Malformed input keeps one type whatever the field; every other problem is typed by its code.
        var problem = new ProblemDetails
        {
            Type = TypeBase + (error.Kind == ErrorKind.Invalid && error.Items.Count > 0 && error.Status is null ? "validation" : error.Code),
            Title = error.Title,
            Status = StatusOf(error),
            Detail = error.Detail,
        };
        problem.Extensions["code"] = error.Code;
        if (error.LegalBasis is not null)
        {
            problem.Extensions["legalBasis"] = error.LegalBasis;
        }

        if (error.Items.Count > 0)
        {
            problem.Extensions["errors"] = error.Items;
        }

        return problem;
    }

    /// <summary>A refused legal rule or transition: every violation, each with its article.</summary>
    public static IResult RuleViolations(IReadOnlyList<RuleViolation> violations, int status = StatusCodes.Status422UnprocessableEntity, string? field = null) =>
        From(Error.Violations(field is null ? violations : [.. violations.Select(v => v with { Field = field })], status));

    /// <summary>Malformed input: each field with the rule it breaks.</summary>
    public static IResult Validation(IReadOnlyList<ProblemError> errors) => From(Error.Invalid(errors));

    /// <summary>Well-formed input refused for what it names (an unknown State, this node's own State…): each field with the reason, status 422 by default.</summary>
    public static IResult Unprocessable(IReadOnlyList<ProblemError> errors, string title, int status = StatusCodes.Status422UnprocessableEntity) =>
        From(ForStatus(status, errors[0].Code, title, "") with
        {
            Detail = string.Join(" ", errors.Select(e => e.Field is null ? e.Message : $"{e.Field}: {e.Message}")),
            Items = errors,
            Status = status,
        });

    public static IResult NotFound(string code, string detail) => From(Error.NotFound(code, detail));

    public static IResult Conflict(string code, string detail) => From(Error.Conflict(code, detail));

    public static IResult Simple(int status, string code, string title, string detail) => From(ForStatus(status, code, title, detail));

    /// <summary>Adds the trace id to every problem document the node writes.</summary>
    internal static void AddTraceId(ProblemDetailsContext context)
    {
        context.ProblemDetails.Extensions["traceId"] = Activity.Current?.Id ?? context.HttpContext.TraceIdentifier;
        context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
    }
}
