namespace Comity.Node.Features.Drafts;

/// <summary>The drafts card's strings: <c>DraftsText.resx</c> beside this type, one file per UN language.</summary>
public sealed class DraftsText;
