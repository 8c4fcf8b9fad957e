using System.Diagnostics.CodeAnalysis;
using Comity.Domain.Legal;

namespace Comity.Domain.Cooperation.Offences;

/// <summary>
/// An offence the Convention establishes (Arts. 7–17): its stable wire code, its article and a one-line description
/// of the conduct taken from the team's working reference (REFERENCE.md §2.4), not from the Convention's text. Its
/// title is its article's title in <see cref="ArticleCatalogue"/>, so a legal officer corrects a title in one place.
/// </summary>
/// <param name="Code">The camelCase name on the wire and in directory notifications: <c>illegalAccess</c>.</param>
/// <param name="Article">The article that establishes the offence.</param>
/// <param name="Description">The conduct in English, as the working reference paraphrases it.</param>
public sealed record ConventionOffence(string Code, ArticleReference Article, string Description)
{
    /// <summary>The short title of <see cref="Article"/> in English, from <see cref="ArticleCatalogue"/>.</summary>
    public string Title => ArticleCatalogue.Get(Article.Article).Title;

    public override string ToString() => $"{Title} ({Article})";
}

/// <summary>
/// The eleven offences of Arts. 7–17, in article order. The options each article leaves to domestic law (intent,
/// serious harm, reservations) are not modelled: a State's own offence says how it implemented them.
/// </summary>
public static class ConventionOffences
{
    public static ConventionOffence IllegalAccess { get; } = new(
        "illegalAccess",
        Convention.Art(7),
        "Accessing the whole or any part of an ICT system, intentionally and without right.");

    public static ConventionOffence IllegalInterception { get; } = new(
        "illegalInterception",
        Convention.Art(8),
        "Intercepting by technical means, intentionally and without right, non-public transmissions of electronic data to, from or within an ICT system, including electromagnetic emissions.");

    public static ConventionOffence InterferenceWithElectronicData { get; } = new(
        "interferenceWithElectronicData",
        Convention.Art(9),
        "Damaging, deleting, deteriorating, altering or suppressing electronic data, intentionally and without right.");

    public static ConventionOffence InterferenceWithIctSystem { get; } = new(
        "interferenceWithIctSystem",
        Convention.Art(10),
        "Seriously hindering the functioning of an ICT system by inputting, transmitting, damaging, deleting, deteriorating, altering or suppressing data, intentionally and without right.");

    public static ConventionOffence MisuseOfDevices { get; } = new(
        "misuseOfDevices",
        Convention.Art(11),
        "Intentionally and without right obtaining for use, producing, selling, importing, distributing, otherwise making available or possessing a device or program, or a password, access credential or similar data, with intent that it be used to commit an offence of Arts. 7–10.");

    public static ConventionOffence IctSystemRelatedForgery { get; } = new(
        "ictSystemRelatedForgery",
        Convention.Art(12),
        "Inputting, altering, deleting or suppressing electronic data, intentionally and without right, so that inauthentic data result that are meant to be treated as authentic for legal purposes.");

    public static ConventionOffence IctSystemRelatedTheftOrFraud { get; } = new(
        "ictSystemRelatedTheftOrFraud",
        Convention.Art(13),
        "Causing another person a loss of property, intentionally, without right and with fraudulent or dishonest intent to gain money or property, by manipulating data, interfering with an ICT system or deceiving someone through an ICT system.");

    public static ConventionOffence ChildSexualAbuseOrExploitationMaterial { get; } = new(
        "childSexualAbuseOrExploitationMaterial",
        Convention.Art(14),
        "Intentionally producing, making available, soliciting, accessing, possessing or financing, through an ICT system, material depicting a person under 18 in real or simulated sexual activity, or related depictions.");

    public static ConventionOffence SolicitationOrGrooming { get; } = new(
        "solicitationOrGrooming",
        Convention.Art(15),
        "Intentionally communicating with, soliciting, grooming or arranging with a child through an ICT system in order to commit a sexual offence against the child, including an offence of Art. 14.");

    public static ConventionOffence NonConsensualDisseminationOfIntimateImages { get; } = new(
        "nonConsensualDisseminationOfIntimateImages",
        Convention.Art(16),
        "Intentionally and without right making available through an ICT system an intimate image of a person aged 18 or over without that person's consent.");

    public static ConventionOffence LaunderingOfProceeds { get; } = new(
        "launderingOfProceeds",
        Convention.Art(17),
        "Converting or transferring, concealing, acquiring or possessing the proceeds of a Convention offence, knowing them to be proceeds, or participating in these acts.");

    /// <summary>Every Convention offence, in article order.</summary>
    public static IReadOnlyList<ConventionOffence> All { get; } =
    [
        IllegalAccess,
        IllegalInterception,
        InterferenceWithElectronicData,
        InterferenceWithIctSystem,
        MisuseOfDevices,
        IctSystemRelatedForgery,
        IctSystemRelatedTheftOrFraud,
        ChildSexualAbuseOrExploitationMaterial,
        SolicitationOrGrooming,
        NonConsensualDisseminationOfIntimateImages,
        LaunderingOfProceeds,
    ];

    /// <summary>Finds an offence by its code, exactly as written: codes are stable identifiers, not free text.</summary>
    public static bool TryGet(string? code, [NotNullWhen(true)] out ConventionOffence? offence)
    {
        offence = All.FirstOrDefault(o => string.Equals(o.Code, code, StringComparison.Ordinal));
        return offence is not null;
    }
}
