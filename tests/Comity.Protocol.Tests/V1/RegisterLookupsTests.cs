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

    // Treaty facts as the depositary published them: XA in force from 2027-03-01, XC from 2027-03-01 until its
    // denunciation takes effect on 2028-04-01, XB a signatory only, XD not listed at all.
    private static readonly RegisterV1 Treaty = Register with
    {
        Participants =
        [
            .. Register.Participants,
            new RegisterParticipantV1("XC", "Fictional State XC", "memberState", null, "accession", new DateOnly(2026, 9, 1), new DateOnly(2027, 3, 1), new DateOnly(2028, 4, 1)),
        ],
    };

    [Theory]
    [InlineData("XA", "2027-02-28", false)]
    [InlineData("XA", "2027-03-01", true)]
    [InlineData("XA", "2040-01-01", true)]
    [InlineData("XB", "2030-01-01", false)]
    [InlineData("XC", "2027-03-01", true)]
    [InlineData("XC", "2028-03-31", true)]
    [InlineData("XC", "2028-04-01", false)]
    [InlineData("XD", "2030-01-01", false)]
    public void IsPartyOn_FollowsThePublishedInForceAndDenunciationDates(string code, string on, bool party)
    {
        Assert.Equal(party, RegisterLookups.IsPartyOn(Treaty, code, DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("XA", "XC", "2027-03-01", true)]
    [InlineData("XC", "XA", "2028-04-01", false)]
    [InlineData("XA", "XB", "2030-01-01", false)]
    [InlineData("XA", "XA", "2030-01-01", false)]
    public void IsInForceBetween_NeedsTwoDistinctParties(string a, string b, string on, bool inForce)
    {
        Assert.Equal(inForce, RegisterLookups.IsInForceBetween(Treaty, a, b, DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
