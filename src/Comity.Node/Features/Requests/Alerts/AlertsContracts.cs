namespace Comity.Node.Features.Requests.Alerts;

// The JSON contract of /api/v1/requests (docs/cooperation/requests-api.md). Names are camelCase on the
// wire; enum-like values are the domain's wire names (RequestKinds.Wire, RequestStates.Wire, …);
// instants are UTC ISO 8601; durations are TimeSpan ("hh:mm:ss" or "d.hh:mm:ss").
// Every member added later is optional, so that clients written against this version keep working.

/// <summary>The answer of <c>GET /api/v1/requests/alerts</c>: reminders and escalations, newest first.</summary>
public sealed record RequestAlertsResponse(IReadOnlyList<RequestAlertDto> Items);
