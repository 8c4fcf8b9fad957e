using System.Net.Http.Json;
using System.Text.Json;
using Comity.Node.Identity;
using Comity.Protocol.V1;
using Comity.Testing.Nodes;

namespace Comity.Node.Tests.Features.Directory;

/// <summary>
/// A real Secretariat and one real State node (XA) on loopback: the State node trusts the key the
/// Secretariat serves at <c>/federation/v1/register/key</c> and syncs the Register by polling it.
/// More State nodes can join (<see cref="StartStateAsync"/>).
/// </summary>
public sealed class DirectoryFederation : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    /// <summary>The URL the Secretariat publishes for itself in the Register.</summary>
    public static readonly Uri SecretariatPublicUrl = new("https://secretariat.comity.example/");

    private readonly List<TestNode> others = [];

    private DirectoryFederation(TestNode secretariat, TestNode state, DateTimeOffset now)
    {
        Secretariat = secretariat;
        State = state;
        StartedAt = now;
    }

    public TestNode Secretariat { get; }

    public TestNode State { get; }

    public DateTimeOffset StartedAt { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<DirectoryFederation> StartAsync(string stateCode = "XA", DateTimeOffset? now = null)
    {
        var at = now ?? Now;
        var secretariat = await TestFederation.StartSecretariatAsync(at, new Dictionary<string, string?> { ["Comity:Federation:PublicUrl"] = SecretariatPublicUrl.ToString() }, Ct);
        try
        {
            var state = await TestFederation.StartStateAsync(secretariat, stateCode, at, cancellationToken: Ct);
            return new DirectoryFederation(secretariat, state, at);
        }
        catch
        {
            await secretariat.DisposeAsync();
            throw;
        }
    }

    /// <summary>Another State node of the same federation, stopped with it.</summary>
    public async Task<TestNode> StartStateAsync(string stateCode)
    {
        var node = await TestFederation.StartStateAsync(Secretariat, stateCode, StartedAt, cancellationToken: Ct);
        others.Add(node);
        return node;
    }

    /// <summary>A real Register sync: the State node polls the Secretariat now and holds the Register it last published.</summary>
    public Task<Comity.Node.Federation.Register.RegisterPollOutcome> SyncRegisterAsync() => State.SyncRegisterAsync(Ct);

    /// <summary>The Register the Secretariat serves now, its signature checked.</summary>
    public Task<RegisterV1> PublishedRegisterAsync() => Secretariat.PublishedRegisterAsync(Ct);

    /// <summary>Writes a State's entries for real and has them approved: submit on <paramref name="state"/>, approve on the Secretariat.</summary>
    public async Task SubmitAndApproveAsync(TestNode state)
    {
        using var admin = await state.AdminAsync();
        using var officer = await Secretariat.OfficerAsync();
        var (submitted, body) = await admin.SendJsonAsync(HttpMethod.Post, "/api/v1/directory/own/submit");
        Assert.True(submitted.IsSuccessStatusCode, body.ToString());
        var (approved, approval) = await officer.SendJsonAsync(HttpMethod.Post, $"/api/v1/directory/notifications/{body.GetProperty("submission").GetProperty("id").GetGuid()}/approve");
        Assert.True(approved.IsSuccessStatusCode, approval.ToString());
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in others)
        {
            await node.DisposeAsync();
        }

        await State.DisposeAsync();
        await Secretariat.DisposeAsync();
    }
}

/// <summary>Request bodies for a realistic State: a Paris central authority and a 24/7 point with a roster.</summary>
internal static class DirectoryBodies
{
    public static object CentralAuthority(string? state = null) => new
    {
        state,
        office = "Ministry of Justice, Office for International Cooperation",
        role = "centralAuthority",
        channels = new[] { new { kind = "email", value = "entraide@justice.xa.example" }, new { kind = "phone", value = "+33 1 44 77 60 60" } },
        languages = new[] { "fr", "EN" },
        timeZone = "Europe/Paris",
        hours = new[] { new { days = new[] { 1, 2, 3, 4, 5 }, from = "09:00:00", to = "17:30:00" } },
        always = false,
    };

    public static object PointOfContact() => new
    {
        office = "National Cybercrime Unit 24/7 desk",
        role = "pointOfContact247",
        channels = new[] { new { kind = "phone", value = "+33 1 40 97 00 00" }, new { kind = "platform", value = "https://node.xa.example/" } },
        languages = new[] { "en", "fr" },
        timeZone = "Europe/Paris",
        hours = Array.Empty<object>(),
        always = true,
    };

    /// <summary>Shifts of 12 hours from <paramref name="from"/> for <paramref name="days"/> days.</summary>
    public static object Roster(DateTimeOffset from, int days) => new
    {
        shifts = Enumerable.Range(0, days * 2).Select(i => new
        {
            start = from.AddHours(12 * i),
            end = from.AddHours(12 * (i + 1)),
            officer = i % 2 == 0 ? "Insp. Camille Martin" : "Insp. Karim Benali",
            channels = new[] { new { kind = "phone", value = "+33 6 12 34 56 78" } },
        }),
    };

    public static object Provider(string? state = null) => new
    {
        state,
        name = "Nimbus Mail SA",
        services = new[] { "webmail", "cloud storage" },
        headquarters = "XA",
        dataLocations = new[] { "XA", "XB" },
        lawEnforcementContact = new { kind = "portal", value = "https://le.nimbus.example/" },
        emergencyContact = new { kind = "email", value = "emergency@nimbus.example" },
        acceptsDirectly = new[] { "preservation", "emergencyDisclosure" },
    };
}

internal static class DirectoryHttp
{
    public static async Task<(HttpResponseMessage Response, JsonElement Body)> SendJsonAsync(this HttpClient client, HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public static Task<HttpClient> AdminAsync(this TestNode node) => node.CreateClientForAsync("admin-" + Guid.NewGuid().ToString("N")[..6], Roles.NodeAdmin);

    public static Task<HttpClient> OfficerAsync(this TestNode node) => node.CreateClientForAsync("officer-" + Guid.NewGuid().ToString("N")[..6], Roles.SecretariatOfficer);
}
