namespace Comity.Node.Features.Requests;

/// <summary>The 24/7 request pages' strings: <c>RequestsText.resx</c> beside this type, one file per UN language.</summary>
public sealed class RequestsText;
