using System.Globalization;

namespace Comity.Node.Features.Requests.Transitions;

/// <summary>The fields of every action form of the request page; each form posts only its own.</summary>
internal sealed class ActionFields
{
    public string? Note { get; set; }
    public string? Days { get; set; }
    public string? Until { get; set; }
    public string? Ground { get; set; }
    public string? Reasons { get; set; }
    public string? Text { get; set; }
    public string? Question { get; set; }
    public string? Answer { get; set; }
    public string? Reason { get; set; }
    public string? Reference { get; set; }

    /// <summary>The handling conditions a disclosure or an answer adds (Art. 36): they can only raise the request's.</summary>
    public string? Confidentiality { get; set; }

    public string? UseLimitation { get; set; }

    public string? OnwardTransfer { get; set; }

    public string? RetentionDays { get; set; }

    /// <summary>Further data-protection conditions, one a line (Art. 36(1)).</summary>
    public string? DataProtection { get; set; }

    /// <summary>
    /// The transition's input, or the field at fault when a value has the wrong form (a date that is not
    /// a date, days that are not a whole number). The rules themselves (60 days, grounds, reasons) are the
    /// service's, so that the page and the API refuse the same things with the same codes.
    /// </summary>
    public (TransitionInput? Input, string? BadField) ToInput(string action)
    {
        int? days = null;
        if (!string.IsNullOrWhiteSpace(Days))
        {
            if (!int.TryParse(Days.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var d) || d < 1)
            {
                return (null, "days");
            }

            days = d;
        }

        DateTimeOffset? until = null;
        if (!string.IsNullOrWhiteSpace(Until))
        {
            if (!DateOnly.TryParseExact(Until.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return (null, "until");
            }

            // The end of the chosen day in UTC: a date picked exactly 60 days ahead is never a few hours short.
            until = new DateTimeOffset(date.ToDateTime(new TimeOnly(23, 59)), TimeSpan.Zero);
            days = null;
        }

        int? retention = null;
        if (!string.IsNullOrWhiteSpace(RetentionDays))
        {
            if (!int.TryParse(RetentionDays.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var r) || r < 1)
            {
                return (null, "retentionDays");
            }

            retention = r;
        }

        TransitionInput? input = action switch
        {
            RequestTransitions.Acknowledge => new AcknowledgeInput(Blank(Note)),
            RequestTransitions.Preserve => new PreserveInput(until, days, Blank(Note)),
            RequestTransitions.Extend => new ExtendInput(until, days),
            RequestTransitions.Disclose => new DiscloseInput(Blank(Text), Conditions(retention)),
            RequestTransitions.Answer => new AnswerInput(Blank(Text), Conditions(retention)),
            RequestTransitions.Refuse => new RefuseInput(Blank(Ground), Blank(Reasons)),
            RequestTransitions.RequestInformation => new RequestInformationInput(Blank(Question)),
            RequestTransitions.ProvideInformation => new ProvideInformationInput(Blank(Answer)),
            RequestTransitions.RequestExtension => new RequestExtensionInput(Blank(Reason)),
            RequestTransitions.LinkFollowUp => new LinkFollowUpInput(Blank(Reference)),
            RequestTransitions.Withdraw => new WithdrawInput(Blank(Reason)),
            RequestTransitions.Close => new CloseInput(Blank(Reason)),
            RequestTransitions.InquireStatus => new InquireStatusInput(Blank(Question)),
            RequestTransitions.AnswerStatus => new AnswerStatusInput(Blank(Answer)),
            RequestTransitions.ProposeConditions => new ProposeConditionsInput(Blank(Text), Conditions(retention)),
            RequestTransitions.AcceptConditions => new AcceptConditionsInput(),
            RequestTransitions.DeclineConditions => new DeclineConditionsInput(Blank(Reason)),
            RequestTransitions.Postpone => new PostponeInput(until, days, Blank(Reasons)),
            RequestTransitions.ExecutePartially => new ExecutePartiallyInput(Blank(Text), Conditions(retention)),
            RequestTransitions.Execute => new ExecuteInput(Blank(Text), Conditions(retention)),
            RequestTransitions.RaiseCosts => new RaiseCostsInput(Blank(Text)),
            RequestTransitions.AgreeCosts => new AgreeCostsInput(Blank(Text)),
            _ => null,
        };
        return (input, null);
    }

    /// <summary>The conditions the form adds, or null when it adds none (the request's stay as they are).</summary>
    private HandlingConditionsDto? Conditions(int? retention) =>
        ConditionFields.ToDto(Confidentiality, UseLimitation, OnwardTransfer, retention, DataProtection) is var conditions && ConditionFields.IsEmpty(conditions) ? null : conditions;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
