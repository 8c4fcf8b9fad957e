namespace Comity.Node.Ui.Localization;

/// <summary>
/// Marker for <c>IStringLocalizer&lt;UiText&gt;</c>: the shared UI strings (layout, navigation,
/// dashboard, account pages) in <c>UiText.resx</c> and one satellite file per official language.
/// The node calls <c>AddLocalization()</c> without a resources path, so a resource file lives next
/// to its marker class and takes its namespace.
/// </summary>
public sealed class UiText
{
    private UiText()
    {
    }
}
