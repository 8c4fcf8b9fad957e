using System.Net.Http.Headers;
using Comity.Node.Hosting;
using Comity.Node.Kernel;
using Comity.Node.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

using Comity.Testing.Databases;

namespace Comity.Testing.Nodes;

/// <summary>How to start a <see cref="TestNode"/>.</summary>
public sealed record TestNodeOptions
{
    public NodeRole Role { get; init; } = NodeRole.State;

    public string? StateCode { get; init; } = "XA";

    public DatabaseProvider Provider { get; init; } = DatabaseProvider.Sqlite;

    /// <summary>Connection string; default a fresh SQLite file in the node's data folder.</summary>
    public string? ConnectionString { get; init; }

    /// <summary>Listen on a real loopback port (for browsers and other processes) instead of the in-memory test server.</summary>
    public bool Kestrel { get; init; }

    public bool Demo { get; init; }

    /// <summary>Starting instant of the node's fake clock.</summary>
    public DateTimeOffset Now { get; init; } = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Extra configuration keys, e.g. <c>Comity:DisplayName</c>.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    /// <summary>Extra services registered before the node's own (which use TryAdd for replaceable seams such as the Register's directory source).</summary>
    public Action<IServiceCollection>? Services { get; init; }

    /// <summary>The data folder to use (e.g. to restart a node on the same data); default a fresh temporary folder, deleted on dispose.</summary>
    public string? DataFolder { get; init; }
}

/// <summary>
/// One real Comity node in the test process: the same host <c>comity serve</c> builds, with a
/// fake clock, its own data folder and database, on the in-memory test server or on loopback.
/// </summary>
public sealed class TestNode : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly string dataFolder;
    private bool ownsDataFolder = true;

    private TestNode(WebApplication app, string dataFolder, FakeTimeProvider time, CapturedFirstRunNotice notice, Uri baseAddress)
    {
        this.app = app;
        this.dataFolder = dataFolder;
        Time = time;
        FirstRun = notice;
        BaseAddress = baseAddress;
    }

    public FakeTimeProvider Time { get; }

    public IServiceProvider Services => app.Services;

    public Uri BaseAddress { get; }

    /// <summary>What the first-run administrator notice showed, if it ran.</summary>
    public CapturedFirstRunNotice FirstRun { get; }

    public static async Task<TestNode> StartAsync(TestNodeOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new TestNodeOptions();
        var dataFolder = options.DataFolder ?? Path.Combine(Path.GetTempPath(), "comity-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataFolder);
        var time = new FakeTimeProvider(options.Now);
        var notice = new CapturedFirstRunNotice();

        var settings = new Dictionary<string, string?>
        {
            ["Comity:Role"] = options.Role.ToString(),
            ["Comity:StateCode"] = options.StateCode,
            ["Comity:DataFolder"] = dataFolder,
            ["Comity:Demo"] = options.Demo ? "true" : "false",
            ["Comity:Database:Provider"] = options.Provider.ToString(),
            ["Comity:Database:ConnectionString"] = options.ConnectionString,
            ["Comity:Url"] = options.Kestrel ? "http://127.0.0.1:0" : null,
        };
        foreach (var (key, value) in options.Settings)
        {
            settings[key] = value;
        }

        // A node on SQLite in its own data folder starts from a migrated copy (MigratedTemplates), unless it has a database already.
        var ownFile = Path.Combine(dataFolder, "comity.db");
        if (settings["Comity:Database:Provider"] == nameof(DatabaseProvider.Sqlite)
            && string.IsNullOrEmpty(settings["Comity:Database:ConnectionString"])
            && !File.Exists(ownFile))
        {
            await MigratedTemplates.CopySqliteAsync(ownFile, cancellationToken);
        }

        var app = ComityNodeHost.Build([], builder =>
        {
            builder.Environment.EnvironmentName = "Testing";
            builder.Configuration.AddInMemoryCollection(settings);
            builder.Logging.ClearProviders();
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            if (!options.Kestrel)
            {
                builder.WebHost.UseTestServer();
            }

            builder.Services.AddSingleton<TimeProvider>(time);
            builder.Services.AddSingleton(time);
            builder.Services.RemoveAll<IFirstRunNotice>();
            builder.Services.AddSingleton<IFirstRunNotice>(notice);
            options.Services?.Invoke(builder.Services);
        });

        await app.StartAsync(cancellationToken);
        var address = options.Kestrel
            ? new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First())
            : new Uri("http://localhost/");
        return new TestNode(app, dataFolder, time, notice, address) { ownsDataFolder = options.DataFolder is null };
    }

    /// <summary>An anonymous client; cookies are kept; redirects are not followed.</summary>
    public HttpClient CreateClient()
    {
        if (app.Services.GetRequiredService<IServer>() is TestServer server)
        {
            var client = server.CreateClient();
            client.BaseAddress = BaseAddress;
            return client;
        }

        return new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = BaseAddress };
    }

    /// <summary>Creates a user with the given roles (MFA enrolled unless told otherwise) and returns a client that calls the API with their personal access token.</summary>
    public async Task<HttpClient> CreateClientForAsync(string userName, params string[] roles)
    {
        var token = await CreateUserWithTokenAsync(userName, roles);
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Creates a user with the given roles and a personal access token; returns the token.</summary>
    public async Task<string> CreateUserWithTokenAsync(string userName, params string[] roles)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ComityUser>>();
        var user = await users.FindByNameAsync(userName);
        if (user is null)
        {
            user = new ComityUser { UserName = userName, DisplayName = userName, TwoFactorEnabled = true };
            Check(await users.CreateAsync(user, TestPassword));
            Check(await users.ResetAuthenticatorKeyAsync(user));
            foreach (var role in roles)
            {
                Check(await users.AddToRoleAsync(user, role));
            }
        }

        var tokens = scope.ServiceProvider.GetRequiredService<PersonalAccessTokenService>();
        var (_, secret) = await tokens.IssueAsync(user.Id, "test", TimeSpan.FromDays(30), CancellationToken.None);
        return secret;
    }

    public const string TestPassword = "correct horse battery staple";

    /// <summary>
    /// An anonymous client that behaves like a browser for sign-in tests: keeps cookies (also on the
    /// in-memory test server) and does not follow redirects, so tests see each one.
    /// </summary>
    public HttpClient CreateBrowserClient()
    {
        if (app.Services.GetRequiredService<IServer>() is TestServer server)
        {
            var cookies = new Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler(new System.Net.CookieContainer())
            {
                InnerHandler = server.CreateHandler(),
            };
            return new HttpClient(cookies) { BaseAddress = BaseAddress };
        }

        return CreateClient();
    }

    /// <summary>
    /// Creates a user who signs in with <see cref="TestPassword"/>: by default without a second
    /// factor, so the UI's enrolment flow can be tested. Returns the user's id.
    /// </summary>
    public async Task<string> CreateUserAsync(string userName, TestUser? options = null, params string[] roles)
    {
        options ??= new TestUser();
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ComityUser>>();
        var user = new ComityUser
        {
            UserName = userName,
            DisplayName = options.DisplayName ?? userName,
            IsDemo = options.Demo,
            MustChangePassword = options.MustChangePassword,
        };
        Check(await users.CreateAsync(user, TestPassword));
        foreach (var role in roles)
        {
            Check(await users.AddToRoleAsync(user, role));
        }

        return user.Id;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (!ownsDataFolder)
        {
            return;
        }

        try
        {
            Directory.Delete(dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by the OS is left for the temp cleaner; it is not worth failing a test.
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}

/// <summary>How <see cref="TestNode.CreateUserAsync"/> creates a user.</summary>
public sealed record TestUser
{
    public string? DisplayName { get; init; }

    /// <summary>A demo user (<see cref="ComityUser.IsDemo"/>): needs no second factor on a demo node.</summary>
    public bool Demo { get; init; }

    public bool MustChangePassword { get; init; }
}

/// <summary>Captures the first-run administrator notice instead of printing it.</summary>
public sealed class CapturedFirstRunNotice : IFirstRunNotice
{
    public string? UserName { get; private set; }

    public string? OneTimePassword { get; private set; }

    public void Show(string userName, string oneTimePassword)
    {
        UserName = userName;
        OneTimePassword = oneTimePassword;
    }
}
