using Comity.Domain.Legal;

namespace Comity.Domain.Cooperation;

/// <summary>
/// The grounds on which a request may be refused (REFERENCE.md §8 point 5), plus the two the
/// Convention rules out, so that a refusal citing them is answered with its article instead of an
/// unknown value. Paragraph numbers follow the UNTOC Art. 18 pattern and are unverified.
/// </summary>
public enum RefusalGround
{
    /// <summary>The request does not conform to the Convention's requirements (Art. 40(21)(a)).</summary>
    NonConformity,

    /// <summary>Execution would likely prejudice sovereignty, security, ordre public or other essential interests (Art. 40(21)(b)).</summary>
    EssentialInterests,

    /// <summary>Domestic law would forbid the same action in a similar domestic case (Art. 40(21)(c)).</summary>
    DomesticLawProhibition,

    /// <summary>Granting the request would be contrary to the requested State's legal system for mutual legal assistance (Art. 40(21)(d)).</summary>
    ContraryToLegalSystem,

    /// <summary>Substantial grounds that the request aims to prosecute or punish a person on account of sex, race, language, religion, nationality, ethnic origin or political opinions (Art. 40).</summary>
    Discrimination,

    /// <summary>The data cannot be transferred in compliance with the requested State's data-protection law (Art. 36(1)).</summary>
    DataProtectionLaw,

    /// <summary>A reserved refusal of preservation for an offence other than a Convention offence, where dual criminality will not be met at disclosure (Art. 42).</summary>
    DualCriminalityReservation,

    /// <summary>The conduct is not an offence in the requested State, which may then decline mutual legal assistance (Art. 40; the conduct test of Art. 35). Never a ground for preservation.</summary>
    LackOfDualCriminality,

    /// <summary>NOT a ground: the offence is considered to involve fiscal matters (Art. 40(22)).</summary>
    FiscalMatter,

    /// <summary>NOT a ground: bank secrecy (Art. 40(8)).</summary>
    BankSecrecy,
}

/// <summary>Wire names, legal bases and admissibility of <see cref="RefusalGround"/>.</summary>
public static class RefusalGrounds
{
    public static IReadOnlyList<RefusalGround> All { get; } = Enum.GetValues<RefusalGround>();

    /// <summary>The provision that allows the ground, or, for the two inadmissible ones, the provision that rules it out.</summary>
    public static ArticleReference Basis(this RefusalGround ground) => ground switch
    {
        RefusalGround.NonConformity => Convention.Art(40, 21, "a"),
        RefusalGround.EssentialInterests => Convention.Art(40, 21, "b"),
        RefusalGround.DomesticLawProhibition => Convention.Art(40, 21, "c"),
        RefusalGround.ContraryToLegalSystem => Convention.Art(40, 21, "d"),
        RefusalGround.Discrimination => Convention.Art(40),
        RefusalGround.DataProtectionLaw => Convention.Art(36, 1),
        RefusalGround.DualCriminalityReservation => Convention.Art(42),
        RefusalGround.LackOfDualCriminality => AssistanceProvisions.DualCriminality,
        RefusalGround.FiscalMatter => Convention.Art(40, 22),
        RefusalGround.BankSecrecy => Convention.Art(40, 8),
    };

    /// <summary>False for the grounds the Convention rules out: fiscal matters and bank secrecy.</summary>
    public static bool IsAdmissible(this RefusalGround ground) => ground switch
    {
        RefusalGround.FiscalMatter or RefusalGround.BankSecrecy => false,
        RefusalGround.NonConformity or RefusalGround.EssentialInterests or RefusalGround.DomesticLawProhibition
            or RefusalGround.ContraryToLegalSystem or RefusalGround.Discrimination or RefusalGround.DataProtectionLaw
            or RefusalGround.DualCriminalityReservation or RefusalGround.LackOfDualCriminality => true,
    };

    public static string Wire(this RefusalGround ground) => ground switch
    {
        RefusalGround.NonConformity => "nonConformity",
        RefusalGround.EssentialInterests => "essentialInterests",
        RefusalGround.DomesticLawProhibition => "domesticLawProhibition",
        RefusalGround.ContraryToLegalSystem => "contraryToLegalSystem",
        RefusalGround.Discrimination => "discrimination",
        RefusalGround.DataProtectionLaw => "dataProtectionLaw",
        RefusalGround.DualCriminalityReservation => "dualCriminalityReservation",
        RefusalGround.LackOfDualCriminality => "lackOfDualCriminality",
        RefusalGround.FiscalMatter => "fiscalMatter",
        RefusalGround.BankSecrecy => "bankSecrecy",
    };

    public static bool TryParse(string? wire, out RefusalGround ground) => WireNames.TryParse(wire, Wire, out ground);
}
