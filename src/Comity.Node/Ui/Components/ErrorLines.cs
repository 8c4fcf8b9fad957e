using Comity.Node.Kernel;

namespace Comity.Node.Ui.Components;

/// <summary>An <see cref="Error"/> as a page lists it, in the words of its problem document.</summary>
public static class ErrorLines
{
    /// <summary>Each item (<c>field: message</c>, or the message when it names no field), or else the detail; none without an error.</summary>
    public static IReadOnlyList<string> Lines(this Error? error) =>
        error is null ? []
        : error.Items.Count > 0 ? [.. error.Items.Select(e => e.Field is null ? e.Message : $"{e.Field}: {e.Message}")]
        : [error.Detail];
}
