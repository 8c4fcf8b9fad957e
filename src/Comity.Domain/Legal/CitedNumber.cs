namespace Comity.Domain.Legal;

/// <summary>A fixed number of the Convention together with the provision that sets it.</summary>
public sealed record CitedNumber(int Value, ArticleReference Basis, string Meaning)
{
    public override string ToString() => $"{Value.ToString(System.Globalization.CultureInfo.InvariantCulture)} {Meaning} ({Basis})";
}
