using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Comity.Protocol.V1;

/// <summary>
/// The one JSON form of the Register payload (docs/protocol/register-v1.md): camelCase members in
/// declaration order, no indentation, dates <c>yyyy-MM-dd</c>, instants UTC with <c>Z</c>
/// (<c>2026-07-01T00:00:00Z</c>, fractions only when present), times of day <c>HH:mm</c>, absent
/// optional values written as <c>null</c> so that every member of the schema is always present —
/// except in JWKs, whose optional members are omitted as RFC 7517 implementations expect.
/// Reading ignores unknown members (newer minor additions), and refuses duplicate members, missing
/// members, <c>null</c> where the schema has no null, and instants without <c>Z</c>.
/// </summary>
public static class RegisterJson
{
    /// <summary>The options used both to write the signed payload and to read it.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>The exact payload bytes that are signed.</summary>
    public static byte[] SerializeToUtf8Bytes(RegisterV1 register)
    {
        ArgumentNullException.ThrowIfNull(register);
        return JsonSerializer.SerializeToUtf8Bytes(register, Options);
    }

    /// <summary>Reads a payload; throws <see cref="JsonException"/> when it does not follow the schema.</summary>
    public static RegisterV1 Deserialize(ReadOnlySpan<byte> utf8Json) =>
        JsonSerializer.Deserialize<RegisterV1>(utf8Json, Options) ?? throw new JsonException("The Register payload is null.");

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
            AllowDuplicateProperties = false,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            NumberHandling = JsonNumberHandling.Strict,
            WriteIndented = false,
            // The payload is never embedded in HTML; names in all six UN languages stay readable in the bytes.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { OmitAbsentJwkMembers } },
        };
        options.Converters.Add(new UtcInstantConverter());
        options.Converters.Add(new IsoDateConverter());
        options.Converters.Add(new TimeOfDayConverter());
        options.MakeReadOnly();
        return options;
    }

    private static void OmitAbsentJwkMembers(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Type != typeof(Jwk))
        {
            return;
        }

        foreach (var property in typeInfo.Properties)
        {
            if (property.PropertyType == typeof(string))
            {
                property.ShouldSerialize = static (_, value) => value is not null;
            }
        }
    }

    /// <summary>Instants: written in UTC with <c>Z</c>; read only when they carry <c>Z</c> (no local times, no offsets to misread).</summary>
    private sealed class UtcInstantConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            if (text is null || !text.EndsWith('Z') || !reader.TryGetDateTimeOffset(out var value))
            {
                throw new JsonException($"An instant must be an ISO 8601 UTC date and time ending in Z, such as 2026-07-01T09:30:00Z, not {Shown(text)}.");
            }

            return value.ToUniversalTime();
        }

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
    }

    private sealed class IsoDateConverter : JsonConverter<DateOnly>
    {
        public override DateOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
                ? value
                : throw new JsonException($"A date must be written yyyy-MM-dd, not {Shown(text)}.");
        }

        public override void Write(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    /// <summary>Times of day in an office's time zone: <c>HH:mm</c>, or <c>HH:mm:ss</c> when seconds are present.</summary>
    private sealed class TimeOfDayConverter : JsonConverter<TimeOnly>
    {
        private static readonly string[] Formats = ["HH:mm", "HH:mm:ss", "HH:mm:ss.FFFFFFF"];

        public override TimeOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            return TimeOnly.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
                ? value
                : throw new JsonException($"A time of day must be written HH:mm (24-hour clock), not {Shown(text)}.");
        }

        public override void Write(Utf8JsonWriter writer, TimeOnly value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString(value.Ticks % TimeSpan.TicksPerMinute == 0 ? "HH:mm" : "HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture));
    }

    private static string Shown(string? text) => text is null ? "a non-string value" : $"'{text}'";
}
