namespace Comity.Domain.Cooperation;

/// <summary>The two parties to a request. Each side owns its own transitions (DESIGN.md §6).</summary>
public enum Side
{
    /// <summary>The State that sends the request: submits, answers questions, asks for extensions, links the follow-up, withdraws.</summary>
    Requesting,

    /// <summary>The State that receives the request: acknowledges, preserves, discloses, answers, refuses, asks for information, closes.</summary>
    Requested,
}

/// <summary>Wire names of <see cref="Side"/>.</summary>
public static class Sides
{
    public static string Wire(this Side side) => side switch
    {
        Side.Requesting => "requesting",
        Side.Requested => "requested",
    };

    public static Side Other(this Side side) => side switch
    {
        Side.Requesting => Side.Requested,
        Side.Requested => Side.Requesting,
    };

    public static bool TryParse(string? wire, out Side side) => WireNames.TryParse(wire, Wire, out side);
}
