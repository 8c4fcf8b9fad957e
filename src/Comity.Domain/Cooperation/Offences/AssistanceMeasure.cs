namespace Comity.Domain.Cooperation.Offences;

/// <summary>
/// The kinds of measure for which the requested State weighs dual criminality differently. Which rule applies to each
/// is data in <see cref="DualCriminality.Rules"/>; which purposes of mutual legal assistance are coercive is data in
/// <see cref="AssistancePurposes"/>.
/// </summary>
public enum AssistanceMeasure
{
    /// <summary>Expedited preservation of stored electronic data (Art. 42).</summary>
    Preservation,

    /// <summary>Mutual legal assistance that compels no one: serving documents, passing on information, arranging a voluntary appearance (Art. 40).</summary>
    NonCoercive,

    /// <summary>Mutual legal assistance that compels a person or reaches into property, data or communications: search, seizure, freezing, collection, interception (Arts. 40, 44–46).</summary>
    Coercive,
}
