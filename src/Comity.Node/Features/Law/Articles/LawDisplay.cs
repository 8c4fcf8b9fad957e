using Comity.Domain.Cooperation;
using Microsoft.Extensions.Localization;

namespace Comity.Node.Features.Law.Articles;

/// <summary>Names of the 24/7 channel's values on the law pages, from <see cref="LawText"/> (<c>Kind_</c>, <c>Ground_</c>, <c>Clock_</c>, <c>Content_</c> and the wire name).</summary>
internal static class LawDisplay
{
    public static string Name(this IStringLocalizer<LawText> text, RequestKind kind) => text["Kind_" + kind.Wire()];

    public static string Name(this IStringLocalizer<LawText> text, RefusalGround ground) => text["Ground_" + ground.Wire()];

    public static string Name(this IStringLocalizer<LawText> text, ContentItem item) => text["Content_" + item.Wire()];

    public static string Name(this IStringLocalizer<LawText> text, DeadlineKind clock) => text["Clock_" + clock switch
    {
        DeadlineKind.Acknowledgement => "acknowledgement",
        DeadlineKind.PreservationReminder => "preservationReminder",
        DeadlineKind.PreservationExpiry => "preservationExpiry",
        DeadlineKind.Stale => "stale",
        DeadlineKind.RequesterDeadline => "requesterDeadline",
        DeadlineKind.StatusAnswer => "statusAnswer",
        DeadlineKind.PostponementEnd => "postponementEnd",
    }];
}
