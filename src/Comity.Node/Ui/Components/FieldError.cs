namespace Comity.Node.Ui.Components;

/// <summary>A form field's error: the id of the input and the message shown beside it and in the summary.</summary>
public sealed record FieldError(string Field, string Message);

/// <summary>Helpers for pages that show <see cref="FieldError"/>s.</summary>
public static class FieldErrors
{
    public static string? For(this IEnumerable<FieldError> errors, string field) =>
        errors.FirstOrDefault(e => e.Field == field)?.Message;

    public static string? Invalid(this IEnumerable<FieldError> errors, string field) =>
        errors.Any(e => e.Field == field) ? "true" : null;

    public static string? DescribedBy(this IEnumerable<FieldError> errors, string field, string? hint = null)
    {
        var ids = new List<string>(2);
        if (hint is not null)
        {
            ids.Add(hint);
        }

        if (errors.Any(e => e.Field == field))
        {
            ids.Add(field + "-error");
        }

        return ids.Count == 0 ? null : string.Join(' ', ids);
    }
}
