using System.Globalization;
using System.Text;

namespace Comity.Protocol.Transparency;

/// <summary>
/// A transparency log checkpoint (C2SP tlog-checkpoint): the body of a signed note made of the
/// origin line, the tree size in decimal, the base64 root hash and optional extension lines,
/// each ending in a newline.
/// </summary>
public sealed record Checkpoint
{
    public const int RootHashSize = 32;

    public Checkpoint(string origin, long treeSize, ReadOnlyMemory<byte> rootHash, IReadOnlyList<string>? extensions = null)
    {
        ArgumentNullException.ThrowIfNull(origin);
        if (ValidateOrigin(origin) is { } bad)
        {
            throw new ArgumentException(bad, nameof(origin));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(treeSize);
        if (rootHash.Length != RootHashSize)
        {
            throw new ArgumentException($"A root hash is {RootHashSize} bytes.", nameof(rootHash));
        }

        foreach (var line in extensions ?? [])
        {
            if (ValidateLine(line, "extension line") is { } badLine)
            {
                throw new ArgumentException(badLine, nameof(extensions));
            }
        }

        Origin = origin;
        TreeSize = treeSize;
        RootHash = rootHash.ToArray();
        Extensions = [.. extensions ?? []];
    }

    /// <summary>The log's unique identity, e.g. <c>comity.example.org/log</c> (a schema-less URL).</summary>
    public string Origin { get; }

    public long TreeSize { get; }

    public ReadOnlyMemory<byte> RootHash { get; }

    public IReadOnlyList<string> Extensions { get; }

    /// <summary>Equal when origin, size, root bytes and extension lines are equal (two of the same size and origin that differ are a split view).</summary>
    public bool Equals(Checkpoint? other) =>
        other is not null
        && string.Equals(Origin, other.Origin, StringComparison.Ordinal)
        && TreeSize == other.TreeSize
        && RootHash.Span.SequenceEqual(other.RootHash.Span)
        && Extensions.SequenceEqual(other.Extensions, StringComparer.Ordinal);

    public override int GetHashCode() => HashCode.Combine(Origin, TreeSize, Convert.ToHexString(RootHash.Span));

    /// <summary>The checkpoint as note body text (the bytes that are signed).</summary>
    public string ToBody()
    {
        var sb = new StringBuilder();
        sb.Append(Origin).Append('\n');
        sb.Append(TreeSize.ToString(CultureInfo.InvariantCulture)).Append('\n');
        sb.Append(Convert.ToBase64String(RootHash.Span)).Append('\n');
        foreach (var line in Extensions)
        {
            sb.Append(line).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>Parses a note body as a checkpoint; refuses anything not in canonical form, with a reason.</summary>
    public static bool TryParse(string? body, out Checkpoint? checkpoint, out string reason)
    {
        checkpoint = null;
        if (string.IsNullOrEmpty(body) || body[^1] != '\n')
        {
            reason = "checkpoint body must end in a newline";
            return false;
        }

        var lines = body[..^1].Split('\n');
        if (lines.Length < 3)
        {
            reason = "checkpoint needs an origin, a tree size and a root hash line";
            return false;
        }

        if (ValidateOrigin(lines[0]) is { } badOrigin)
        {
            reason = badOrigin;
            return false;
        }

        var size = lines[1];
        if (size.Length == 0 || size.Length > 19 || !size.All(char.IsAsciiDigit) || (size.Length > 1 && size[0] == '0')
            || !long.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out var treeSize))
        {
            reason = "tree size must be a decimal number without sign or leading zeros";
            return false;
        }

        var root = new byte[RootHashSize];
        if (!Convert.TryFromBase64String(lines[2], root, out var written) || written != RootHashSize
            || !string.Equals(Convert.ToBase64String(root), lines[2], StringComparison.Ordinal))
        {
            reason = $"root hash must be {RootHashSize} bytes in standard padded base64";
            return false;
        }

        for (var i = 3; i < lines.Length; i++)
        {
            if (ValidateLine(lines[i], "extension line") is { } badLine)
            {
                reason = badLine;
                return false;
            }
        }

        checkpoint = new Checkpoint(lines[0], treeSize, root, lines[3..]);
        reason = "";
        return true;
    }

    private static string? ValidateOrigin(string origin) =>
        origin.Length == 0 ? "origin must not be empty" : ValidateLine(origin, "origin");

    private static string? ValidateLine(string line, string what)
    {
        if (line.Length == 0)
        {
            return $"{what} must not be empty";
        }

        foreach (var c in line)
        {
            if (char.IsControl(c))
            {
                return $"{what} must not contain control characters or newlines";
            }
        }

        return null;
    }
}
