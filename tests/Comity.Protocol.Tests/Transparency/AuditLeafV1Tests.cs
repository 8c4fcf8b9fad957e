using System.Security.Cryptography;
using System.Text;
using Comity.Protocol.Transparency;
using CsCheck;

namespace Comity.Protocol.Tests.Transparency;

public sealed class AuditLeafV1Tests
{
    // docs/protocol/transparency-v1.md §6.1; the hash was computed independently with Python's hashlib.
    private const string DocumentedLeaf =
        "comity-audit-event/v1\n" +
        "id 0193c1f2-0000-7000-8000-000000000001\n" +
        "at 2026-11-02T09:00:00.000Z\n" +
        "actor user:3f2a\n" +
        "action treaty.instrument-recorded\n" +
        "type instrument\n" +
        "object 0193c1f2-0000-7000-8000-00000000000a\n" +
        "content n4bQgYhMfWWaL-qgxVrQFaO_TxsrC4Is0V1sFbDwCgg\n";

    private const string DocumentedLeafHash = "tLf9msDwW4Yaa+V3x5NzkPa9wrW0fe/3skqfmHEZ+1M=";

    private static readonly AuditLeafV1 DocumentedEvent = new(
        Guid.Parse("0193c1f2-0000-7000-8000-000000000001"),
        new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero),
        "user:3f2a",
        "treaty.instrument-recorded",
        "instrument",
        "0193c1f2-0000-7000-8000-00000000000a",
        "n4bQgYhMfWWaL-qgxVrQFaO_TxsrC4Is0V1sFbDwCgg");

    [Fact]
    public void ToBytes_OfTheDocumentedEvent_IsTheDocumentedLeafByteForByte()
    {
        var data = DocumentedEvent.ToBytes();

        Assert.Equal(Encoding.UTF8.GetBytes(DocumentedLeaf), data);
        Assert.Equal(DocumentedLeafHash, Convert.ToBase64String(LeafHash(data)));
    }

    [Fact]
    public void Doc_ShowsTheKnownAnswer()
    {
        var doc = File.ReadAllText(RepositoryFiles.Path("docs", "protocol", "transparency-v1.md")).ReplaceLineEndings("\n");

        Assert.Contains(DocumentedLeaf + "\nleaf hash = " + DocumentedLeafHash, doc, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_TheDocumentedLeaf_ReturnsItsEvent()
    {
        Assert.True(AuditLeafV1.TryParse(Encoding.UTF8.GetBytes(DocumentedLeaf), out var leaf, out var reason), reason);
        Assert.Equal(DocumentedEvent, leaf);
    }

    [Fact]
    public void ToBytes_WithoutContent_WritesADash_AndTheInstantToTheMillisecond()
    {
        var e = new AuditLeafV1(Guid.Empty, new DateTimeOffset(2026, 11, 2, 10, 0, 0, 123, TimeSpan.FromHours(1)).AddTicks(4567), "node", "a", "t", "o", null);

        var text = Encoding.UTF8.GetString(e.ToBytes());

        Assert.Equal("comity-audit-event/v1\nid 00000000-0000-0000-0000-000000000000\nat 2026-11-02T09:00:00.123Z\nactor node\naction a\ntype t\nobject o\ncontent -\n", text);
        Assert.True(AuditLeafV1.TryParse(e.ToBytes(), out var parsed, out var reason), reason);
        Assert.Null(parsed!.ContentSha256);
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 9, 0, 0, 123, TimeSpan.Zero), parsed.RecordedAt);
    }

    [Theory]
    [InlineData("", "end in a newline")]
    [InlineData("comity-audit-event/v1", "end in a newline")]
    [InlineData("comity-audit-event/v2\n", "field lines")]
    [InlineData("id 0193c1f2-0000-7000-8000-000000000001\n", "field lines")]
    public void TryParse_NotALeaf_IsRefusedWithAReason(string text, string expected)
    {
        Assert.False(AuditLeafV1.TryParse(Encoding.UTF8.GetBytes(text), out var leaf, out var reason));
        Assert.Null(leaf);
        Assert.Contains(expected, reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("id 0193c1f2-0000-7000-8000-000000000001", "id 0193C1F2-0000-7000-8000-000000000001", "canonical")]
    [InlineData("id 0193c1f2-0000-7000-8000-000000000001", "id 0193c1f2", "UUID")]
    [InlineData("at 2026-11-02T09:00:00.000Z", "at 2026-11-02T09:00:00Z", "millisecond")]
    [InlineData("at 2026-11-02T09:00:00.000Z", "at 2026-11-02T10:00:00.000+01:00", "millisecond")]
    [InlineData("actor user:3f2a", "actor ", "actor must have")]
    [InlineData("actor user:3f2a", "actor user:3f2a\tx", "control characters")]
    [InlineData("action treaty.instrument-recorded\ntype instrument", "type instrument\naction treaty.instrument-recorded", "action field")]
    [InlineData("content n4bQgYhMfWWaL-qgxVrQFaO_TxsrC4Is0V1sFbDwCgg\n", "content n4bQgYhMfWWaL-qgxVrQFaO_TxsrC4Is0V1sFbDwCgg\nextra x\n", "field lines")]
    public void TryParse_AVariantOfTheDocumentedLeaf_IsRefused(string original, string variant, string expected)
    {
        var text = DocumentedLeaf.Replace(original, variant, StringComparison.Ordinal);
        Assert.NotEqual(DocumentedLeaf, text);

        Assert.False(AuditLeafV1.TryParse(Encoding.UTF8.GetBytes(text), out _, out var reason));
        Assert.Contains(expected, reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_InvalidUtf8_IsRefused()
    {
        byte[] data = [.. Encoding.UTF8.GetBytes(DocumentedLeaf.Replace("user:3f2a", "user:", StringComparison.Ordinal))];
        var at = Array.IndexOf(data, (byte)':') + 1;
        data = [.. data[..at], 0xFF, .. data[at..]];

        Assert.False(AuditLeafV1.TryParse(data, out _, out var reason));
        Assert.Equal("leaf data must be UTF-8", reason);
    }

    [Fact]
    public void ToBytesThenTryParse_RoundTripsEveryValidEvent()
    {
        var value = Gen.Char["abz09:._-/ é€你"].Array[1, AuditLeafV1.MaxFieldLength].Select(c => new string(c));
        var events = Gen.Select(Gen.Guid, Gen.Long[0, DateTimeOffset.MaxValue.UtcTicks], value, value, value, value, value.Where(v => v != "-").Null(),
            (id, ticks, actor, action, type, obj, content) =>
                new AuditLeafV1(id, new DateTimeOffset(ticks - (ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero), actor, action, type, obj, content));

        events.Sample(e =>
        {
            Assert.True(AuditLeafV1.TryParse(e.ToBytes(), out var parsed, out var reason), reason);
            Assert.Equal(e, parsed);
        }, iter: 300);
    }

    private static byte[] LeafHash(byte[] data) => SHA256.HashData([0x00, .. data]);
}
