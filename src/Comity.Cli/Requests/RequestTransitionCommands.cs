using System.ComponentModel;
using System.Globalization;
using Comity.Node.Features.Requests;
using Comity.Node.Features.Requests.Delivery;
using Comity.Node.Features.Requests.Show;
using Comity.Node.Features.Requests.Transitions;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Comity.Cli.Requests;

/// <summary>The flags of a transition: the request's id and the transition's own fields.</summary>
internal abstract class RequestTransitionSettings : RequestSettings
{
    [CommandArgument(0, "<ID>")]
    [Description("The request's id (as comity request list shows it).")]
    public string Id { get; init; } = "";

    /// <summary>The body of <c>POST /api/v1/requests/{id}/{route}</c>; its <see cref="TransitionInput.Transition"/> is the route.</summary>
    public abstract TransitionInput Body();

    public override ValidationResult Validate() =>
        !Guid.TryParse(Id, out _) ? ValidationResult.Error($"ID must be a request id such as 0193f0c2-5b7e-7a31-9f0e-2b4c6d8e0f11, not '{Id}'.") : base.Validate();

    /// <summary>An instant (ISO 8601 with offset) or a date (midnight UTC); null when absent; an error when malformed.</summary>
    protected static bool TryInstant(string? text, out DateTimeOffset? instant)
    {
        instant = null;
        if (text is null)
        {
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            instant = parsed;
            return true;
        }

        return false;
    }
}

/// <summary>A period: <c>--days N</c> or <c>--until INSTANT</c>, exactly one.</summary>
internal abstract class RequestPeriodSettings : RequestTransitionSettings
{
    [CommandOption("--days <N>")]
    [Description("For this many days (preserve: from now; extend: after the current end). Preservation lasts at least 60 days (Art. 42).")]
    public int? Days { get; init; }

    [CommandOption("--until <INSTANT>")]
    [Description("Until this instant (ISO 8601, e.g. 2027-02-01T00:00:00Z) or date (2027-02-01, midnight UTC).")]
    public string? Until { get; init; }

    protected DateTimeOffset? UntilInstant => TryInstant(Until, out var instant) ? instant : null;

    public override ValidationResult Validate() =>
        (Days is null) == (Until is null) ? ValidationResult.Error("Give exactly one of --days N or --until INSTANT (preservation lasts at least 60 days, Art. 42).")
            : Days is < 1 ? ValidationResult.Error("--days must be a positive number of days (preservation lasts at least 60 days, Art. 42).")
            : !TryInstant(Until, out _) ? ValidationResult.Error($"--until must be an ISO 8601 instant such as 2027-02-01T00:00:00Z or a date such as 2027-02-01, not '{Until}'.")
            : base.Validate();
}

/// <summary>Conditions added to the request's by an answer or a disclosure (never lower, Art. 36).</summary>
internal abstract class RequestOutcomeSettings : RequestTransitionSettings
{
    [CommandOption("--text <TEXT>")]
    [Description("What is answered or disclosed, and how.")]
    public string? Text { get; init; }

    [CommandOption("--confidentiality <VALUE>")]
    [Description("none, confidential or doNotNotifyHolder; never lower than the request's (Art. 36).")]
    public string? Confidentiality { get; init; }

    [CommandOption("--use-limitation <VALUE>")]
    [Description("none, statedPurposeOnly or intelligenceOnly (Art. 40).")]
    public string? UseLimitation { get; init; }

    [CommandOption("--onward-transfer <VALUE>")]
    [Description("withPriorAuthorization, withWrittenAuthorization or prohibited (Art. 36(3)).")]
    public string? OnwardTransfer { get; init; }

    [CommandOption("--retention-days <N>")]
    [Description("Delete after at most this many days (Art. 36(1)).")]
    public int? RetentionDays { get; init; }

    protected HandlingConditionsDto? Conditions() =>
        Confidentiality is null && UseLimitation is null && OnwardTransfer is null && RetentionDays is null
            ? null
            : new HandlingConditionsDto(Confidentiality, UseLimitation, OnwardTransfer, RetentionDays);
}

internal sealed class AcknowledgeSettings : RequestTransitionSettings
{
    [CommandOption("--note <TEXT>")]
    [Description("An optional note for the history.")]
    public string? Note { get; init; }

    public override TransitionInput Body() => new AcknowledgeInput(Note);
}

internal sealed class PreserveSettings : RequestPeriodSettings
{
    [CommandOption("--note <TEXT>")]
    [Description("An optional note (e.g. which provider holds the data).")]
    public string? Note { get; init; }

    public override TransitionInput Body() => new PreserveInput(UntilInstant, Days, Note);
}

internal sealed class ExtendSettings : RequestPeriodSettings
{
    public override TransitionInput Body() => new ExtendInput(UntilInstant, Days);
}

internal sealed class DiscloseSettings : RequestOutcomeSettings
{
    public override TransitionInput Body() => new DiscloseInput(Text, Conditions());
}

internal sealed class AnswerSettings : RequestOutcomeSettings
{
    public override TransitionInput Body() => new AnswerInput(Text, Conditions());
}

internal sealed class RefuseSettings : RequestTransitionSettings
{
    [CommandOption("--ground <GROUND>")]
    [Description("The enumerated ground (Art. 40(21); Arts. 42–43 allow only some): nonConformity, essentialInterests, domesticLawProhibition, contraryToLegalSystem, discrimination, dataProtectionLaw, dualCriminalityReservation; between central authorities also lackOfDualCriminality (Art. 40(9)).")]
    public string? Ground { get; init; }

    [CommandOption("--reasons <TEXT>")]
    [Description("The reasons, which a refusal must give (Art. 40(23)).")]
    public string? Reasons { get; init; }

    public override TransitionInput Body() => new RefuseInput(Ground, Reasons);
}

internal sealed class RequestInformationSettings : RequestTransitionSettings
{
    [CommandOption("--question <TEXT>")]
    [Description("What the requested side needs to know (Art. 40(16)).")]
    public string? Question { get; init; }

    public override TransitionInput Body() => new RequestInformationInput(Question);
}

internal sealed class ProvideInformationSettings : RequestTransitionSettings
{
    [CommandOption("--answer <TEXT>")]
    [Description("The answer to the requested side's question (Art. 40(16)).")]
    public string? Answer { get; init; }

    public override TransitionInput Body() => new ProvideInformationInput(Answer);
}

internal sealed class RequestExtensionSettings : RequestTransitionSettings
{
    [CommandOption("--reason <TEXT>")]
    [Description("Why the preservation should last longer (Art. 42).")]
    public string? Reason { get; init; }

    public override TransitionInput Body() => new RequestExtensionInput(Reason);
}

internal sealed class LinkFollowUpSettings : RequestTransitionSettings
{
    [CommandOption("--reference <TEXT>")]
    [Description("The reference of the mutual legal assistance request that follows the preservation (Art. 42).")]
    public string? Reference { get; init; }

    public override TransitionInput Body() => new LinkFollowUpInput(Reference);
}

internal sealed class WithdrawSettings : RequestTransitionSettings
{
    [CommandOption("--reason <TEXT>")]
    [Description("Why the assistance is no longer needed.")]
    public string? Reason { get; init; }

    public override TransitionInput Body() => new WithdrawInput(Reason);
}

internal sealed class CloseSettings : RequestTransitionSettings
{
    [CommandOption("--reason <TEXT>")]
    [Description("Why the preservation ends, or why a partial execution goes no further.")]
    public string? Reason { get; init; }

    public override TransitionInput Body() => new CloseInput(Reason);
}

internal sealed class InquireStatusSettings : RequestTransitionSettings
{
    [CommandOption("--question <TEXT>")]
    [Description("What the requester wants to know about the progress (Art. 40).")]
    public string? Question { get; init; }

    public override TransitionInput Body() => new InquireStatusInput(Question);
}

internal sealed class AnswerStatusSettings : RequestTransitionSettings
{
    [CommandOption("--answer <TEXT>")]
    [Description("Where the request stands (Art. 40: reasonable status inquiries are answered).")]
    public string? Answer { get; init; }

    public override TransitionInput Body() => new AnswerStatusInput(Answer);
}

internal sealed class ProposeConditionsSettings : RequestOutcomeSettings
{
    [CommandOption("--terms <TEXT>")]
    [Description("The conditions on which the request could be granted, instead of a refusal or a postponement (Art. 40).")]
    public string? Terms { get; init; }

    public override TransitionInput Body() => new ProposeConditionsInput(Terms ?? Text, Conditions());
}

internal sealed class AcceptConditionsSettings : RequestTransitionSettings
{
    public override TransitionInput Body() => new AcceptConditionsInput();
}

internal sealed class DeclineConditionsSettings : RequestTransitionSettings
{
    [CommandOption("--reason <TEXT>")]
    [Description("Why the proposed conditions cannot be accepted.")]
    public string? Reason { get; init; }

    public override TransitionInput Body() => new DeclineConditionsInput(Reason);
}

internal sealed class PostponeSettings : RequestTransitionSettings
{
    [CommandOption("--days <N>")]
    [Description("Postpone for this many days from now.")]
    public int? Days { get; init; }

    [CommandOption("--until <INSTANT>")]
    [Description("Postpone until this instant (ISO 8601) or date (midnight UTC).")]
    public string? Until { get; init; }

    [CommandOption("--reasons <TEXT>")]
    [Description("The investigation, prosecution or proceeding that execution would interfere with (Art. 40).")]
    public string? Reasons { get; init; }

    public override TransitionInput Body() => new PostponeInput(TryInstant(Until, out var until) ? until : null, Days, Reasons);

    public override ValidationResult Validate() =>
        (Days is null) == (Until is null) ? ValidationResult.Error("Give exactly one of --days N or --until INSTANT: when the postponement ends (Art. 40).")
            : Days is < 1 ? ValidationResult.Error("--days must be a positive number of days.")
            : !TryInstant(Until, out _) ? ValidationResult.Error($"--until must be an ISO 8601 instant such as 2027-02-01T00:00:00Z or a date such as 2027-02-01, not '{Until}'.")
            : base.Validate();
}

internal sealed class ExecutePartiallySettings : RequestOutcomeSettings
{
    public override TransitionInput Body() => new ExecutePartiallyInput(Text, Conditions());
}

internal sealed class ExecuteSettings : RequestOutcomeSettings
{
    public override TransitionInput Body() => new ExecuteInput(Text, Conditions());
}

internal sealed class RaiseCostsSettings : RequestTransitionSettings
{
    [CommandOption("--estimate <TEXT>")]
    [Description("The substantial or extraordinary expenses expected (Art. 40).")]
    public string? Estimate { get; init; }

    public override TransitionInput Body() => new RaiseCostsInput(Estimate);
}

internal sealed class AgreeCostsSettings : RequestTransitionSettings
{
    [CommandOption("--terms <TEXT>")]
    [Description("How the costs will be borne.")]
    public string? Terms { get; init; }

    public override TransitionInput Body() => new AgreeCostsInput(Terms);
}

/// <summary>
/// One verb per transition: <c>POST /api/v1/requests/{id}/{route}</c>. The node decides with the kind's
/// transition table and the side; a refusal names the rule and its article and ends with exit code 2.
/// </summary>
internal sealed class RequestTransitionCommand<TSettings>(CliEnvironment environment) : AsyncCommand<TSettings>
    where TSettings : RequestTransitionSettings
{
    public override async Task<int> ExecuteAsync(CommandContext context, TSettings settings, CancellationToken cancellationToken)
    {
        using var connection = RequestConnection.Resolve(settings, environment);
        if (connection is null)
        {
            return ExitCodes.Invalid;
        }

        var body = settings.Body();
        var answer = await RequestConnection.PostAsync(connection, environment, $"api/v1/requests/{Guid.Parse(settings.Id):D}/{body.Transition}", body, RequestConnection.ActRoles, cancellationToken);
        if (answer.Body is not { } json)
        {
            return answer.ExitCode;
        }

        if (settings.Json)
        {
            environment.WriteMachineOutput(json);
            return ExitCodes.Ok;
        }

        if (RequestJson.Read<RequestDetail>(json, environment) is not { } detail)
        {
            return ExitCodes.Failure;
        }

        environment.Out.MarkupLineInterpolated($"[green]Recorded[/] {body.Transition} on {detail.Header.Id}: the event is signed by this node and sent to {(detail.Header.Side == "requested" ? detail.Header.RequestingState : detail.Header.RequestedState)}.");
        RequestDetailView.WriteSummary(environment, detail);
        return ExitCodes.Ok;
    }
}

/// <summary><c>comity request send-again ID</c>: the flags.</summary>
internal sealed class SendAgainSettings : RequestSettings
{
    [CommandArgument(0, "<ID>")]
    [Description("The request's id (as comity request list shows it).")]
    public string Id { get; init; } = "";

    public override ValidationResult Validate() =>
        !Guid.TryParse(Id, out _) ? ValidationResult.Error($"ID must be a request id such as 0193f0c2-5b7e-7a31-9f0e-2b4c6d8e0f11, not '{Id}'.") : base.Validate();
}

/// <summary>Sends the request's events that the other node refused again, byte for byte, once the cause is fixed.</summary>
internal sealed class SendAgainCommand(CliEnvironment environment) : AsyncCommand<SendAgainSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, SendAgainSettings settings, CancellationToken cancellationToken)
    {
        using var connection = RequestConnection.Resolve(settings, environment);
        if (connection is null)
        {
            return ExitCodes.Invalid;
        }

        var id = Guid.Parse(settings.Id);
        var answer = await RequestConnection.PostAsync(connection, environment, $"api/v1/requests/{id:D}/send-again", new { }, RequestConnection.ActRoles, cancellationToken);
        if (answer.Body is not { } json)
        {
            return answer.ExitCode;
        }

        if (settings.Json)
        {
            environment.WriteMachineOutput(json);
            return ExitCodes.Ok;
        }

        if (RequestJson.Read<SendAgainResponse>(json, environment) is not { } sent)
        {
            return ExitCodes.Failure;
        }

        environment.Out.MarkupLineInterpolated($"[green]Sent again[/]: {sent.Resent} refused envelope(s) of {sent.Id} go out again as they were signed. Follow them with: comity request show {sent.Id}");
        return ExitCodes.Ok;
    }
}
