using Comity.Domain.Legal;
using NodaTime;

namespace Comity.Domain.Treaty;

public enum DeclarationKind
{
    Declaration,
    Reservation,
    Notification,
}

/// <summary>What a notification to the Secretary-General is about (REFERENCE.md §6.13).</summary>
public enum NotificationSubject
{
    CentralAuthority,
    Languages,
    PointOfContact247,
    ExtraditionBasis,
    PreventionAuthority,
    ReioCompetence,
    OptOutOfDisputeSettlement,
    Other,
}

public static class NotificationSubjects
{
    /// <summary>
    /// The provision under which each notification is made. Paragraph numbers are UNVERIFIED except
    /// Art. 64; see <see cref="ArticleCatalogue.KnownDoubts"/>. The dispute-settlement opt-out cites
    /// 63(2) as the issue states although the working reference says 63(3).
    /// </summary>
    public static ArticleReference Basis(this NotificationSubject subject) => subject switch
    {
        NotificationSubject.CentralAuthority => Convention.Art(40, 13),
        NotificationSubject.Languages => Convention.Art(40, 14),
        NotificationSubject.PointOfContact247 => Convention.Art(41, 1),
        NotificationSubject.ExtraditionBasis => Convention.Art(37),
        NotificationSubject.PreventionAuthority => Convention.Art(53),
        NotificationSubject.ReioCompetence => Convention.Art(64),
        NotificationSubject.OptOutOfDisputeSettlement => Convention.Art(63, 2),
        NotificationSubject.Other => Convention.Art(68),
    };
}

/// <summary>A declaration, reservation or notification made by a participant.</summary>
public sealed record Declaration(
    ParticipantCode Participant,
    DeclarationKind Kind,
    NotificationSubject? Subject,
    ArticleReference Article,
    LocalDate Date,
    string Text);
