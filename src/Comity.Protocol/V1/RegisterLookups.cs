namespace Comity.Protocol.V1;

/// <summary>Why a node key was not found in a Register.</summary>
public enum NodeKeyProblem
{
    None,

    /// <summary>The Register lists no node for the State.</summary>
    UnknownState,

    /// <summary>The State's node has no key with that <c>kid</c>.</summary>
    UnknownKey,

    /// <summary>The key exists but its <c>notBefore</c> is later than the instant asked about.</summary>
    NotYetValid,

    /// <summary>The key exists but its <c>notAfter</c> has passed at the instant asked about.</summary>
    Expired,
}

/// <summary>A key found in the Register, or the reason there is none to use.</summary>
public sealed record NodeKeyLookup(RegisterKeyV1? Key, NodeKeyProblem Problem, string Message)
{
    public bool Found => Key is not null;
}

/// <summary>Questions a node asks the Register it holds when routing and when checking signed messages from peers.</summary>
public static class RegisterLookups
{
    /// <summary>The node serving <paramref name="state"/> (ISO 3166-1 alpha-2, upper case, or <c>UN</c>), or null.</summary>
    public static RegisterNodeV1? NodeFor(RegisterV1 register, string state)
    {
        ArgumentNullException.ThrowIfNull(register);
        ArgumentNullException.ThrowIfNull(state);
        return register.Nodes.FirstOrDefault(n => string.Equals(n.State, state, StringComparison.Ordinal));
    }

    /// <summary>
    /// The key <paramref name="kid"/> of <paramref name="state"/>'s node if it is valid at
    /// <paramref name="at"/> (<c>notBefore &lt;= at &lt; notAfter</c>); null otherwise, so a message
    /// signed with an unknown, not-yet-valid or expired key is refused.
    /// </summary>
    public static RegisterKeyV1? FindNodeKey(RegisterV1 register, string state, string kid, DateTimeOffset at) =>
        ResolveNodeKey(register, state, kid, at).Key;

    /// <summary>As <see cref="FindNodeKey"/>, with the reason when there is no key to use.</summary>
    public static NodeKeyLookup ResolveNodeKey(RegisterV1 register, string state, string kid, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(kid);
        if (NodeFor(register, state) is not { } node)
        {
            return new NodeKeyLookup(null, NodeKeyProblem.UnknownState, $"The Register lists no node for {state}.");
        }

        if (node.Keys.FirstOrDefault(k => string.Equals(k.Kid, kid, StringComparison.Ordinal)) is not { } key)
        {
            return new NodeKeyLookup(null, NodeKeyProblem.UnknownKey, $"The node of {state} has no key {kid} in the Register.");
        }

        if (at < key.NotBefore)
        {
            return new NodeKeyLookup(null, NodeKeyProblem.NotYetValid, $"Key {kid} of {state} is valid only from {RegisterVerifier.Instant(key.NotBefore)}, not at {RegisterVerifier.Instant(at)}.");
        }

        if (at >= key.NotAfter)
        {
            return new NodeKeyLookup(null, NodeKeyProblem.Expired, $"Key {kid} of {state} expired at {RegisterVerifier.Instant(key.NotAfter)}, before {RegisterVerifier.Instant(at)}.");
        }

        return new NodeKeyLookup(key, NodeKeyProblem.None, $"Key {kid} of {state} is valid at {RegisterVerifier.Instant(at)}.");
    }

    /// <summary>
    /// The participant's entry in the Register (ISO 3166-1 alpha-2 code or <c>EU</c>), or null when the
    /// Register lists no such participant.
    /// </summary>
    public static RegisterParticipantV1? ParticipantFor(RegisterV1 register, string code)
    {
        ArgumentNullException.ThrowIfNull(register);
        ArgumentNullException.ThrowIfNull(code);
        return register.Participants.FirstOrDefault(p => string.Equals(p.Code, code, StringComparison.Ordinal));
    }

    /// <summary>
    /// Whether the Convention is in force for the participant on the date, by the dates the depositary
    /// published: from <c>inForceFrom</c> inclusive until <c>denunciationEffective</c>, exclusive (Arts. 65, 67).
    /// A participant the Register does not list, or lists without an in-force date, is not a party.
    /// </summary>
    public static bool IsPartyOn(RegisterV1 register, string code, DateOnly on) =>
        ParticipantFor(register, code) is { InForceFrom: { } from } participant
        && from <= on
        && (participant.DenunciationEffective is not { } until || on < until);

    /// <summary>Whether the Convention is in force between two participants on the date: both are parties then (Art. 65).</summary>
    public static bool IsInForceBetween(RegisterV1 register, string a, string b, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return !string.Equals(a, b, StringComparison.Ordinal) && IsPartyOn(register, a, on) && IsPartyOn(register, b, on);
    }
}
