using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Comity.Domain.Treaty;

/// <summary>
/// Everyone who can join the Convention (Art. 64): the 193 UN Member States, the two observer
/// States and the European Union. Names are the English short names used by the UN Treaty Collection.
/// </summary>
public static partial class ParticipantCatalogue
{
    public static readonly ParticipantCode EuropeanUnion = ParticipantCode.Create("EU");

    private static readonly Participant[] Participants =
    [
        Member("AF", "Afghanistan"),
        Member("AL", "Albania"),
        Member("DZ", "Algeria"),
        Member("AD", "Andorra"),
        Member("AO", "Angola"),
        Member("AG", "Antigua and Barbuda"),
        Member("AR", "Argentina"),
        Member("AM", "Armenia"),
        Member("AU", "Australia"),
        Member("AT", "Austria"),
        Member("AZ", "Azerbaijan"),
        Member("BS", "Bahamas"),
        Member("BH", "Bahrain"),
        Member("BD", "Bangladesh"),
        Member("BB", "Barbados"),
        Member("BY", "Belarus"),
        Member("BE", "Belgium"),
        Member("BZ", "Belize"),
        Member("BJ", "Benin"),
        Member("BT", "Bhutan"),
        Member("BO", "Bolivia (Plurinational State of)", "Bolivia"),
        Member("BA", "Bosnia and Herzegovina"),
        Member("BW", "Botswana"),
        Member("BR", "Brazil"),
        Member("BN", "Brunei Darussalam"),
        Member("BG", "Bulgaria"),
        Member("BF", "Burkina Faso"),
        Member("BI", "Burundi"),
        Member("CV", "Cabo Verde", "Cape Verde"),
        Member("KH", "Cambodia"),
        Member("CM", "Cameroon"),
        Member("CA", "Canada"),
        Member("CF", "Central African Republic"),
        Member("TD", "Chad"),
        Member("CL", "Chile"),
        Member("CN", "China"),
        Member("CO", "Colombia"),
        Member("KM", "Comoros"),
        Member("CG", "Congo"),
        Member("CR", "Costa Rica"),
        Member("CI", "Côte d'Ivoire", "Cote d'Ivoire"),
        Member("HR", "Croatia"),
        Member("CU", "Cuba"),
        Member("CY", "Cyprus"),
        Member("CZ", "Czech Republic", "Czechia"),
        Member("KP", "Democratic People's Republic of Korea"),
        Member("CD", "Democratic Republic of the Congo"),
        Member("DK", "Denmark"),
        Member("DJ", "Djibouti"),
        Member("DM", "Dominica"),
        Member("DO", "Dominican Republic"),
        Member("EC", "Ecuador"),
        Member("EG", "Egypt"),
        Member("SV", "El Salvador"),
        Member("GQ", "Equatorial Guinea"),
        Member("ER", "Eritrea"),
        Member("EE", "Estonia"),
        Member("SZ", "Eswatini", "Swaziland"),
        Member("ET", "Ethiopia"),
        Member("FJ", "Fiji"),
        Member("FI", "Finland"),
        Member("FR", "France"),
        Member("GA", "Gabon"),
        Member("GM", "Gambia"),
        Member("GE", "Georgia"),
        Member("DE", "Germany"),
        Member("GH", "Ghana"),
        Member("GR", "Greece"),
        Member("GD", "Grenada"),
        Member("GT", "Guatemala"),
        Member("GN", "Guinea"),
        Member("GW", "Guinea-Bissau"),
        Member("GY", "Guyana"),
        Member("HT", "Haiti"),
        Member("HN", "Honduras"),
        Member("HU", "Hungary"),
        Member("IS", "Iceland"),
        Member("IN", "India"),
        Member("ID", "Indonesia"),
        Member("IR", "Iran (Islamic Republic of)", "Iran"),
        Member("IQ", "Iraq"),
        Member("IE", "Ireland"),
        Member("IL", "Israel"),
        Member("IT", "Italy"),
        Member("JM", "Jamaica"),
        Member("JP", "Japan"),
        Member("JO", "Jordan"),
        Member("KZ", "Kazakhstan"),
        Member("KE", "Kenya"),
        Member("KI", "Kiribati"),
        Member("KW", "Kuwait"),
        Member("KG", "Kyrgyzstan"),
        Member("LA", "Lao People's Democratic Republic"),
        Member("LV", "Latvia"),
        Member("LB", "Lebanon"),
        Member("LS", "Lesotho"),
        Member("LR", "Liberia"),
        Member("LY", "Libya"),
        Member("LI", "Liechtenstein"),
        Member("LT", "Lithuania"),
        Member("LU", "Luxembourg"),
        Member("MG", "Madagascar"),
        Member("MW", "Malawi"),
        Member("MY", "Malaysia"),
        Member("MV", "Maldives"),
        Member("ML", "Mali"),
        Member("MT", "Malta"),
        Member("MH", "Marshall Islands"),
        Member("MR", "Mauritania"),
        Member("MU", "Mauritius"),
        Member("MX", "Mexico"),
        Member("FM", "Micronesia (Federated States of)"),
        Member("MC", "Monaco"),
        Member("MN", "Mongolia"),
        Member("ME", "Montenegro"),
        Member("MA", "Morocco"),
        Member("MZ", "Mozambique"),
        Member("MM", "Myanmar"),
        Member("NA", "Namibia"),
        Member("NR", "Nauru"),
        Member("NP", "Nepal"),
        Member("NL", "Netherlands (Kingdom of the)", "Netherlands"),
        Member("NZ", "New Zealand"),
        Member("NI", "Nicaragua"),
        Member("NE", "Niger"),
        Member("NG", "Nigeria"),
        Member("MK", "North Macedonia"),
        Member("NO", "Norway"),
        Member("OM", "Oman"),
        Member("PK", "Pakistan"),
        Member("PW", "Palau"),
        Member("PA", "Panama"),
        Member("PG", "Papua New Guinea"),
        Member("PY", "Paraguay"),
        Member("PE", "Peru"),
        Member("PH", "Philippines"),
        Member("PL", "Poland"),
        Member("PT", "Portugal"),
        Member("QA", "Qatar"),
        Member("KR", "Republic of Korea"),
        Member("MD", "Republic of Moldova"),
        Member("RO", "Romania"),
        Member("RU", "Russian Federation"),
        Member("RW", "Rwanda"),
        Member("KN", "Saint Kitts and Nevis"),
        Member("LC", "Saint Lucia"),
        Member("VC", "Saint Vincent and the Grenadines"),
        Member("WS", "Samoa"),
        Member("SM", "San Marino"),
        Member("ST", "Sao Tome and Principe"),
        Member("SA", "Saudi Arabia"),
        Member("SN", "Senegal"),
        Member("RS", "Serbia"),
        Member("SC", "Seychelles"),
        Member("SL", "Sierra Leone"),
        Member("SG", "Singapore"),
        Member("SK", "Slovakia"),
        Member("SI", "Slovenia"),
        Member("SB", "Solomon Islands"),
        Member("SO", "Somalia"),
        Member("ZA", "South Africa"),
        Member("SS", "South Sudan"),
        Member("ES", "Spain"),
        Member("LK", "Sri Lanka"),
        Member("SD", "Sudan"),
        Member("SR", "Suriname"),
        Member("SE", "Sweden"),
        Member("CH", "Switzerland"),
        Member("SY", "Syrian Arab Republic"),
        Member("TJ", "Tajikistan"),
        Member("TH", "Thailand"),
        Member("TL", "Timor-Leste"),
        Member("TG", "Togo"),
        Member("TO", "Tonga"),
        Member("TT", "Trinidad and Tobago"),
        Member("TN", "Tunisia"),
        Member("TR", "Türkiye", "Turkey"),
        Member("TM", "Turkmenistan"),
        Member("TV", "Tuvalu"),
        Member("UG", "Uganda"),
        Member("UA", "Ukraine"),
        Member("AE", "United Arab Emirates"),
        Member("GB", "United Kingdom of Great Britain and Northern Ireland", "United Kingdom"),
        Member("TZ", "United Republic of Tanzania"),
        Member("US", "United States of America"),
        Member("UY", "Uruguay"),
        Member("UZ", "Uzbekistan"),
        Member("VU", "Vanuatu"),
        Member("VE", "Venezuela (Bolivarian Republic of)"),
        Member("VN", "Viet Nam"),
        Member("YE", "Yemen"),
        Member("ZM", "Zambia"),
        Member("ZW", "Zimbabwe"),
        Observer("VA", "Holy See", "Vatican City"),
        Observer("PS", "State of Palestine", "Palestine"),
        new(EuropeanUnion, ParticipantKind.RegionalEconomicIntegrationOrganization, "European Union", []),
    ];

    private static readonly FrozenDictionary<ParticipantCode, Participant> ByCode =
        Participants.ToFrozenDictionary(p => p.Code);

    private static readonly FrozenDictionary<string, Participant> ByName = BuildNameIndex();

    public static IReadOnlyList<Participant> All => Participants;

    /// <summary>
    /// Finds a participant by its code (any case), its UN short name or an alias (ordinal, ignoring
    /// case; straight and curly apostrophes are treated alike).
    /// </summary>
    public static bool TryFind([NotNullWhen(true)] string? codeOrName, [NotNullWhen(true)] out Participant? participant)
    {
        participant = null;
        if (string.IsNullOrWhiteSpace(codeOrName))
        {
            return false;
        }

        var text = codeOrName.Trim();
        if (text.Length == 2 && ParticipantCode.TryCreate(text, out var code))
        {
            return ByCode.TryGetValue(code, out participant);
        }

        return ByName.TryGetValue(NormalizeName(text), out participant);
    }

    public static bool TryGet(ParticipantCode code, [NotNullWhen(true)] out Participant? participant) =>
        ByCode.TryGetValue(code, out participant);

    public static Participant Get(ParticipantCode code) =>
        ByCode.TryGetValue(code, out var participant)
            ? participant
            : throw new KeyNotFoundException($"{code} is not a participant that can join the Convention.");

    public static bool Contains(ParticipantCode code) => ByCode.ContainsKey(code);

    private static Participant Member(string code, string unName, params string[] aliases) =>
        new(ParticipantCode.Create(code), ParticipantKind.MemberState, unName, aliases);

    private static Participant Observer(string code, string unName, params string[] aliases) =>
        new(ParticipantCode.Create(code), ParticipantKind.ObserverState, unName, aliases);

    internal static string NormalizeName(string name) =>
        name.Trim().Replace('\u2019', '\'').Replace('\u2018', '\'').ToUpperInvariant();

    private static FrozenDictionary<string, Participant> BuildNameIndex()
    {
        var index = new Dictionary<string, Participant>(StringComparer.Ordinal);
        foreach (var participant in Participants)
        {
            foreach (var name in participant.Aliases.Prepend(participant.UnName))
            {
                if (!index.TryAdd(NormalizeName(name), participant))
                {
                    throw new InvalidOperationException($"Duplicate participant name {name}.");
                }
            }
        }

        return index.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
