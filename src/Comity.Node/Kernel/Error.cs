using System.Text.Json.Serialization;
using Comity.Domain.Legal;

namespace Comity.Node.Kernel;

/// <summary>The kinds of expected failure. The API maps each to its status in one place (<c>Api/Problems</c>).</summary>
public enum ErrorKind
{
    /// <summary>The input is malformed: each item names the field and the rule it breaks (400; 413 when too large).</summary>
    Invalid,

    /// <summary>What the caller names is not here, or not theirs to see (404).</summary>
    NotFound,

    /// <summary>A rule or the state of things refuses it, with every violation and its article (409; 422 when a rule refuses the content itself).</summary>
    Conflict,

    /// <summary>The caller may not do this (403; 401 when the caller is not signed by a key this node trusts).</summary>
    Forbidden,

    /// <summary>Not now: busy, not ready, or another node failed; try again (503; 502 for another node's failure).</summary>
    Unavailable,
}

/// <summary>
/// An expected failure as a value: what handlers, envelope handlers and workers return instead of throwing
/// (exceptions are for bugs and broken infrastructure). Nothing was changed. <c>Api/Problems</c> turns it into an
/// RFC 9457 problem document; pages and the CLI show its items.
/// </summary>
/// <param name="Kind">The category, which decides the HTTP status.</param>
/// <param name="Code">The stable <c>area.kebab-case</c> code (the first item's when there are several).</param>
/// <param name="Title">A short summary for people.</param>
/// <param name="Detail">What is wrong, for people.</param>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1716", Justification = "The node's one error type; no Visual Basic consumer.")]
public sealed record Error(ErrorKind Kind, string Code, string Title, string Detail)
{
    /// <summary>Every problem, each with its field, code, message, article and bound; empty when the code says it all.</summary>
    public IReadOnlyList<ProblemError> Items { get; init; } = [];

    /// <summary>The domain's violations behind <see cref="Items"/>, when rules refused it: pages word their articles in the reader's language.</summary>
    public IReadOnlyList<RuleViolation> RuleViolations { get; init; } = [];

    /// <summary>The provision of the rule that refuses it, when there is one.</summary>
    public string? LegalBasis { get; init; }

    /// <summary>The HTTP status when it is not the kind's usual one (422, 413, 401, 502; see <see cref="ErrorKind"/>).</summary>
    public int? Status { get; init; }

    /// <summary>Malformed input: every field with the rule it breaks.</summary>
    public static Error Invalid(IReadOnlyList<ProblemError> items)
    {
        ArgumentOutOfRangeException.ThrowIfZero(items.Count);
        return new(ErrorKind.Invalid, items[0].Code, "The request is not valid.", Join(items)) { Items = items };
    }

    /// <summary>One malformed field.</summary>
    public static Error Invalid(string? field, string code, string message) => Invalid([new ProblemError(field, code, message)]);

    public static Error NotFound(string code, string detail) => new(ErrorKind.NotFound, code, "Not found.", detail);

    public static Error Conflict(string code, string detail) => new(ErrorKind.Conflict, code, "Conflict.", detail);

    public static Error Forbidden(string code, string detail) => new(ErrorKind.Forbidden, code, "Forbidden.", detail);

    public static Error Unavailable(string code, string detail) => new(ErrorKind.Unavailable, code, "Not available now.", detail);

    /// <summary>Well-formed input refused for what it says (an unknown State, an incomplete draft): every item, 422 unless <paramref name="kind"/> and <paramref name="status"/> say otherwise.</summary>
    public static Error Refused(IReadOnlyList<ProblemError> items, string title, ErrorKind kind = ErrorKind.Conflict, int? status = 422)
    {
        ArgumentOutOfRangeException.ThrowIfZero(items.Count);
        return new(kind, items[0].Code, title, Join(items)) { Items = items, Status = status, LegalBasis = items[0].Article };
    }

    /// <summary>Rules of the Convention refuse it: every violation with its article (422 by default; 409 for a workflow's transition).</summary>
    public static Error Violations(IReadOnlyList<RuleViolation> violations, int status = 422, string? title = null)
    {
        ArgumentOutOfRangeException.ThrowIfZero(violations.Count);
        var first = violations[0];
        return new(
            ErrorKind.Conflict,
            first.Code,
            title ?? (violations.Count == 1 ? "A rule of the Convention refuses this." : "Rules of the Convention refuse this."),
            string.Join(" ", violations.Select(v => $"{v.Message} ({v.Basis})")))
        {
            Items = [.. violations.Select(ProblemError.From)],
            RuleViolations = violations,
            LegalBasis = first.Basis.ToString(),
            Status = status == 409 ? null : status,
        };
    }

    public override string ToString() => $"{Code}: {Detail}";

    private static string Join(IReadOnlyList<ProblemError> items) =>
        string.Join(" ", items.Select(e => e.Field is null ? e.Message : $"{e.Field}: {e.Message}"));
}

/// <summary>The outcome of an operation: its value, or the <see cref="Error"/> that refused it.</summary>
public readonly struct Result<T>
{
    private readonly T? value;

    private Result(T? value, Error? error)
    {
        this.value = value;
        Error = error;
    }

    /// <summary>Why it was refused; null on success.</summary>
    public Error? Error { get; }

    public bool Succeeded => Error is null;

    /// <summary>The value; throws when the operation was refused (a bug: check <see cref="Succeeded"/> first).</summary>
    public T Value => Error is null ? value! : throw new InvalidOperationException("A refused result has no value: " + Error);

    public static implicit operator Result<T>(T value) => new(value, null);

    public static implicit operator Result<T>(Error error) => new(default, error ?? throw new ArgumentNullException(nameof(error)));
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
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Limit = null)
{
    /// <summary>A rule violation as an item: its field, code, message and article.</summary>
    public static ProblemError From(RuleViolation violation)
    {
        ArgumentNullException.ThrowIfNull(violation);
        return new(violation.Field, violation.Code, violation.Message, violation.Basis.ToString());
    }
}
