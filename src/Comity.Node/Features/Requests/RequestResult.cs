namespace Comity.Node.Features.Requests;

/// <summary>
/// Why a command or query was refused: the HTTP status the API answers with, a stable code, a title
/// for people and every problem (field, code, message, article). Nothing was changed.
/// </summary>
/// <param name="Status">400 malformed input, 403 the other side's transition, 404 unknown request, 409 refused by the transition table or its rules, 422 a draft or input a rule refuses, 503 busy (try again).</param>
public sealed record RequestFailure(int Status, string Code, string Title, IReadOnlyList<RequestProblemDto> Problems);

/// <summary>The outcome of a request service call: a value, or the failure (see <see cref="RequestResults"/>).</summary>
public sealed record RequestResult<T>(T? Value, RequestFailure? Failure)
    where T : class
{
    public bool Succeeded => Failure is null && Value is not null;
}

/// <summary>Builds <see cref="RequestResult{T}"/>s.</summary>
public static class RequestResults
{
    public static RequestResult<T> Ok<T>(T value)
        where T : class => new(value, null);

    public static RequestResult<T> Fail<T>(RequestFailure failure)
        where T : class => new(null, failure);
}
