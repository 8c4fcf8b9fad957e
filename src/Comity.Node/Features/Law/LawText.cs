namespace Comity.Node.Features.Law;

/// <summary>The law pages' strings: <c>LawText.resx</c> beside this type, one file per UN language. Keys that name a value are <c>Prefix_wireName</c>.</summary>
public sealed class LawText;
