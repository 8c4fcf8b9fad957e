using System.Globalization;
using Comity.Domain.Legal;

namespace Comity.Domain.Cooperation;

/// <summary>How confidential the request and what it yields must stay. Ordered from least to most restrictive.</summary>
public enum Confidentiality
{
    /// <summary>No condition beyond the law.</summary>
    None,

    /// <summary>The fact and substance of the request stay confidential, except as needed to execute it (Art. 40).</summary>
    Confidential,

    /// <summary>Confidential, and the account holder or user must not be notified (Art. 42).</summary>
    DoNotNotifyHolder,
}

/// <summary>What the receiving side may use the data or information for. Ordered from least to most restrictive.</summary>
public enum UseLimitation
{
    /// <summary>No condition beyond the law.</summary>
    None,

    /// <summary>Only for the investigation, prosecution or proceedings stated in the request, unless the sender consents (Art. 40).</summary>
    StatedPurposeOnly,

    /// <summary>As intelligence to guide the stated investigation only, never as evidence without the sender's consent.</summary>
    IntelligenceOnly,
}

/// <summary>Whether the data may go on to a third State or an international organization. Ordered from least to most restrictive.</summary>
public enum OnwardTransfer
{
    /// <summary>Only with the sender's prior authorization: the Convention's floor (Art. 36(3)).</summary>
    WithPriorAuthorization,

    /// <summary>Only with the sender's prior authorization given in writing (Art. 36(3)).</summary>
    WithWrittenAuthorization,

    /// <summary>Not at all.</summary>
    Prohibited,
}

/// <summary>Wire names of the ordered condition dimensions.</summary>
public static class ConditionNames
{
    public static string Wire(this Confidentiality value) => value switch
    {
        Confidentiality.None => "none",
        Confidentiality.Confidential => "confidential",
        Confidentiality.DoNotNotifyHolder => "doNotNotifyHolder",
    };

    public static string Wire(this UseLimitation value) => value switch
    {
        UseLimitation.None => "none",
        UseLimitation.StatedPurposeOnly => "statedPurposeOnly",
        UseLimitation.IntelligenceOnly => "intelligenceOnly",
    };

    public static string Wire(this OnwardTransfer value) => value switch
    {
        OnwardTransfer.WithPriorAuthorization => "withPriorAuthorization",
        OnwardTransfer.WithWrittenAuthorization => "withWrittenAuthorization",
        OnwardTransfer.Prohibited => "prohibited",
    };

    public static bool TryParse(string? wire, out Confidentiality value) => WireNames.TryParse(wire, Wire, out value);

    public static bool TryParse(string? wire, out UseLimitation value) => WireNames.TryParse(wire, Wire, out value);

    public static bool TryParse(string? wire, out OnwardTransfer value) => WireNames.TryParse(wire, Wire, out value);

    /// <summary>True when every dimension holds a defined value (a cast integer may not).</summary>
    public static bool IsDefined(HandlingConditions conditions) =>
        conditions is not null && Enum.IsDefined(conditions.Confidentiality) && Enum.IsDefined(conditions.UseLimitation) && Enum.IsDefined(conditions.OnwardTransfer);
}

/// <summary>
/// The handling conditions that travel with a request and its answers (Art. 36; Art. 40 for
/// confidentiality and use limitation). Each dimension is totally ordered by restrictiveness; the
/// conditions as a whole are ordered dimension by dimension, and <see cref="Combine"/> takes the most
/// restrictive value of each dimension (the least upper bound), so that combining never loses a
/// condition whatever the order. A single total order over the whole would have to rank, say,
/// confidentiality against use limitation and drop one of them.
/// </summary>
public sealed record HandlingConditions
{
    private readonly IReadOnlyList<string> _dataProtection = [];

    /// <summary>No condition beyond the Convention's floor (onward transfer only with prior authorization).</summary>
    public static HandlingConditions None { get; } = new();

    public Confidentiality Confidentiality { get; init; }

    public UseLimitation UseLimitation { get; init; }

    public OnwardTransfer OnwardTransfer { get; init; }

    /// <summary>Delete the data after at most this many days (Art. 36(1) condition); null is no limit. Fewer days is more restrictive.</summary>
    public int? RetentionDays { get; init; }

    /// <summary>Further data-protection conditions in the sender's words (Art. 36(1)): trimmed, distinct, in ordinal order. More conditions is more restrictive.</summary>
    public IReadOnlyList<string> DataProtection
    {
        get => _dataProtection;
        init => _dataProtection = Normalize(value);
    }

    /// <summary>The most restrictive value of every dimension of both; null adds nothing.</summary>
    public HandlingConditions Combine(HandlingConditions? other)
    {
        if (other is null)
        {
            return this;
        }

        return new HandlingConditions
        {
            Confidentiality = Max(Confidentiality, other.Confidentiality),
            UseLimitation = Max(UseLimitation, other.UseLimitation),
            OnwardTransfer = Max(OnwardTransfer, other.OnwardTransfer),
            RetentionDays = (RetentionDays, other.RetentionDays) switch
            {
                (int a, int b) => Math.Min(a, b),
                (int a, null) => a,
                (null, var b) => b,
            },
            DataProtection = [.. DataProtection, .. other.DataProtection],
        };
    }

    public static HandlingConditions MostRestrictive(IEnumerable<HandlingConditions> conditions)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        return conditions.Aggregate(None, (all, next) => all.Combine(next));
    }

    /// <summary>True when no dimension of this is less restrictive than the same dimension of <paramref name="other"/>.</summary>
    public bool IsAtLeastAsRestrictiveAs(HandlingConditions other) =>
        ConditionsMayNeverBeLowered.Check(other, this).Count == 0;

    public bool Equals(HandlingConditions? other) =>
        other is not null
        && Confidentiality == other.Confidentiality
        && UseLimitation == other.UseLimitation
        && OnwardTransfer == other.OnwardTransfer
        && RetentionDays == other.RetentionDays
        && DataProtection.SequenceEqual(other.DataProtection, StringComparer.Ordinal);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Confidentiality);
        hash.Add(UseLimitation);
        hash.Add(OnwardTransfer);
        hash.Add(RetentionDays);
        foreach (var condition in DataProtection)
        {
            hash.Add(condition, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    private static T Max<T>(T a, T b)
        where T : struct, Enum => Comparer<T>.Default.Compare(a, b) >= 0 ? a : b;

    private static string[] Normalize(IReadOnlyList<string>? conditions) =>
        conditions is null ? [] : [.. conditions.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}

/// <summary>
/// A side that received data under conditions can never lower them: whatever it records, forwards or
/// answers with must be at least as restrictive, dimension by dimension (Art. 36; onward transfer
/// Art. 36(3)). Returns one problem per lowered dimension.
/// </summary>
public static class ConditionsMayNeverBeLowered
{
    public const string Code = "conditions.lowered";

    public static ArticleReference Basis => Convention.Art(36);

    public static IReadOnlyList<RuleViolation> Check(HandlingConditions received, HandlingConditions proposed)
    {
        ArgumentNullException.ThrowIfNull(received);
        ArgumentNullException.ThrowIfNull(proposed);
        var problems = new List<RuleViolation>();
        if (proposed.Confidentiality < received.Confidentiality)
        {
            problems.Add(Lowered("conditions.confidentiality", $"Confidentiality cannot go from {received.Confidentiality} down to {proposed.Confidentiality}.", Basis));
        }

        if (proposed.UseLimitation < received.UseLimitation)
        {
            problems.Add(Lowered("conditions.useLimitation", $"The use limitation cannot go from {received.UseLimitation} down to {proposed.UseLimitation}.", Basis));
        }

        if (proposed.OnwardTransfer < received.OnwardTransfer)
        {
            problems.Add(Lowered("conditions.onwardTransfer", $"Onward transfer cannot go from {received.OnwardTransfer} down to {proposed.OnwardTransfer}: it needs the sender's consent.", Convention.Art(36, 3)));
        }

        if (received.RetentionDays is int limit && (proposed.RetentionDays is null || proposed.RetentionDays > limit))
        {
            var proposedText = proposed.RetentionDays is int p ? p.ToString(CultureInfo.InvariantCulture) + " days" : "no limit";
            problems.Add(Lowered("conditions.retentionDays", string.Create(CultureInfo.InvariantCulture, $"Retention cannot go from at most {limit} days to {proposedText}."), Basis));
        }

        foreach (var missing in received.DataProtection.Except(proposed.DataProtection, StringComparer.Ordinal))
        {
            problems.Add(Lowered("conditions.dataProtection", $"The data-protection condition \"{missing}\" cannot be dropped.", Basis));
        }

        return problems;
    }

    private static RuleViolation Lowered(string field, string message, ArticleReference basis) =>
        new(Code, message, basis) { Field = field, Rule = nameof(ConditionsMayNeverBeLowered) };
}
