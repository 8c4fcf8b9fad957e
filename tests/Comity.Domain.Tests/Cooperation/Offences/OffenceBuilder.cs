using Comity.Domain.Cooperation.Offences;

namespace Comity.Domain.Tests.Cooperation.Offences;

/// <summary>National offences with valid defaults.</summary>
internal static class OffenceBuilder
{
    public static NationalOffence Offence(string code = "XA-PC-1", int? months = 60, params string[] conventionCodes) =>
        new(code, "Offence " + code, months, conventionCodes);
}
