namespace Comity.Domain.Legal;

/// <summary>
/// The team's one-line summary of each article, shown beside every citation (UX principle 3: the law is one click away).
/// These are Comity's own paraphrases of the team's working reference, in English, not the Convention's text: the
/// official text (UN document A/RES/79/243, annex) is the authority, and most of what is summarised here has not been
/// checked against it line by line (see <see cref="ArticleCatalogue"/>). A summary never says more than the working
/// reference does; a legal officer corrects them here.
/// </summary>
public static partial class ArticleSummaries
{
    /// <summary>Where the summaries come from, for the pages that show them.</summary>
    public const string Authority = "A/RES/79/243";

    private static readonly Dictionary<int, string> Summaries = new()
    {
        [1] = "The Convention's purposes: to prevent and combat cybercrime more efficiently and effectively, to strengthen international cooperation, and to promote technical assistance and capacity-building, especially for developing countries.",
        [2] = "Defines the terms the Convention uses in lettered subparagraphs (a)–(o), among them ICT system, electronic, traffic and content data, service provider, subscriber information, personal data, serious crime and emergency.",
        [3] = "The Convention covers preventing, investigating and prosecuting its offences, including freezing, seizure, confiscation and return of proceeds, and collecting, preserving and sharing electronic evidence for criminal investigations and proceedings.",
        [4] = "Offences under other UN conventions and protocols a State has joined must also be criminal under its law when committed through ICT systems; no new Convention offences are created.",
        [5] = "Obligations are carried out consistently with sovereign equality, territorial integrity and non-intervention; no State exercises jurisdiction or local authorities' functions on another State's territory.",
        [6] = "Implementation must be consistent with international human rights law; nothing in the Convention may be read as allowing the suppression of human rights or fundamental freedoms.",
        [7] = "Criminalizes intentionally accessing all or part of an ICT system without right; a State may require further elements such as breaching security measures.",
        [8] = "Criminalizes intentionally intercepting, by technical means and without right, non-public transmissions of electronic data.",
        [9] = "Criminalizes intentionally damaging, deleting, deteriorating, altering or suppressing electronic data without right.",
        [10] = "Criminalizes intentionally and without right seriously hindering the functioning of an ICT system.",
        [11] = "Criminalizes making available or possessing devices, programs or access credentials meant for the offences of Arts. 7–10; a State may reserve, except for selling or distributing credentials.",
        [12] = "Criminalizes intentionally inputting, altering, deleting or suppressing electronic data so that inauthentic data are treated as authentic for legal purposes.",
        [13] = "Criminalizes causing another person a loss of property by manipulating data, interfering with a system or deceiving someone through an ICT system, with intent to gain.",
        [14] = "Criminalizes producing, distributing, accessing, possessing or financing online child sexual abuse or exploitation material depicting anyone under 18.",
        [15] = "Criminalizes communicating with, soliciting, grooming or arranging with a child through an ICT system in order to commit a sexual offence against the child.",
        [16] = "Criminalizes making an intimate image of a person available through an ICT system without that person's consent.",
        [17] = "Criminalizes laundering the proceeds of the Convention's offences: converting, transferring, concealing, acquiring or possessing property known to be proceeds.",
        [18] = "Legal persons are liable, criminally, civilly or administratively, with effective, proportionate and dissuasive sanctions.",
        [19] = "Participation as an accomplice, assistant or instigator must be criminalized; attempt and preparation are optional.",
        [20] = "Long limitation periods, with a longer period or a suspension where the offender evades justice.",
        [21] = "Sanctions reflect the gravity of the offence; anyone prosecuted has fair-trial guarantees.",
        [22] = "Jurisdiction over the offences of Arts. 7–17: mandatory on the State's territory, ships and aircraft; optional bases such as nationality; jurisdiction where a national is not extradited.",
        [23] = "Procedural powers serve specific criminal investigations or proceedings: Convention offences, other offences committed by means of an ICT system, and electronic evidence of any criminal offence.",
        [24] = "Every procedural power is subject to domestic-law conditions and safeguards consistent with human rights law, including proportionality.",
        [25] = "Authorities can order the expedited preservation of specified stored electronic data, kept as long as necessary, up to 90 days, so that disclosure can be sought.",
        [26] = "Traffic data are preserved whether one or several providers took part, and enough of them are disclosed quickly to identify the providers and the path of the communication.",
        [27] = "Orders to a person to hand over specified electronic data, and to a service provider to hand over subscriber information.",
        [28] = "Searching or accessing ICT systems and storage media in the territory, and seizing or securing electronic data.",
        [29] = "Collecting or recording traffic data in real time, or compelling a service provider to do so within its existing technical capability.",
        [30] = "Interception of content data, for a range of serious offences set by domestic law.",
        [31] = "Freezing, seizure and confiscation of proceeds of crime and instrumentalities; bank secrecy is no bar.",
        [32] = "Previous convictions in another State may be taken into account.",
        [33] = "Protection of witnesses, and of victims who are witnesses, including relocation and testimony by video.",
        [34] = "Assistance to and protection of victims, with procedures for compensation and restitution.",
        [35] = "Cooperation on the Convention's offences and on electronic evidence of any serious crime; dual criminality is met when the conduct is criminal in both States, whatever the offence is called.",
        [36] = "Personal data are transferred only in line with the transferring State's law, which may impose conditions; onward transfer needs its prior authorization.",
        [37] = "Extradition for the Convention's offences; a State that refuses solely on nationality submits the case for prosecution at the requesting State's request.",
        [38] = "States may conclude agreements on transferring sentenced persons.",
        [39] = "States consider transferring criminal proceedings to one another in the interests of justice.",
        [40] = "Mutual legal assistance: central authorities, accepted languages, the contents of a request, limited grounds for refusal with reasons given; fiscal matters and bank secrecy are no grounds.",
        [41] = "Each State designates a point of contact available 24 hours a day, 7 days a week, for immediate assistance, able to communicate with the other points of contact on an expedited basis.",
        [42] = "A State may ask another to preserve stored electronic data quickly until its mutual legal assistance request follows; no dual criminality is needed; preservation lasts at least 60 days.",
        [43] = "While preserving traffic data, a State that finds a provider in another State took part in the transmission quickly discloses enough traffic data to identify that provider and the path.",
        [44] = "Mutual legal assistance in searching, seizing and disclosing stored electronic data, including data preserved under Art. 42.",
        [45] = "States endeavour to assist each other in collecting traffic data in real time.",
        [46] = "States endeavour to assist each other in intercepting content data, as far as their treaties and laws permit.",
        [47] = "Law enforcement cooperation: secure and rapid channels, inquiries into suspects and proceeds, and sharing information on methods.",
        [48] = "Joint investigative bodies, by agreement or case by case, fully respecting the sovereignty of the State where the investigation takes place.",
        [49] = "Giving effect to foreign confiscation orders, and freezing or seizing property on a foreign order or request.",
        [50] = "On request, seeking or enforcing confiscation orders and identifying, tracing, freezing and seizing proceeds.",
        [51] = "Information on proceeds of crime may be forwarded without a prior request.",
        [52] = "Confiscated proceeds are disposed of under domestic law, with priority consideration to returning them to the requesting State for victims or owners.",
        [53] = "Preventive measures involving civil society and the private sector; the prevention authority is notified to the Secretary-General.",
        [54] = "Technical assistance and capacity-building, especially for developing countries, including training on electronic evidence.",
        [55] = "States consider analysing trends, sharing statistics and exchanging information on legal, policy and technological developments.",
        [56] = "Implementation through economic development and technical assistance, including voluntary contributions to a UN funding mechanism.",
        [57] = "The Conference of the States Parties is established to improve cooperation and to promote and review implementation.",
        [58] = "The Secretary-General provides the Conference's secretariat.",
        [59] = "States take the measures needed to implement the Convention and may adopt stricter ones.",
        [60] = "Existing or future treaties between the parties may still be applied; other rights and obligations under international law are unaffected.",
        [61] = "Only parties to the Convention may join a protocol, and a protocol binds only its parties.",
        [62] = "Supplementary protocols may be considered once the Convention has at least 60 ratifications, acceptances, approvals or accessions.",
        [63] = "Disputes go to negotiation, then arbitration, then the International Court of Justice; a State may declare it is not bound by that paragraph.",
        [64] = "Open for signature in Hanoi on 25–26 October 2025 and at UN Headquarters in New York until 31 December 2026; subject to ratification, acceptance or approval; open to accession.",
        [65] = "In force on the 90th day after the 40th instrument, an organization's instrument not counting in addition; for a later joiner, 30 days after its own deposit.",
        [66] = "Amendments may be proposed from five years after entry into force and are adopted by consensus or, as a last resort, two thirds of States Parties present and voting.",
        [67] = "A denunciation, by written notification to the Secretary-General, takes effect one year after he or she receives it.",
        [68] = "The Secretary-General is the depositary; the authentic languages are Arabic, Chinese, English, French, Russian and Spanish.",
    };

    /// <summary>The summary of an article, or null when the team has none it can support.</summary>
    public static string? For(int article) => Summaries.GetValueOrDefault(article);
}
