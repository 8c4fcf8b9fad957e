using Comity.Domain.Legal;

namespace Comity.Domain.Directory;

/// <summary>The offices a State designates under the Convention and notifies to the Secretariat.</summary>
public enum DesignationRole
{
    /// <summary>Receives, executes or transmits requests for mutual legal assistance (Art. 40(13)).</summary>
    CentralAuthority,

    /// <summary>The point of contact available 24 hours a day, 7 days a week (Art. 41(1)).</summary>
    PointOfContact247,

    /// <summary>The authority responsible for extradition (Art. 37).</summary>
    ExtraditionAuthority,

    /// <summary>The authority that can assist other States in developing preventive measures (Art. 53).</summary>
    PreventionAuthority,
}

/// <summary>Wire names and legal bases of <see cref="DesignationRole"/>.</summary>
public static class DesignationRoles
{
    public static IReadOnlyList<DesignationRole> All { get; } = Enum.GetValues<DesignationRole>();

    /// <summary>The provision under which the designation is made. Paragraph numbers are unverified (see <see cref="ArticleCatalogue.KnownDoubts"/>).</summary>
    public static ArticleReference Basis(this DesignationRole role) => role switch
    {
        DesignationRole.CentralAuthority => Convention.Art(40, 13),
        DesignationRole.PointOfContact247 => Convention.Art(41, 1),
        DesignationRole.ExtraditionAuthority => Convention.Art(37),
        DesignationRole.PreventionAuthority => Convention.Art(53),
    };

    /// <summary>The name used on the wire and in the Register: <c>centralAuthority</c>, <c>pointOfContact247</c>, …</summary>
    public static string Wire(this DesignationRole role) => role switch
    {
        DesignationRole.CentralAuthority => "centralAuthority",
        DesignationRole.PointOfContact247 => "pointOfContact247",
        DesignationRole.ExtraditionAuthority => "extraditionAuthority",
        DesignationRole.PreventionAuthority => "preventionAuthority",
    };

    public static bool TryParse(string? wire, out DesignationRole role)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Wire(), wire?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                role = candidate;
                return true;
            }
        }

        role = default;
        return false;
    }
}
