namespace Comity.Domain.Legal;

/// <summary>
/// The provisions of mutual legal assistance (Arts. 40 and 44–46) that Comity's rules, forms and documents cite, each
/// written once. Art. 40 follows UNTOC Art. 18 closely, but its paragraph numbers have not been read from the text
/// (REFERENCE.md §0 and §5.5): the numbers below follow the UNTOC pattern and are UNVERIFIED. A correction is one edit
/// here; every rule, message, page and document that cites the provision follows, and the doubts reach
/// <see cref="ArticleCatalogue.KnownDoubts"/> from <see cref="Doubts"/>.
/// </summary>
public static class AssistanceProvisions
{

    /// <summary>The widest measure of mutual legal assistance (Art. 40), and its scope.</summary>
    public static ArticleReference MutualLegalAssistance { get; } = Convention.Art(40);

    /// <summary>Assistance may be declined for lack of dual criminality, and given anyway at the requested State's discretion.</summary>
    public static ArticleReference DualCriminality { get; } = Convention.Art(40, 9);

    /// <summary>The purposes for which assistance may be requested (taking evidence, service of documents, search and seizure, …).</summary>
    public static ArticleReference Purposes { get; } = Convention.Art(40, 3);

    /// <summary>Information transmitted without a prior request, with its confidentiality and use restrictions.</summary>
    public static ArticleReference SpontaneousInformation { get; } = Convention.Art(40, 4);

    /// <summary>What a request contains: authority, subject and nature, facts, assistance sought, persons, purpose.</summary>
    public static ArticleReference RequestContents { get; } = Convention.Art(40, 15);

    /// <summary>Execution as soon as possible, the requester's deadlines with reasons, answers to reasonable status inquiries, telling when assistance is no longer needed.</summary>
    public static ArticleReference ExecutionAndStatus { get; } = Convention.Art(40, 24);

    /// <summary>Postponement where execution would interfere with an ongoing investigation, prosecution or proceeding.</summary>
    public static ArticleReference Postponement { get; } = Convention.Art(40, 25);

    /// <summary>Consultation before refusal or postponement, on granting the request with conditions the requester is bound by once it accepts them.</summary>
    public static ArticleReference ConsultationBeforeRefusal { get; } = Convention.Art(40, 26);

    /// <summary>Ordinary costs fall on the requested State; the States consult on substantial or extraordinary expenses.</summary>
    public static ArticleReference Costs { get; } = Convention.Art(40, 28);

    /// <summary>Access, seizure and disclosure of stored data (Art. 44).</summary>
    public static ArticleReference StoredData { get; } = Convention.Art(44);

    /// <summary>Real-time collection of traffic data (Art. 45) and what such a request states.</summary>
    public static ArticleReference RealTimeTrafficData { get; } = Convention.Art(45);

    /// <summary>Interception of content data (Art. 46) and what such a request states.</summary>
    public static ArticleReference ContentInterception { get; } = Convention.Art(46);

    /// <summary>The numbered paragraphs of Art. 40 cited here, with the doubt: listed in <see cref="ArticleCatalogue.KnownDoubts"/>.</summary>
    public static IReadOnlyList<(ArticleReference Reference, string Note)> Doubts { get; } =
    [
        (DualCriminality, Doubt(9, "Assistance may be declined for lack of dual criminality")),
        (Purposes, Doubt(3, "The purposes of mutual legal assistance")),
        (SpontaneousInformation, Doubt(4, "Spontaneous information, transmitted without a prior request")),
        (RequestContents, Doubt(15, "The contents of a request for mutual legal assistance")),
        (ExecutionAndStatus, Doubt(24, "Execution as soon as possible, the requester's deadlines and answers to status inquiries")),
        (Postponement, Doubt(25, "Postponement of assistance")),
        (ConsultationBeforeRefusal, Doubt(26, "Consultation on conditions before refusal or postponement")),
        (Costs, Doubt(28, "Costs, and consultation on extraordinary expenses")),
    ];

    private static string Doubt(int paragraph, string what) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{what}: paragraph follows UNTOC Art. 18({paragraph}), unverified (REFERENCE.md §5.5).");
}
