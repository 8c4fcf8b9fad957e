using System.Net;
using Comity.Node.Features.Requests;
using Comity.Node.Features.Requests.Transitions;
using Comity.Node.Kernel;
using Comity.Node.Tests.Federation.Envelopes;
using Comity.Protocol.V1;
using Comity.Testing.Databases;
using Comity.Testing.Nodes;
using Microsoft.EntityFrameworkCore;

namespace Comity.Node.Tests.Features.Requests.ReceiveSubmission;

/// <summary>
/// Senders and databases from before the typed contracts: the submitted event repeated the request's
/// conditions in its fields, and stored fields carried explicit nulls. Both still read.
/// </summary>
public sealed class RequestsEarlierSenderTests
{
    private static readonly HandlingConditionsV1 Conditions = new("confidential", "statedPurposeOnly", "withPriorAuthorization", null, []);

    [Theory]
    [Trait("Article", "36")]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task SubmittedEvent_RepeatingTheRequestsConditions_IsAccepted_OtherConditionsAreRefused_AndEarlierStoredFieldsReplay(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var network = await RequestsTestKit.StartAsync(provider, ct, "XA", "XB");
        var (xa, xb) = (network["XA"], network["XB"]);

        // Conditions in the submitted event that differ from the request's: refused, nothing stored.
        var other = Guid.CreateVersion7(xa.Time.GetUtcNow());
        using (var refused = await xb.PostEnvelopeAsync(await xa.SignAsync(Submitted(xa, other, Conditions with { Confidentiality = "none" }), ct), ct))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal(RequestEnvelopeRules.Malformed, (await refused.JsonAsync(ct)).GetProperty("code").GetString());
        }

        Assert.False(await xb.QueryAsync(db => db.Requests().AnyAsync(r => r.Id == other, ct)));

        // The same conditions, as an earlier sender wrote them: accepted.
        var id = Guid.CreateVersion7(xa.Time.GetUtcNow());
        using (var accepted = await xb.PostEnvelopeAsync(await xa.SignAsync(Submitted(xa, id, Conditions), ct), ct))
        {
            Assert.True(accepted.IsSuccessStatusCode, $"{(int)accepted.StatusCode}: {await accepted.Content.ReadAsStringAsync(ct)}");
        }

        // XB acknowledges, then its stored fields are put back in the earlier form (explicit nulls,
        // conditions in the submitted event): the history still replays for the next transition.
        using var xbDuty = await xb.DutyAsync();
        await xbDuty.PostAsync($"/api/v1/requests/{id}/acknowledge", new AcknowledgeInput()).OkAsync();
        var events = await xb.QueryAsync(db => db.RequestEvents().Where(e => e.RequestId == id).OrderBy(e => e.Index).Select(e => e.FieldsJson).ToListAsync(ct));
        Assert.Equal(["{\"conditions\":{\"confidentiality\":\"confidential\",\"useLimitation\":\"statedPurposeOnly\",\"onwardTransfer\":\"withPriorAuthorization\",\"retentionDays\":null,\"dataProtection\":[]}}", "{}", "{}"], events);
        await xb.QueryAsync(db => db.RequestEvents().Where(e => e.RequestId == id && e.Type == "acknowledged")
            .ExecuteUpdateAsync(u => u.SetProperty(e => e.FieldsJson, "{\"officer\":null}"), ct));

        var preserved = await xbDuty.PostAsync($"/api/v1/requests/{id}/preserve", new PreserveInput(Days: 60)).OkAsync();

        Assert.Equal("preserved", preserved.GetProperty("header").GetProperty("state").GetString());
        Assert.Equal("confidential", preserved.GetProperty("conditions").GetProperty("confidentiality").GetString());
    }

    /// <summary>A <c>request.submitted/v1</c> envelope from XA whose submitted event carries <paramref name="eventConditions"/>.</summary>
    private static EnvelopeV1 Submitted(TestNode xa, Guid id, HandlingConditionsV1 eventConditions)
    {
        var now = xa.Time.GetUtcNow();
        var request = new RequestV1(
            id, "expeditedPreservation", "XA", "XB", "Cybercrime Unit", "XB Cybercrime 24/7 desk", null, "Officer XB", null, "XA-2026-0042",
            new LegalBasisV1("bilateralTreaty", "Treaty on Mutual Legal Assistance between XA and XB (2019)", false),
            new RequestTextV1("en", "Please preserve the mailbox described below pending a mutual legal assistance request.", null),
            null,
            new RequestContentsV1 { Offence = "Illegal access (Art. 7)", DataToPreserve = "Mailbox contents and access logs of account x@mail.example" },
            Conditions);
        var submitted = new RequestEventV1("submitted", "requesting", now, "XA duty officer", new RequestEventFieldsV1 { Conditions = eventConditions });
        return new EnvelopeV1(1, Guid.CreateVersion7(now).ToString("D"), "XA", "XB", id.ToString("D"), 1, RequestSubmittedV1.TypeName, now, RequestJson.ToBody(new RequestSubmittedV1(request, submitted)));
    }
}
