using System.Diagnostics.CodeAnalysis;

namespace Comity.Domain.Treaty;

/// <summary>
/// Identifies a State or a regional economic integration organization: an ISO 3166-1 alpha-2 code
/// in upper case (<c>FR</c>), or <c>EU</c> for the European Union. Only well-formed codes can be
/// created; whether the code is a participant at all is <see cref="ParticipantCatalogue"/>'s business.
/// </summary>
public readonly record struct ParticipantCode
{
    private readonly string? _value;

    private ParticipantCode(string value) => _value = value;

    public string Value => _value ?? throw new InvalidOperationException("Default ParticipantCode has no value.");

    public static bool TryCreate([NotNullWhen(true)] string? value, out ParticipantCode code)
    {
        code = default;
        if (value is null)
        {
            return false;
        }

        var trimmed = value.Trim();
        if (trimmed.Length != 2 || !char.IsAsciiLetter(trimmed[0]) || !char.IsAsciiLetter(trimmed[1]))
        {
            return false;
        }

        code = new ParticipantCode(trimmed.ToUpperInvariant());
        return true;
    }

    public static ParticipantCode Create(string value) =>
        TryCreate(value, out var code)
            ? code
            : throw new ArgumentException($"'{value}' is not an ISO 3166-1 alpha-2 code or EU.", nameof(value));

    public override string ToString() => _value ?? string.Empty;
}
