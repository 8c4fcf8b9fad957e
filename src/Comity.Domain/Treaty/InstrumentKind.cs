namespace Comity.Domain.Treaty;

/// <summary>The acts a participant performs with the depositary (Arts. 64 and 67).</summary>
public enum InstrumentKind
{
    Signature,
    Ratification,
    Acceptance,
    Approval,
    Accession,
    Denunciation,
}

public static class InstrumentKinds
{
    /// <summary>Ratification, acceptance, approval and accession express consent to be bound (Art. 64).</summary>
    public static bool IsConsentToBeBound(this InstrumentKind kind) => kind switch
    {
        InstrumentKind.Ratification or InstrumentKind.Acceptance or InstrumentKind.Approval or InstrumentKind.Accession => true,
        InstrumentKind.Signature or InstrumentKind.Denunciation => false,
    };

    /// <summary>Ratification, acceptance and approval follow a signature; accession does not (Art. 64(2), (3)).</summary>
    public static bool RequiresSignature(this InstrumentKind kind) => kind switch
    {
        InstrumentKind.Ratification or InstrumentKind.Acceptance or InstrumentKind.Approval => true,
        InstrumentKind.Signature or InstrumentKind.Accession or InstrumentKind.Denunciation => false,
    };

    /// <summary>Order of acts on the same day by the same participant: sign, then consent, then denounce.</summary>
    public static int SameDayRank(this InstrumentKind kind) => kind switch
    {
        InstrumentKind.Signature => 0,
        InstrumentKind.Ratification or InstrumentKind.Acceptance or InstrumentKind.Approval or InstrumentKind.Accession => 1,
        InstrumentKind.Denunciation => 2,
    };

    /// <summary>The lower-case English word used in scenario files and messages.</summary>
    public static string ToKeyword(this InstrumentKind kind) => kind switch
    {
        InstrumentKind.Signature => "signature",
        InstrumentKind.Ratification => "ratification",
        InstrumentKind.Acceptance => "acceptance",
        InstrumentKind.Approval => "approval",
        InstrumentKind.Accession => "accession",
        InstrumentKind.Denunciation => "denunciation",
    };

    public static bool TryParseKeyword(string? text, out InstrumentKind kind)
    {
        foreach (var candidate in Enum.GetValues<InstrumentKind>())
        {
            if (string.Equals(text?.Trim(), candidate.ToKeyword(), StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
