namespace Comity.Domain.Legal;

/// <summary>One article of the Convention: number, short title, and whether its paragraph numbering has been checked.</summary>
public sealed record ArticleEntry(int Number, string Title, bool ParagraphNumberingVerified)
{
    /// <summary>The team's one-line summary (<see cref="ArticleSummaries"/>), not the Convention's text; null when there is none.</summary>
    public string? Summary => ArticleSummaries.For(Number);
}

/// <summary>
/// The one place where a legal officer can correct article titles and paragraph numbers.
/// Titles come from the team's working reference (REFERENCE.md §1); only Art. 64 and Art. 65(1) were
/// checked against a public source (UNTC, S1). Everything else is UNVERIFIED against A/RES/79/243.
/// </summary>
public static class ArticleCatalogue
{
    public static IReadOnlyList<ArticleEntry> Articles { get; } =
    [
        new(1, "Statement of purpose", ParagraphNumberingVerified: false),
        new(2, "Use of terms (definitions)", ParagraphNumberingVerified: false),
        new(3, "Scope of application", ParagraphNumberingVerified: false),
        new(4, "Offences established in accordance with other UN conventions and protocols", ParagraphNumberingVerified: false),
        new(5, "Protection of sovereignty", ParagraphNumberingVerified: false),
        new(6, "Respect for human rights", ParagraphNumberingVerified: false),
        new(7, "Illegal access", ParagraphNumberingVerified: false),
        new(8, "Illegal interception", ParagraphNumberingVerified: false),
        new(9, "Interference with electronic data", ParagraphNumberingVerified: false),
        new(10, "Interference with an ICT system", ParagraphNumberingVerified: false),
        new(11, "Misuse of devices", ParagraphNumberingVerified: false),
        new(12, "ICT system-related forgery", ParagraphNumberingVerified: false),
        new(13, "ICT system-related theft or fraud", ParagraphNumberingVerified: false),
        new(14, "Offences related to online child sexual abuse or child sexual exploitation material", ParagraphNumberingVerified: false),
        new(15, "Solicitation or grooming for the purpose of committing a sexual offence against a child", ParagraphNumberingVerified: false),
        new(16, "Non-consensual dissemination of intimate images", ParagraphNumberingVerified: false),
        new(17, "Laundering of proceeds of crime", ParagraphNumberingVerified: false),
        new(18, "Liability of legal persons", ParagraphNumberingVerified: false),
        new(19, "Participation and attempt", ParagraphNumberingVerified: false),
        new(20, "Statute of limitations", ParagraphNumberingVerified: false),
        new(21, "Prosecution, adjudication and sanctions", ParagraphNumberingVerified: false),
        new(22, "Jurisdiction", ParagraphNumberingVerified: false),
        new(23, "Scope of procedural measures", ParagraphNumberingVerified: false),
        new(24, "Conditions and safeguards", ParagraphNumberingVerified: false),
        new(25, "Expedited preservation of stored electronic data", ParagraphNumberingVerified: false),
        new(26, "Expedited preservation and partial disclosure of traffic data", ParagraphNumberingVerified: false),
        new(27, "Production order", ParagraphNumberingVerified: false),
        new(28, "Search and seizure of stored electronic data", ParagraphNumberingVerified: false),
        new(29, "Real-time collection of traffic data", ParagraphNumberingVerified: false),
        new(30, "Interception of content data", ParagraphNumberingVerified: false),
        new(31, "Freezing, seizure and confiscation of the proceeds of crime", ParagraphNumberingVerified: false),
        new(32, "Establishment of criminal record", ParagraphNumberingVerified: false),
        new(33, "Protection of witnesses", ParagraphNumberingVerified: false),
        new(34, "Assistance to and protection of victims", ParagraphNumberingVerified: false),
        new(35, "General principles of international cooperation", ParagraphNumberingVerified: false),
        new(36, "Protection of personal data", ParagraphNumberingVerified: false),
        new(37, "Extradition", ParagraphNumberingVerified: false),
        new(38, "Transfer of sentenced persons", ParagraphNumberingVerified: false),
        new(39, "Transfer of criminal proceedings", ParagraphNumberingVerified: false),
        new(40, "General principles and procedures relating to mutual legal assistance", ParagraphNumberingVerified: false),
        new(41, "24/7 network", ParagraphNumberingVerified: false),
        new(42, "International cooperation for the purpose of expedited preservation of stored electronic data", ParagraphNumberingVerified: false),
        new(43, "International cooperation for the purpose of expedited disclosure of preserved traffic data", ParagraphNumberingVerified: false),
        new(44, "Mutual legal assistance in accessing stored electronic data", ParagraphNumberingVerified: false),
        new(45, "Mutual legal assistance in the real-time collection of traffic data", ParagraphNumberingVerified: false),
        new(46, "Mutual legal assistance in the interception of content data", ParagraphNumberingVerified: false),
        new(47, "Law enforcement cooperation", ParagraphNumberingVerified: false),
        new(48, "Joint investigations", ParagraphNumberingVerified: false),
        new(49, "Mechanisms for the recovery of property through international cooperation in confiscation", ParagraphNumberingVerified: false),
        new(50, "International cooperation for purposes of confiscation", ParagraphNumberingVerified: false),
        new(51, "Special cooperation", ParagraphNumberingVerified: false),
        new(52, "Return and disposal of confiscated proceeds of crime or property", ParagraphNumberingVerified: false),
        new(53, "Preventive measures", ParagraphNumberingVerified: false),
        new(54, "Technical assistance and capacity-building", ParagraphNumberingVerified: false),
        new(55, "Exchange of information", ParagraphNumberingVerified: false),
        new(56, "Implementation of the Convention through economic development and technical assistance", ParagraphNumberingVerified: false),
        new(57, "Conference of the States Parties to the Convention", ParagraphNumberingVerified: false),
        new(58, "Secretariat", ParagraphNumberingVerified: false),
        new(59, "Implementation of the Convention", ParagraphNumberingVerified: false),
        new(60, "Effects of the Convention", ParagraphNumberingVerified: false),
        new(61, "Relation with protocols", ParagraphNumberingVerified: false),
        new(62, "Adoption of supplementary protocols", ParagraphNumberingVerified: false),
        new(63, "Settlement of disputes", ParagraphNumberingVerified: false),
        new(64, "Signature, ratification, acceptance, approval and accession", ParagraphNumberingVerified: true),
        new(65, "Entry into force", ParagraphNumberingVerified: false),
        new(66, "Amendment", ParagraphNumberingVerified: false),
        new(67, "Denunciation", ParagraphNumberingVerified: false),
        new(68, "Depositary and languages", ParagraphNumberingVerified: false),
    ];

    /// <summary>Individual paragraphs checked against a public source in an otherwise unverified article.</summary>
    public static IReadOnlyList<ArticleReference> VerifiedParagraphs { get; } =
    [
        Convention.Art(65, 1),
    ];

    /// <summary>
    /// Citations the code uses while knowing they are doubtful, with the reason. A legal officer
    /// should resolve these against the official text.
    /// </summary>
    public static IReadOnlyList<(ArticleReference Reference, string Note)> KnownDoubts { get; } =
    [
        (Convention.Art(63, 2), "Opt-out of compulsory dispute settlement: the issue cites 63(2), REFERENCE.md §6.10 says 63(3)."),
        (Convention.Art(42), "Minimum preservation period of 60 days: paragraph not identified."),
        (Convention.Art(2, null, "h"), "Definition of serious crime: subparagraph letter unverified."),
        (Convention.Art(62, 1), "Sixty parties before protocols: paragraph unverified."),
        (Convention.Art(65, 2), "Later joiners: paragraph unverified."),
        (Convention.Art(66, 1), "Five-year bar on amendments: paragraph unverified."),
        (Convention.Art(67, 1), "Denunciation after one year: paragraph unverified."),
        (Convention.Art(40, 13), "Central authority notification: paragraph unverified (UNTOC Art. 18 pattern)."),
        (Convention.Art(40, 14), "Languages notification: paragraph unverified (UNTOC Art. 18 pattern)."),
        (Convention.Art(41, 1), "24/7 point of contact: paragraph unverified."),
        (Convention.Art(37), "Designation of the authority responsible for extradition: paragraph not identified."),
        (Convention.Art(53), "Designation of the authority that assists others with preventive measures: paragraph not identified."),
        (Convention.Art(35, 1), "Cooperation under the Convention, other instruments and domestic law (the officer may name another legal basis): paragraph unverified (REFERENCE.md §5.1)."),
        (Convention.Art(36, 1), "Transfer only in line with data-protection law, and conditions the transferring State may impose: paragraph unverified (REFERENCE.md §5.2)."),
        (Convention.Art(36, 3), "Onward transfer only with the prior authorization of the original transferring State: paragraph unverified (REFERENCE.md §5.2)."),
        (Convention.Art(40), "Refusal where a request aims to prosecute or punish a person on account of sex, race, language, religion, nationality, ethnic origin or political opinions: paragraph not identified."),
        (Convention.Art(40, 8), "Bank secrecy is not a ground for refusal: paragraph follows UNTOC Art. 18(8), unverified."),
        (Convention.Art(40, 16), "The requested State may ask for additional information: paragraph follows UNTOC Art. 18(16), unverified."),
        (Convention.Art(40, 21), "Grounds for refusal (a) non-conformity, (b) essential interests, (c) domestic-law prohibition, (d) contrary to the legal system: paragraph and letters follow UNTOC Art. 18(21), unverified."),
        (Convention.Art(40, 22), "Fiscal matters are not a ground for refusal: paragraph follows UNTOC Art. 18(22), unverified."),
        (Convention.Art(40, 23), "Reasons must be given for any refusal: paragraph follows UNTOC Art. 18(23), unverified."),
        (Convention.Art(41), "The 24/7 network works on an expedited basis; the Convention fixes no acknowledgement time (Comity's clocks are settings)."),
        (Convention.Art(41, 3, "a"), "Technical advice as a task of the 24/7 point of contact: paragraph and letter unverified (REFERENCE.md §5.6 lists it first)."),
        (Convention.Art(41, 3, "c"), "Legal information as a task of the 24/7 point of contact: paragraph and letter unverified (REFERENCE.md §5.6 lists it with collecting evidence, third)."),
        (Convention.Art(41, 3, "d"), "Locating suspects as a task of the 24/7 point of contact: paragraph and letter unverified (REFERENCE.md §5.6 lists it fourth)."),
        (Convention.Art(41, 3, "e"), "Providing electronic data to avert an emergency: paragraph and letter unverified, and the task itself is low confidence (REFERENCE.md §5.6)."),
        (Convention.Art(42), "Required contents of a preservation request (authority, offence and facts, data and their link to the offence, custodian or location, necessity, intended follow-up): paragraph not identified."),
        (Convention.Art(42), "Refusal of preservation only on limited grounds (essential interests, discrimination) or under a dual-criminality reservation for non-Convention offences: paragraphs and cross-references not identified."),
        (Convention.Art(43), "Expedited disclosure of preserved traffic data and its limited refusal grounds: paragraph not identified."),
        (Convention.Art(65), "Requests rest on the Convention only while it is in force between the two States (Art. 65(1) and (2))."),
        .. AssistanceProvisions.Doubts,
    ];

    public static ArticleEntry Get(int article) =>
        article is >= 1 and <= Convention.ArticleCount
            ? Articles[article - 1]
            : throw new ArgumentOutOfRangeException(nameof(article), article, "The Convention has 68 articles.");

    /// <summary>The doubts recorded about citations of this article.</summary>
    public static IReadOnlyList<(ArticleReference Reference, string Note)> DoubtsAbout(int article) =>
        [.. KnownDoubts.Where(d => d.Reference.Article == article)];

    /// <summary>Whether the paragraph numbering of this citation has been verified.</summary>
    public static bool IsVerified(ArticleReference reference) =>
        Get(reference.Article).ParagraphNumberingVerified
        || VerifiedParagraphs.Any(v => v.Article == reference.Article && v.Paragraph == reference.Paragraph);
}
