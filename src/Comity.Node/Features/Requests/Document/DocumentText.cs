namespace Comity.Node.Features.Requests.Document;

/// <summary>The formal document's own strings (its labels, the links to it and the page that checks it): <c>DocumentText.resx</c> beside this type, one file per UN language.</summary>
public sealed class DocumentText;
