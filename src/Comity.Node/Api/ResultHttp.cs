using Comity.Node.Kernel;

namespace Comity.Node.Api;

/// <summary>How an endpoint answers with a handler's <see cref="Result{T}"/>: its value, or its error's problem document (<see cref="Problems.From"/>).</summary>
public static class ResultHttp
{
    /// <summary>The value as <paramref name="ok"/> answers it (200 with the value as JSON when omitted), or the problem document of the error.</summary>
    public static IResult ToHttp<T>(this Result<T> result, Func<T, IResult>? ok = null) =>
        result.Succeeded ? (ok ?? (v => Results.Ok(v)))(result.Value) : Problems.From(result.Error!);
}
