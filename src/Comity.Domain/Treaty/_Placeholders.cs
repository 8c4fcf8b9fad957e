namespace Comity.Domain.Treaty;

// Stand-ins until the treaty domain lands from its branch; removed at merge.
public enum InstrumentKind { Signature, Ratification, Acceptance, Approval, Accession, Denunciation }

public enum DeclarationKind { Declaration, Reservation, Notification }

public enum NotificationSubject { CentralAuthority, Languages, PointOfContact247, ExtraditionBasis, PreventionAuthority, ReioCompetence, OptOutOfDisputeSettlement, Other }
