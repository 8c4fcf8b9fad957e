using System.Diagnostics;
using System.Text.Json.Serialization;
using Comity.Domain.Legal;
using Microsoft.AspNetCore.Mvc;

namespace Comity.Node.Api;

/// <summary>
/// The one place that turns expected failures into RFC 9457 problem documents: <c>type</c>,
/// <c>title</c>, <c>status</c>, <c>detail</c>, and the extensions <c>code</c>, <c>legalBasis</c>,
/// <c>errors</c> (every violation, each with its field, code, message and article) and <c>traceId</c>.
/// </summary>
public static class Problems
{
    public const string TypeBase = "https://comity.invalid/problems/";

    /// <summary>A refused legal rule or transition: every violation, each with its article.</summary>
    public static IResult RuleViolations(IReadOnlyList<RuleViolation> violations, int status = StatusCodes.Status422UnprocessableEntity, string? field = null)
    {
        ArgumentOutOfRangeException.ThrowIfZero(violations.Count);
        var first = violations[0];
        var problem = new ProblemDetails
        {
            Type = TypeBase + first.Code,
            Title = violations.Count == 1 ? "A rule of the Convention refuses this." : "Rules of the Convention refuse this.",
            Status = status,
            Detail = string.Join(" ", violations.Select(v => $"{v.Message} ({v.Basis})")),
        };
        problem.Extensions["code"] = first.Code;
        problem.Extensions["legalBasis"] = first.Basis.ToString();
        problem.Extensions["errors"] = violations
            .Select(v => new ProblemError(field, v.Code, v.Message, v.Basis.ToString()))
            .ToList();
        return Results.Problem(problem);
    }

    /// <summary>Malformed input: each field with the rule it breaks.</summary>
    public static IResult Validation(IReadOnlyList<ProblemError> errors)
    {
        ArgumentOutOfRangeException.ThrowIfZero(errors.Count);
        var problem = new ProblemDetails
        {
            Type = TypeBase + "validation",
            Title = "The request is not valid.",
            Status = StatusCodes.Status400BadRequest,
            Detail = string.Join(" ", errors.Select(e => e.Field is null ? e.Message : $"{e.Field}: {e.Message}")),
        };
        problem.Extensions["code"] = errors[0].Code;
        problem.Extensions["errors"] = errors;
        return Results.Problem(problem);
    }

    /// <summary>Well-formed input refused for what it names (an unknown State, this node's own State…): each field with the reason, status 422 by default.</summary>
    public static IResult Unprocessable(IReadOnlyList<ProblemError> errors, string title, int status = StatusCodes.Status422UnprocessableEntity)
    {
        ArgumentOutOfRangeException.ThrowIfZero(errors.Count);
        var problem = new ProblemDetails
        {
            Type = TypeBase + errors[0].Code,
            Title = title,
            Status = status,
            Detail = string.Join(" ", errors.Select(e => e.Field is null ? e.Message : $"{e.Field}: {e.Message}")),
        };
        problem.Extensions["code"] = errors[0].Code;
        problem.Extensions["errors"] = errors;
        return Results.Problem(problem);
    }

    public static IResult NotFound(string code, string detail) => Simple(StatusCodes.Status404NotFound, code, "Not found.", detail);

    public static IResult Conflict(string code, string detail) => Simple(StatusCodes.Status409Conflict, code, "Conflict.", detail);

    public static IResult Simple(int status, string code, string title, string detail)
    {
        var problem = new ProblemDetails { Type = TypeBase + code, Title = title, Status = status, Detail = detail };
        problem.Extensions["code"] = code;
        return Results.Problem(problem);
    }

    /// <summary>Adds the trace id to every problem document the node writes.</summary>
    internal static void AddTraceId(ProblemDetailsContext context)
    {
        context.ProblemDetails.Extensions["traceId"] = Activity.Current?.Id ?? context.HttpContext.TraceIdentifier;
        context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
    }
}

/// <summary>One reason a request was refused.</summary>
/// <param name="Field">The input field at fault (JSON name), when there is one.</param>
/// <param name="Code">Stable machine-readable code, <c>area.kebab-case</c>.</param>
/// <param name="Message">What is wrong, for a person.</param>
/// <param name="Article">The article of the Convention the rule comes from, when there is one.</param>
/// <param name="Limit">The bound that was crossed (most characters, most days…), for rules that have one; absent otherwise.</param>
public sealed record ProblemError(
    string? Field,
    string Code,
    string Message,
    string? Article = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Limit = null);
