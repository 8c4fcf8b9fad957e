using Comity.Domain.Cooperation;
using CsCheck;
using NodaTime;

namespace Comity.Domain.Tests.Cooperation;

/// <summary>Valid drafts, events and histories for the cooperation tests.</summary>
internal static class RequestBuilder
{
    public static readonly Instant Start = Instant.FromUtc(2026, 11, 28, 3, 0);

    /// <summary>A complete draft of the kind from XA to XB, in English, on the Convention.</summary>
    public static RequestDraft Draft(RequestKind kind) => new()
    {
        Kind = kind,
        RequestingState = "XA",
        RequestedState = "XB",
        LegalBasis = LegalBasis.TheConvention,
        Original = new RequestText("en", "Please preserve the account data described below."),
        Contents = Filled(kind),
        Conditions = new HandlingConditions { Confidentiality = Confidentiality.DoNotNotifyHolder },
        Purposes = kind.NamesPurposes() ? ["takingEvidenceOrStatements"] : null,
    };

    /// <summary>
    /// The history with what <paramref name="type"/> needs beyond the table opened first, where the state allows it without
    /// moving: a status inquiry before a status answer, a costs consultation before costs are agreed.
    /// </summary>
    public static RequestHistory PreparedFor(this RequestHistory history, RequestEventType type)
    {
        var needs = type switch
        {
            RequestEventType.StatusAnswered when history.Current.StatusInquiredAt is null => RequestEventType.StatusInquired,
            RequestEventType.CostsAgreed when !history.Current.CostsUnderConsultation => RequestEventType.CostsRaised,
            _ => (RequestEventType?)null,
        };
        var table = history.Kind.Profile().Transitions;
        return needs is RequestEventType first && table.Next(history.State, first) == history.State
            ? history.Then(first, history.Current.LastMovedAt ?? Start)
            : history;
    }

    public static RequestContents Filled(RequestKind kind) =>
        kind.Profile().RequiredContents.Aggregate(RequestContents.Empty, (c, r) => c.With(r.Item, "Stated: " + r.Item.Wire()));

    /// <summary>An event of the type that passes every guard, recorded by its owner at <paramref name="at"/>.</summary>
    public static RequestEvent Event(RequestEventType type, Instant at, RequestSnapshot current, int days = 90, HandlingConditions? conditions = null)
    {
        var by = type.Owner();
        return type switch
        {
            RequestEventType.Submitted => new RequestSubmitted(by, at, conditions ?? HandlingConditions.None),
            RequestEventType.Received => new RequestReceived(by, at),
            RequestEventType.Acknowledged => new RequestAcknowledged(by, at, "duty officer"),
            RequestEventType.InformationRequested => new InformationRequested(by, at, "Which account identifier?"),
            RequestEventType.InformationProvided => new InformationProvided(by, at, "user@example.org"),
            RequestEventType.Preserved => new DataPreserved(by, at, at.Plus(Duration.FromDays(Math.Max(days, 60)))),
            RequestEventType.ExtensionRequested => new ExtensionRequested(by, at, "MLA request on its way"),
            RequestEventType.PreservationExtended => new PreservationExtended(by, at, Max(current.PreservedUntil ?? at, at).Plus(Duration.FromDays(Math.Max(days, 1)))),
            RequestEventType.FollowUpLinked => new FollowUpLinked(by, at, "MLA-2026-0042"),
            RequestEventType.Disclosed => new DataDisclosed(by, at, conditions ?? HandlingConditions.None),
            RequestEventType.Answered => new RequestAnswered(by, at, conditions ?? HandlingConditions.None),
            RequestEventType.Refused => new RequestRefused(by, at, current.Kind.Profile().RefusalGrounds is [var first, ..] ? first : RefusalGround.EssentialInterests, "Execution would prejudice essential interests."),
            RequestEventType.Withdrawn => new RequestWithdrawn(by, at, "No longer required."),
            RequestEventType.Closed => new RequestClosed(by, at, "Follow-up decided."),
            RequestEventType.StatusInquired => new StatusInquired(by, at, "Where does the request stand?"),
            RequestEventType.StatusAnswered => new StatusAnswered(by, at, "The provider has been ordered to produce the records."),
            RequestEventType.ConditionsProposed => new ConditionsProposed(by, at, conditions ?? HandlingConditions.None, "Granted if the records are used only in the named proceedings."),
            RequestEventType.ConditionsAccepted => new ConditionsAccepted(by, at),
            RequestEventType.ConditionsDeclined => new ConditionsDeclined(by, at, "The records are needed in a related case."),
            RequestEventType.Postponed => new ExecutionPostponed(by, at, at.Plus(Duration.FromDays(Math.Max(days, 1))), "Execution now would alert the suspects of a domestic investigation."),
            RequestEventType.PartiallyExecuted => new PartiallyExecuted(by, at, conditions ?? HandlingConditions.None),
            RequestEventType.Executed => new RequestExecuted(by, at, conditions ?? HandlingConditions.None),
            RequestEventType.CostsRaised => new CostsRaised(by, at, "Forensic imaging of 40 TB: about EUR 30,000."),
            RequestEventType.CostsAgreed => new CostsAgreed(by, at, "Shared equally."),
        };
    }

    /// <summary>Appends an event that must be accepted.</summary>
    public static RequestHistory Then(this RequestHistory history, RequestEventType type, Instant at, int days = 90, HandlingConditions? conditions = null)
    {
        var result = history.Append(Event(type, at, history.Current, days, conditions));
        Assert.True(result.IsValid, string.Join("; ", result.Problems));
        return result.History!;
    }

    /// <summary>The shortest path of event types from New to each state of the kind's table (breadth first).</summary>
    public static IReadOnlyDictionary<RequestState, IReadOnlyList<RequestEventType>> PathsTo(RequestKind kind)
    {
        var table = kind.Profile().Transitions;
        var paths = new Dictionary<RequestState, IReadOnlyList<RequestEventType>> { [RequestState.New] = [] };
        var queue = new Queue<RequestState>([RequestState.New]);
        while (queue.TryDequeue(out var state))
        {
            foreach (var t in table.Transitions.Where(t => t.From == state && !paths.ContainsKey(t.To)))
            {
                paths[t.To] = [.. paths[state], t.On];
                queue.Enqueue(t.To);
            }
        }

        return paths;
    }

    /// <summary>A history of the kind brought to the end of a path, one hour between events.</summary>
    public static RequestHistory Walk(RequestKind kind, IEnumerable<RequestEventType> path)
    {
        var history = RequestHistory.Start(kind);
        var at = Start;
        foreach (var type in path)
        {
            history = history.Then(type, at);
            at = at.Plus(Duration.FromHours(1));
        }

        return history;
    }

    public static Gen<HandlingConditions> Conditions { get; } =
        Gen.Select(
            Gen.Enum<Confidentiality>(),
            Gen.Enum<UseLimitation>(),
            Gen.Enum<OnwardTransfer>(),
            Gen.Int[0, 3],
            Gen.Int[1, 400],
            Gen.OneOf("delete after use", "no profiling", "access by named officers only", "log every access").Array[0, 3],
            (c, u, o, hasRetention, days, dp) => new HandlingConditions
            {
                Confidentiality = c,
                UseLimitation = u,
                OnwardTransfer = o,
                RetentionDays = hasRetention == 0 ? null : days,
                DataProtection = dp,
            });

    /// <summary>
    /// Random valid histories of a kind: a random walk through its table, each event 0 to 20 days after
    /// the last, with random preservation periods, extensions and conditions.
    /// </summary>
    public static Gen<RequestHistory> HistoriesOf(RequestKind kind) => WalksFrom(RequestHistory.Start(kind));

    /// <summary>Random valid continuations of a history, as <see cref="HistoriesOf"/>.</summary>
    public static Gen<RequestHistory> WalksFrom(RequestHistory start) =>
        Gen.Select(Gen.Int[0, 1000], Gen.Int[0, 20 * 24 * 60], Gen.Int[1, 150], Conditions).Array[1, 14].Select(steps =>
        {
            var history = start;
            var at = start.Current.LastMovedAt ?? Start;
            foreach (var (choice, minutes, days, conditions) in steps)
            {
                // The events the table allows here and whose guards an ordinary event passes (a status answer needs an open inquiry).
                var next = at.Plus(Duration.FromMinutes(minutes));
                var current = history;
                var allowed = history.Kind.Profile().Transitions.AllowedIn(history.State)
                    .Where(t => current.Check(Event(t, next, current.Current, days, conditions)).Count == 0)
                    .ToList();
                if (allowed.Count == 0)
                {
                    break;
                }

                at = next;
                history = history.Then(allowed[choice % allowed.Count], at, days, conditions);
            }

            return history;
        });

    /// <summary>Random preservations: preserved for 60 to 150 days, then a random continuation.</summary>
    public static Gen<RequestHistory> Preservations { get; } =
        Gen.Int[60, 150].SelectMany(days => WalksFrom(
            RequestHistory.Start(RequestKind.ExpeditedPreservation)
                .Then(RequestEventType.Submitted, Start)
                .Then(RequestEventType.Received, Start)
                .Then(RequestEventType.Acknowledged, Start)
                .Then(RequestEventType.Preserved, Start.Plus(Duration.FromHours(1)), days)));

    /// <summary>Random valid histories of any kind.</summary>
    public static Gen<RequestHistory> Histories { get; } = Gen.Enum<RequestKind>().SelectMany(HistoriesOf);

    private static Instant Max(Instant a, Instant b) => a > b ? a : b;
}
