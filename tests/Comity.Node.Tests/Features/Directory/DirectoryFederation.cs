using System.Net.Http.Json;
using System.Text.Json;
using Comity.Node.Hosting;
using Comity.Node.Identity;
using Comity.Testing.Nodes;

namespace Comity.Node.Tests.Features.Directory;

/// <summary>A Secretariat and one State node (XA) on loopback, each with its federation fakes.</summary>
public sealed class DirectoryFederation : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    private DirectoryFederation(TestNode secretariat, FederationFakes secretariatFakes, TestNode state, FederationFakes stateFakes)
    {
        Secretariat = secretariat;
        SecretariatFakes = secretariatFakes;
        State = state;
        StateFakes = stateFakes;
    }

    public TestNode Secretariat { get; }

    public FederationFakes SecretariatFakes { get; }

    public TestNode State { get; }

    public FederationFakes StateFakes { get; }

    public static async Task<DirectoryFederation> StartAsync(string stateCode = "XA")
    {
        var secretariatFakes = new FederationFakes(Now);
        var secretariat = await TestNode.StartAsync(new TestNodeOptions
        {
            Role = NodeRole.Secretariat,
            StateCode = null,
            Kestrel = true,
            Now = Now,
            Services = secretariatFakes.AddTo,
            Settings = new Dictionary<string, string?> { ["Comity:Federation:PublicUrl"] = "https://secretariat.comity.example/" },
        });
        var stateFakes = new FederationFakes(Now);
        var state = await TestNode.StartAsync(new TestNodeOptions
        {
            Role = NodeRole.State,
            StateCode = stateCode,
            Kestrel = true,
            Now = Now,
            Services = stateFakes.AddTo,
            Settings = new Dictionary<string, string?>
            {
                ["Comity:Federation:SecretariatUrl"] = secretariat.BaseAddress.ToString(),
                ["Comity:Federation:PublicUrl"] = $"https://node.{stateCode.ToLowerInvariant()}.example/",
            },
        });
        return new DirectoryFederation(secretariat, secretariatFakes, state, stateFakes);
    }

    /// <summary>What a Register sync would do: the State node now holds the Register the Secretariat last published.</summary>
    public void SyncRegister() => StateFakes.Register.Snapshot = SecretariatFakes.Register.Snapshot;

    public async ValueTask DisposeAsync()
    {
        await State.DisposeAsync();
        await Secretariat.DisposeAsync();
        SecretariatFakes.Dispose();
        StateFakes.Dispose();
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
