using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Comity.Node.Kernel;

namespace Comity.Node.Api;

/// <summary>
/// Turns a request the framework could not bind (malformed JSON, a value of the wrong type, a missing
/// body) into a 400 problem document that names the field, instead of a bare 400.
/// </summary>
internal sealed class BadRequestHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }

        var json = badRequest.InnerException as JsonException;
        var field = json?.Path is { Length: > 2 } path ? path.TrimStart('$', '.') : null;
        var message = json is null
            ? badRequest.Message
            : field is null
                ? "The body is not valid JSON."
                : $"The value of {field} is not valid here: check its type and format.";
        var problem = new ProblemDetails
        {
            Type = Problems.TypeBase + "request.malformed",
            Title = "The request could not be read.",
            Status = badRequest.StatusCode,
            Detail = message,
        };
        problem.Extensions["code"] = "request.malformed";
        problem.Extensions["errors"] = new[] { new ProblemError(field, "request.malformed", message) };
        httpContext.Response.StatusCode = badRequest.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }
}
