using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Comity.Protocol.V1;

namespace Comity.Protocol.Tests.V1;

public sealed class RegisterJsonTests
{
    private static JsonObject VectorPayload() => JsonNode.Parse(RegisterTestVector.PayloadBytes())!.AsObject();

    private static RegisterV1 Read(JsonNode node) => RegisterJson.Deserialize(Encoding.UTF8.GetBytes(node.ToJsonString()));

    [Fact]
    public void Serialize_ThenDeserialize_GivesTheSameBytes()
    {
        var bytes = RegisterTestVector.PayloadBytes();

        Assert.Equal(bytes, RegisterJson.SerializeToUtf8Bytes(RegisterJson.Deserialize(bytes)));
    }

    [Fact]
    public void Serialize_UsesCamelCaseIsoDatesUtcInstantsAndHoursAndMinutes()
    {
        var json = Encoding.UTF8.GetString(RegisterTestVector.PayloadBytes());

        Assert.StartsWith("{\"version\":1,\"serial\":42,\"issuedAt\":\"2026-07-01T00:00:00Z\",\"nextUpdate\":\"2026-07-08T00:00:00Z\",\"treaty\":{\"entryIntoForce\":\"2027-03-01\"", json, StringComparison.Ordinal);
        Assert.Contains("\"from\":\"09:00\",\"to\":\"17:30\"", json, StringComparison.Ordinal);
        Assert.Contains("\"serviceProviders\":[{", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_NullsAreWrittenExceptInJwks()
    {
        var payload = VectorPayload();

        Assert.True(payload["treaty"]!.AsObject().ContainsKey("protocolThresholdReached"));
        Assert.Null(payload["treaty"]!["protocolThresholdReached"]);
        Assert.True(payload["designations"]![0]!["channels"]![0]!.AsObject().ContainsKey("label"));
        var encryptionJwk = payload["nodes"]![0]!["keys"]![1]!["jwk"]!.AsObject();
        Assert.Equal("X25519", (string?)encryptionJwk["crv"]);
        Assert.False(encryptionJwk.ContainsKey("alg"), "an absent JWK member is omitted, not null");
    }

    [Fact]
    public void Serialize_NonAsciiNamesAreWrittenAsUtf8()
    {
        Assert.Contains("\"République fictive XB\"", Encoding.UTF8.GetString(RegisterTestVector.PayloadBytes()), StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_InstantsWithOffsetsOrFractions_AreWrittenInUtcWithoutLosingPrecision()
    {
        var register = RegisterTestVector.Register() with
        {
            IssuedAt = new DateTimeOffset(2026, 7, 1, 2, 0, 0, TimeSpan.FromHours(2)),
            NextUpdate = new DateTimeOffset(2026, 7, 8, 0, 0, 0, TimeSpan.Zero).AddTicks(1_234_500),
        };

        var payload = JsonNode.Parse(RegisterJson.SerializeToUtf8Bytes(register))!;

        Assert.Equal("2026-07-01T00:00:00Z", (string?)payload["issuedAt"]);
        Assert.Equal("2026-07-08T00:00:00.1234500Z".Replace("00Z", "Z", StringComparison.Ordinal), (string?)payload["nextUpdate"]);
        Assert.Equal(register.NextUpdate, Read(payload).NextUpdate);
    }

    [Fact]
    public void Deserialize_UnknownMembers_AreIgnored()
    {
        var payload = VectorPayload();
        payload["addedInVersion1Point1"] = new JsonObject { ["anything"] = 1 };
        payload["designations"]![0]!.AsObject()["pager"] = "+999 1";

        var register = Read(payload);

        Assert.Equal(42, register.Serial);
        Assert.Equal("xa-central-authority", register.Designations[0].Id);
    }

    [Theory]
    [InlineData("issuedAt", "2026-07-01T02:00:00+02:00", "ending in Z")]
    [InlineData("issuedAt", "2026-07-01T00:00:00", "ending in Z")]
    [InlineData("issuedAt", "1 July 2026", "ending in Z")]
    public void Deserialize_InstantNotInUtcWithZ_IsRefused(string member, string value, string expected)
    {
        var payload = VectorPayload();
        payload[member] = value;

        var error = Assert.Throws<JsonException>(() => Read(payload));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2027-3-1")]
    [InlineData("01/03/2027")]
    [InlineData("2027-03-01T00:00:00Z")]
    public void Deserialize_DateNotYyyyMmDd_IsRefused(string value)
    {
        var payload = VectorPayload();
        payload["treaty"]!["entryIntoForce"] = value;

        var error = Assert.Throws<JsonException>(() => Read(payload));

        Assert.Contains("yyyy-MM-dd", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("09:00:30", 9, 0, 30)]
    [InlineData("23:59", 23, 59, 0)]
    public void Deserialize_TimesOfDay_AreRead(string value, int hour, int minute, int second)
    {
        var payload = VectorPayload();
        payload["designations"]![0]!["hours"]![0]!["from"] = value;

        Assert.Equal(new TimeOnly(hour, minute, second), Read(payload).Designations[0].Hours[0].From);
    }

    [Fact]
    public void Deserialize_TimeOfDayWithSeconds_IsWrittenBackWithSeconds()
    {
        var payload = VectorPayload();
        payload["designations"]![0]!["hours"]![0]!["from"] = "09:00:30";

        var written = JsonNode.Parse(RegisterJson.SerializeToUtf8Bytes(Read(payload)))!;

        Assert.Equal("09:00:30", (string?)written["designations"]![0]!["hours"]![0]!["from"]);
    }

    [Theory]
    [InlineData("serial")]
    [InlineData("nodes")]
    [InlineData("issuedAt")]
    public void Deserialize_MissingMember_IsRefused(string member)
    {
        var payload = VectorPayload();
        payload.Remove(member);

        Assert.Throws<JsonException>(() => Read(payload));
    }

    [Fact]
    public void Deserialize_NullWhereTheSchemaHasNone_IsRefused()
    {
        var payload = VectorPayload();
        payload["designations"]![0]!["office"] = null;

        Assert.Throws<JsonException>(() => Read(payload));
    }

    [Fact]
    public void Deserialize_SerialAsString_IsRefused()
    {
        var payload = VectorPayload();
        payload["serial"] = "42";

        Assert.Throws<JsonException>(() => Read(payload));
    }

    [Fact]
    public void Deserialize_DuplicateMember_IsRefused()
    {
        var json = Encoding.UTF8.GetString(RegisterTestVector.PayloadBytes()).Replace("{\"version\":1,\"serial\":42,", "{\"version\":1,\"serial\":42,\"serial\":43,", StringComparison.Ordinal);

        Assert.Throws<JsonException>(() => RegisterJson.Deserialize(Encoding.UTF8.GetBytes(json)));
    }
}
