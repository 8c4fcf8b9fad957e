namespace Comity.Protocol.Jose;

/// <summary>base64url without padding (RFC 7515 section 2).</summary>
public static class Base64Url
{
    public static string Encode(ReadOnlySpan<byte> data) =>
        Convert.ToBase64String(data).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>
    /// Decodes base64url without padding. Only the canonical encoding is accepted: padding, whitespace,
    /// characters of the standard alphabet and non-zero trailing bits are refused with
    /// <see cref="FormatException"/>, so one byte string has exactly one text form and a signed
    /// document cannot be altered without changing its bytes.
    /// </summary>
    public static byte[] Decode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var c in text)
        {
            if (c is not ((>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_'))
            {
                throw new FormatException("Not base64url without padding: only A–Z, a–z, 0–9, '-' and '_' are allowed.");
            }
        }

        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += (padded.Length % 4) switch
        {
            0 => "",
            2 => "==",
            3 => "=",
            _ => throw new FormatException("Invalid base64url length."),
        };
        var bytes = Convert.FromBase64String(padded);
        if (!string.Equals(Encode(bytes), text, StringComparison.Ordinal))
        {
            throw new FormatException("Not the canonical base64url encoding (non-zero trailing bits).");
        }

        return bytes;
    }
}
