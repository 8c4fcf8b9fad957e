using System.Globalization;
using Comity.Domain.Treaty;
using Comity.Node.Features.Treaty.Participants;
using Comity.Node.Ui.Localization;
using Microsoft.Extensions.Localization;

namespace Comity.Node.Features.Treaty;

/// <summary>
/// The treaty pages' strings: <c>TreatyText.resx</c> beside this type, with one file per UN
/// language (fr, es, ru, ar, zh-Hans). Keys that name a value are <c>Prefix_wireName</c>.
/// </summary>
public sealed class TreatyText;

/// <summary>Formatting for the treaty pages: values in the current culture, names of values from <see cref="TreatyText"/>.</summary>
internal static class TreatyDisplay
{
    /// <summary>A date as the reader's language writes it out (never the ambiguous numeric short form such as 10/25/2025).</summary>
    public static string Date(DateOnly? date) => date is { } value ? UiNames.LongDate(value) : "—";

    /// <summary>
    /// An article reference in the page's language, isolated (U+2066/U+2067 … U+2069) so that "Art. 65(1)" keeps its
    /// parentheses in place inside Arabic sentences; for text that takes no markup (the pages link with <c>ArticleRef</c>).
    /// </summary>
    public static string Article(object reference) => ArticleText.Isolated(reference?.ToString(), CultureInfo.CurrentUICulture);

    public static string Number(int value) => value.ToString("N0", CultureInfo.CurrentCulture);

    public static string Kind(this IStringLocalizer<TreatyText> text, InstrumentKind kind) => text["Kind_" + kind.ToKeyword()];

    public static string Kind(this IStringLocalizer<TreatyText> text, ParticipantKind kind) => text["ParticipantKind_" + ParticipantsEndpoints.Wire(kind)];

    public static string Kind(this IStringLocalizer<TreatyText> text, DeclarationKind kind) => text["DeclarationKind_" + ParticipantsEndpoints.Wire(kind)];

    public static string Subject(this IStringLocalizer<TreatyText> text, NotificationSubject subject) => text["Subject_" + ParticipantsEndpoints.Wire(subject)];

    public static string Standing(this IStringLocalizer<TreatyText> text, ParticipantStanding standing) => text["Standing_" + ParticipantsEndpoints.Wire(standing)];

    /// <summary>The chip modifier for a standing; the chip always carries text too.</summary>
    public static string Chip(ParticipantSummary participant, DateOnly today) => participant.Status switch
    {
        ParticipantStanding.Party when participant.InForceFrom is { } from && from <= today => "chip chip--ok",
        ParticipantStanding.Party => "chip chip--due",
        ParticipantStanding.Denounced => "chip chip--urgent",
        ParticipantStanding.Signatory or ParticipantStanding.None => "chip chip--neutral",
    };
}
