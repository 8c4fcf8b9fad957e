using Comity.Protocol.V1;

namespace Comity.Protocol.Tests.V1;

public sealed class RegisterLookupsTests
{
    // The vector's XA keys are valid from 2026-06-01T00:00Z (inclusive) to 2027-06-01T00:00Z (exclusive).
    private static readonly RegisterV1 Register = RegisterTestVector.Register();
    private static readonly RegisterKeyV1 Signing = Register.Nodes[0].Keys[0];

    [Fact]
    public void NodeFor_ListedState_ReturnsItsNode()
    {
        Assert.Equal(new Uri("https://xa.comity.example/"), RegisterLookups.NodeFor(Register, "XA")!.Endpoint);
    }

    [Fact]
    public void NodeFor_UnlistedState_ReturnsNull()
    {
        Assert.Null(RegisterLookups.NodeFor(Register, "XB"));
    }

    [Theory]
    [InlineData("2026-06-01T00:00:00Z")]
    [InlineData("2027-05-31T23:59:59Z")]
    public void FindNodeKey_WithinValidity_ReturnsTheKey(string at)
    {
        Assert.Equal(Signing, RegisterLookups.FindNodeKey(Register, "XA", Signing.Kid, DateTimeOffset.Parse(at)));
    }

    [Theory]
    [InlineData("XB", null, "2026-07-01T00:00:00Z", NodeKeyProblem.UnknownState, "no node for XB")]
    [InlineData("XA", "no-such-kid", "2026-07-01T00:00:00Z", NodeKeyProblem.UnknownKey, "no key no-such-kid")]
    [InlineData("XA", null, "2026-05-31T23:59:59Z", NodeKeyProblem.NotYetValid, "valid only from 2026-06-01T00:00:00Z")]
    [InlineData("XA", null, "2027-06-01T00:00:00Z", NodeKeyProblem.Expired, "expired at 2027-06-01T00:00:00Z")]
    public void ResolveNodeKey_NoUsableKey_SaysWhy(string state, string? kid, string at, NodeKeyProblem problem, string message)
    {
        var lookup = RegisterLookups.ResolveNodeKey(Register, state, kid ?? Signing.Kid, DateTimeOffset.Parse(at));

        Assert.False(lookup.Found);
        Assert.Null(lookup.Key);
        Assert.Equal(problem, lookup.Problem);
        Assert.Contains(message, lookup.Message, StringComparison.Ordinal);
        Assert.Null(RegisterLookups.FindNodeKey(Register, state, kid ?? Signing.Kid, DateTimeOffset.Parse(at)));
    }

    [Fact]
    public void FindNodeKey_KidIsCaseSensitive()
    {
        Assert.Null(RegisterLookups.FindNodeKey(Register, "XA", Signing.Kid.ToUpperInvariant(), DateTimeOffset.Parse("2026-07-01T00:00:00Z")));
    }
}
