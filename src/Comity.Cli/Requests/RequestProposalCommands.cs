using System.ComponentModel;
using Comity.Cli.Treaty;
using Comity.Node.Features.Requests.Proposals;
using Comity.Node.Features.Requests.Show;
using Comity.Node.Identity;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Comity.Cli.Requests;

/// <summary>Who drafts and who reviews, as the CLI names them when a token lacks the role.</summary>
internal static class ProposalCliRoles
{
    public static readonly string Draft = $"{Roles.Prosecutor}, {Roles.CentralAuthorityOfficer} or {Roles.Supervisor}";
    public static readonly string Review = $"{Roles.CentralAuthorityOfficer} or {Roles.Supervisor}";
    public static readonly string Read = $"{Roles.Prosecutor}, {Roles.CentralAuthorityOfficer}, {Roles.Supervisor} or {Roles.Auditor}";
}

internal sealed class ProposalListSettings : RequestSettings
{
    [CommandOption("--status <STATUS>")]
    [Description("awaitingReview, sent or returned; default all.")]
    public string? Status { get; init; }

    public override ValidationResult Validate() =>
        Status is not null && !ProposalStatus.All.Contains(Status)
            ? ValidationResult.Error($"--status is {string.Join(", ", ProposalStatus.All)}, not '{Status}'.")
            : base.Validate();
}

internal class ProposalIdSettings : RequestSettings
{
    [CommandArgument(0, "<PROPOSAL-ID>")]
    [Description("The proposal's id (as comity request proposals shows it).")]
    public string Id { get; init; } = "";

    public override ValidationResult Validate() =>
        !Guid.TryParse(Id, out _) ? ValidationResult.Error($"PROPOSAL-ID must be a proposal id such as 0193f0c2-5b7e-7a31-9f0e-2b4c6d8e0f11, not '{Id}'.") : base.Validate();
}

internal sealed class ProposalReturnSettings : ProposalIdSettings
{
    [CommandOption("--reason <TEXT>")]
    [Description("Why the draft goes back to its prosecutor: what to add or change (required).")]
    public string? Reason { get; init; }

    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Reason) ? ValidationResult.Error("--reason is required: say what the prosecutor should add or change.") : base.Validate();
}

/// <summary><c>comity request propose</c>: a prosecutor's draft for a central-authority officer to send (four eyes).</summary>
internal sealed class RequestProposeCommand(CliEnvironment environment) : AsyncCommand<RequestDraftSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, RequestDraftSettings settings, CancellationToken cancellationToken) =>
        RequestDraftBuilder.Build(settings, environment) is not { } draft
            ? Task.FromResult(ExitCodes.Invalid)
            : RequestPost.RunAsync<RequestProposalDto>(settings, environment, "api/v1/requests/proposals", draft, ProposalCliRoles.Draft, proposal =>
            {
                environment.Out.MarkupLineInterpolated($"[green]Proposed[/] {proposal.Kind} to {proposal.RequestedState} for review: [bold]{proposal.Id}[/]");
                environment.Out.MarkupLine("A central-authority officer sends it ([bold]comity request send-proposal[/]) or returns it with reasons; you cannot send your own draft (four eyes).");
            }, cancellationToken, "Nothing was stored. [bold]comity request validate[/] checks a draft first.");
}

/// <summary><c>comity request proposals</c>: the drafts awaiting review and what became of the others.</summary>
internal sealed class RequestProposalsCommand(CliEnvironment environment) : AsyncCommand<ProposalListSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ProposalListSettings settings, CancellationToken cancellationToken)
    {
        using var connection = RequestConnection.Resolve(settings, environment);
        if (connection is null)
        {
            return ExitCodes.Invalid;
        }

        var answer = await RequestConnection.GetAsync(connection, environment, NodeConnection.WithQuery("api/v1/requests/proposals", ("status", settings.Status)), ProposalCliRoles.Read, cancellationToken);
        if (answer.Body is not { } body)
        {
            return answer.ExitCode;
        }

        if (settings.Json)
        {
            environment.WriteMachineOutput(body);
            return ExitCodes.Ok;
        }

        if (RequestJson.Read<RequestProposalListResponse>(body, environment) is not { } list)
        {
            return ExitCodes.Failure;
        }

        var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape($"Proposals at {connection.Node}, newest first"));
        foreach (var column in new[] { "Status", "Kind", "To", "Reference", "Drafted by", "Drafted (UTC)", "Decided by", "Request", "Id" })
        {
            table.AddColumn(column);
        }

        foreach (var p in list.Proposals)
        {
            table.AddRow(
                Status(p.Status),
                Markup.Escape(p.Kind),
                Markup.Escape(p.RequestedState),
                Markup.Escape(p.Reference ?? ""),
                Markup.Escape(p.ProposedBy),
                Markup.Escape(RequestView.Instant(p.ProposedAt, null)),
                Markup.Escape(p.DecidedBy ?? ""),
                p.RequestId is { } id ? Markup.Escape($"{id:D} ({p.RequestState})") : Markup.Escape(p.Reason ?? ""),
                Markup.Escape(p.Id.ToString("D")));
        }

        if (list.Proposals.Count == 0)
        {
            table.AddRow("none", "", "", "", "", "", "", "", "");
        }

        environment.Out.Write(table);
        return ExitCodes.Ok;
    }

    private static string Status(string status) => status switch
    {
        ProposalStatus.AwaitingReview => "[yellow]awaiting review[/]",
        ProposalStatus.Sent => "[green]sent[/]",
        ProposalStatus.Returned => "[red]returned[/]",
        _ => Markup.Escape(status),
    };
}

/// <summary><c>comity request send-proposal</c>: a central-authority officer signs and sends a prosecutor's draft.</summary>
internal sealed class RequestSendProposalCommand(CliEnvironment environment) : AsyncCommand<ProposalIdSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, ProposalIdSettings settings, CancellationToken cancellationToken) =>
        RequestPost.RunAsync<RequestDetail>(settings, environment, $"api/v1/requests/proposals/{Guid.Parse(settings.Id):D}/send", new { }, ProposalCliRoles.Review, detail =>
        {
            environment.Out.MarkupLineInterpolated($"[green]Sent[/] {detail.Header.Kind} ({detail.Header.Article}) to {detail.Header.RequestedState}: [bold]{detail.Header.Id}[/]");
            RequestDetailView.WriteSummary(environment, detail);
        }, cancellationToken);
}

/// <summary><c>comity request return-proposal</c>: a central-authority officer returns a draft to its prosecutor with reasons.</summary>
internal sealed class RequestReturnProposalCommand(CliEnvironment environment) : AsyncCommand<ProposalReturnSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, ProposalReturnSettings settings, CancellationToken cancellationToken) =>
        RequestPost.RunAsync<RequestProposalDto>(settings, environment, $"api/v1/requests/proposals/{Guid.Parse(settings.Id):D}/return", new ReturnProposalInput(settings.Reason), ProposalCliRoles.Review,
            proposal => environment.Out.MarkupLineInterpolated($"[yellow]Returned[/] to {proposal.ProposedBy}: {proposal.Reason}"), cancellationToken);
}
