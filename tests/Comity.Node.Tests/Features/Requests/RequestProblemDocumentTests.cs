using System.Net;
using System.Text.Json;
using Comity.Node.Features.Requests.Transitions;
using Comity.Node.Kernel;
using Comity.Node.Tests.Features.Directory;

namespace Comity.Node.Tests.Features.Requests;

/// <summary>
/// The request API's refusals, mapped from the handlers' errors in one place (Api/Problems), are the documents clients
/// have always read: the status, the type and title of each kind of refusal, the code, every problem in <c>errors</c>
/// with its own article, and no <c>legalBasis</c> member of the document's own.
/// </summary>
public sealed class RequestProblemDocumentTests
{
    private static readonly string[] Members = ["code", "detail", "errors", "instance", "status", "title", "traceId", "type"];

    [Fact]
    [Trait("Article", "41")]
    public async Task Refusals_KeepTheirProblemDocuments()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var network = await RequestsTestKit.StartAsync(DatabaseProvider.Sqlite, ct, "XA", "XB");
        using var duty = await network["XA"].DutyAsync();

        // 422: an incomplete draft, every missing item with its field and article.
        var incomplete = await duty.PostAsync("/api/v1/requests", RequestsTestKit.Preservation("XB") with { Contents = new() }).OkAsync(HttpStatusCode.UnprocessableEntity);
        AssertDocument(incomplete, 422, "request.missing-content", "The request is not complete: nothing was stored or sent.");
        var first = incomplete.GetProperty("errors")[0];
        Assert.Equal(["field", "code", "message", "article"], first.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("contents.requestingAuthority", "Art. 42"), (first.GetProperty("field").GetString(), first.GetProperty("article").GetString()));
        Assert.StartsWith("contents.requestingAuthority: The request must state", incomplete.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // 400: a malformed filter is a validation problem, whatever the field.
        using var filter = await duty.GetAsync("/api/v1/requests?box=sideways", ct);
        var malformed = JsonDocument.Parse(await filter.Content.ReadAsStringAsync(ct)).RootElement;
        Assert.Equal(HttpStatusCode.BadRequest, filter.StatusCode);
        AssertDocument(malformed, 400, "validation", "The request is not valid.", type: "validation");
        Assert.Equal("box: box is incoming or outgoing.", malformed.GetProperty("detail").GetString());
        Assert.Equal("Art. 41", malformed.GetProperty("errors")[0].GetProperty("article").GetString());

        // 404: a request this node is not a party to.
        var unknown = Guid.CreateVersion7(network["XA"].Time.GetUtcNow());
        var (notFound, missing) = await duty.SendJsonAsync(HttpMethod.Get, $"/api/v1/requests/{unknown}");
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        AssertDocument(missing, 404, "request.not-found", "Not found.");
        Assert.Equal($"id: This node is not a party to a request {unknown}.", missing.GetProperty("detail").GetString());

        // 403: the other side's transition, titled for the person who tried.
        var id = (await duty.PostAsync("/api/v1/requests", RequestsTestKit.Preservation("XB")).OkAsync(HttpStatusCode.Created)).GetProperty("header").GetProperty("id").GetGuid();
        var wrongSide = await duty.PostAsync($"/api/v1/requests/{id}/acknowledge", new AcknowledgeInput()).OkAsync(HttpStatusCode.Forbidden);
        AssertDocument(wrongSide, 403, "request.wrong-side", "Only the other side can record 'acknowledged': this node is the requesting side.");
    }

    private static void AssertDocument(JsonElement problem, int status, string code, string title, string? type = null)
    {
        Assert.Equal(Members, problem.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("https://comity.invalid/problems/" + (type ?? code), problem.GetProperty("type").GetString());
        Assert.Equal(title, problem.GetProperty("title").GetString());
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Equal(code, problem.GetProperty("errors")[0].GetProperty("code").GetString());
    }
}
