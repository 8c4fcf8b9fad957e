using System.Security.Cryptography;
using System.Text;
using NSec.Cryptography;

namespace Comity.Protocol.Transparency;

/// <summary>One signature line of a note: the key name, the 4-byte key hash and the signature bytes after it.</summary>
public sealed record NoteSignature(string Name, uint KeyHash, ReadOnlyMemory<byte> Signature);

/// <summary>A note split into its body text and signature lines (not yet verified).</summary>
public sealed record ParsedNote(string Body, IReadOnlyList<NoteSignature> Signatures);

/// <summary>
/// The C2SP signed-note format: a UTF-8 text body ending in a newline, a blank line, then one or
/// more lines <c>— &lt;name&gt; &lt;base64(key hash || signature)&gt;</c>, where the key hash is the first
/// four bytes of SHA-256(name || "\n" || algorithm byte || public key).
/// </summary>
public static class SignedNote
{
    /// <summary>Algorithm byte of Ed25519 note signatures.</summary>
    public const byte Ed25519Algorithm = 0x01;

    /// <summary>Algorithm byte of timestamped Ed25519 witness cosignatures (cosignature/v1).</summary>
    public const byte CosignatureV1Algorithm = 0x04;

    /// <summary>A note with more signature lines than this is refused.</summary>
    public const int MaxSignatures = 100;

    private const string SignaturePrefix = "\u2014 ";

    /// <summary>The 4-byte key hash of a key, as a big-endian integer.</summary>
    public static uint KeyHash(string name, byte algorithm, PublicKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (ValidateName(name) is { } bad)
        {
            throw new ArgumentException(bad, nameof(name));
        }

        var nameBytes = Encoding.UTF8.GetBytes(name);
        var raw = key.Export(KeyBlobFormat.RawPublicKey);
        var input = new byte[nameBytes.Length + 2 + raw.Length];
        nameBytes.CopyTo(input, 0);
        input[nameBytes.Length] = (byte)'\n';
        input[nameBytes.Length + 1] = algorithm;
        raw.CopyTo(input, nameBytes.Length + 2);
        var hash = SHA256.HashData(input);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(hash);
    }

    /// <summary>Formats one signature line for the key <paramref name="name"/>.</summary>
    public static string FormatSignatureLine(string name, uint keyHash, ReadOnlySpan<byte> signature)
    {
        if (ValidateName(name) is { } bad)
        {
            throw new ArgumentException(bad, nameof(name));
        }

        var bytes = new byte[4 + signature.Length];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(bytes, keyHash);
        signature.CopyTo(bytes.AsSpan(4));
        return SignaturePrefix + name + " " + Convert.ToBase64String(bytes) + "\n";
    }

    /// <summary>Signs <paramref name="body"/> with an Ed25519 key: returns the whole note text.</summary>
    public static string Sign(string body, string name, Key key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (ValidateBody(body) is { } bad)
        {
            throw new ArgumentException(bad, nameof(body));
        }

        if (key.Algorithm is not Ed25519)
        {
            throw new ArgumentException("Notes are signed with Ed25519 keys.", nameof(key));
        }

        var signature = SignatureAlgorithm.Ed25519.Sign(key, Encoding.UTF8.GetBytes(body));
        return body + "\n" + FormatSignatureLine(name, KeyHash(name, Ed25519Algorithm, key.PublicKey), signature);
    }

    /// <summary>Appends a signature line to an existing note.</summary>
    public static string AddSignatureLine(string note, string signatureLine)
    {
        ArgumentNullException.ThrowIfNull(note);
        ArgumentNullException.ThrowIfNull(signatureLine);
        return note + signatureLine;
    }

    /// <summary>Splits a note into body and signatures; refuses malformed text with a reason. Never throws.</summary>
    public static bool TryParse(string? text, out ParsedNote? note, out string reason)
    {
        note = null;
        if (string.IsNullOrEmpty(text))
        {
            reason = "note is empty";
            return false;
        }

        if (!IsWellFormedUtf16(text))
        {
            reason = "note is not valid Unicode text";
            return false;
        }

        var split = text.LastIndexOf("\n\n", StringComparison.Ordinal);
        if (split < 0)
        {
            reason = "note has no blank line before its signatures";
            return false;
        }

        var body = text[..(split + 1)];
        if (ValidateBody(body) is { } badBody)
        {
            reason = badBody;
            return false;
        }

        var rest = text[(split + 2)..];
        if (rest.Length == 0 || rest[^1] != '\n')
        {
            reason = "signature block must end in a newline";
            return false;
        }

        var signatures = new List<NoteSignature>();
        foreach (var line in rest[..^1].Split('\n'))
        {
            if (signatures.Count == MaxSignatures)
            {
                reason = $"note has more than {MaxSignatures} signatures";
                return false;
            }

            if (!line.StartsWith(SignaturePrefix, StringComparison.Ordinal))
            {
                reason = "signature line must start with an em dash and a space";
                return false;
            }

            var fields = line[SignaturePrefix.Length..];
            var space = fields.IndexOf(' ', StringComparison.Ordinal);
            if (space <= 0)
            {
                reason = "signature line must be '— <name> <signature>'";
                return false;
            }

            var name = fields[..space];
            var value = fields[(space + 1)..];
            if (ValidateName(name) is { } badName)
            {
                reason = badName;
                return false;
            }

            byte[] bytes;
            try
            {
                bytes = Convert.FromBase64String(value);
            }
            catch (FormatException)
            {
                reason = $"signature of {name} is not base64";
                return false;
            }

            if (bytes.Length < 5 || !string.Equals(Convert.ToBase64String(bytes), value, StringComparison.Ordinal))
            {
                reason = $"signature of {name} is too short or not canonical base64";
                return false;
            }

            signatures.Add(new NoteSignature(name, System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(bytes), bytes.AsMemory(4)));
        }

        note = new ParsedNote(body, signatures);
        reason = "";
        return true;
    }

    /// <summary>Null if the key name is valid: non-empty, no whitespace, no '+'.</summary>
    public static string? ValidateName(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "key name must not be empty";
        }

        foreach (var c in name)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c) || c == '+')
            {
                return "key name must not contain spaces, control characters or '+'";
            }
        }

        return null;
    }

    private static string? ValidateBody(string? body)
    {
        if (string.IsNullOrEmpty(body) || body[^1] != '\n')
        {
            return "note body must be non-empty and end in a newline";
        }

        foreach (var c in body)
        {
            if (c != '\n' && char.IsControl(c))
            {
                return "note body must not contain control characters other than newline";
            }
        }

        return IsWellFormedUtf16(body) ? null : "note body is not valid Unicode text";
    }

    private static bool IsWellFormedUtf16(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return false;
                }

                i++;
            }
            else if (char.IsLowSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }
}
