using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Comity.Protocol.V1;

namespace Comity.Node.Federation.Register;

/// <summary>How the Register payload is written and read: camelCase members, ISO 8601 dates and UTC instants, absent nulls.</summary>
internal static class RegisterJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.Strict,
    };

    public static byte[] Serialize(RegisterV1 register) => JsonSerializer.SerializeToUtf8Bytes(register, Options);

    /// <summary>The payload as a Register, or null with the reason when it is not one.</summary>
    public static RegisterV1? TryParse(byte[] payload, out string? error)
    {
        try
        {
            var register = JsonSerializer.Deserialize<RegisterV1>(payload, Options);
            error = register switch
            {
                null => "The payload is empty.",
                { Treaty: null } or { Participants: null } or { Nodes: null } or { Designations: null } or { ServiceProviders: null } =>
                    "The payload lacks one of treaty, participants, nodes, designations, serviceProviders.",
                { Version: not RegisterV1.CurrentVersion } => $"The payload is Register version {register.Version}; this node reads version {RegisterV1.CurrentVersion}.",
                _ when register.Nodes.Any(n => n?.Keys is null || n.State is null || n.Endpoint is null) => "A node entry lacks its state, endpoint or keys.",
                _ => null,
            };
            return error is null ? register : null;
        }
        catch (JsonException e)
        {
            error = "The payload is not a Register: " + e.Message;
            return null;
        }
    }

    /// <summary>Lower-case hex SHA-256.</summary>
    public static string Sha256(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(SHA256.HashData(data));
}
