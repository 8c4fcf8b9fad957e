namespace Comity.Node.Features.Requests.Alerts;

// This use case's part of the JSON contract of /api/v1/requests; its conventions are in ../RequestContracts.cs.

/// <summary>The answer of <c>GET /api/v1/requests/alerts</c>: reminders and escalations, newest first.</summary>
public sealed record RequestAlertsResponse(IReadOnlyList<RequestAlertDto> Items);
