using System.ComponentModel;
using System.Globalization;
using Comity.Node.Hosting;
using Comity.Node.Kernel;
using Comity.Node.Identity;
using Comity.Node.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Comity.Cli.Admin;

internal sealed class AdminTokenSettings : CommandSettings
{
    public const string DefaultUser = "automation";

    [CommandOption("--role <ROLE>")]
    [Description("The node's role, state or secretariat (Comity:Role), as given to comity serve.")]
    public string? Role { get; init; }

    [CommandOption("--state <CODE>")]
    [Description("The State the node serves (Comity:StateCode), as given to comity serve.")]
    public string? State { get; init; }

    [CommandOption("--data <DIR>")]
    [Description("The node's data folder (Comity:DataFolder), as given to comity serve.")]
    public string? Data { get; init; }

    [CommandOption("--database <PROVIDER>")]
    [Description("sqlite or postgres (Comity:Database:Provider), as given to comity serve.")]
    public string? Database { get; init; }

    [CommandOption("--connection-string <CS>")]
    [Description("Database connection string (Comity:Database:ConnectionString), as given to comity serve.")]
    public string? ConnectionString { get; init; }

    [CommandOption("--user <NAME>")]
    [Description("The user the token authenticates as. Created as an API-only account (no password) when missing.")]
    [DefaultValue(DefaultUser)]
    public string User { get; init; } = DefaultUser;

    [CommandOption("--grant <ROLE>")]
    [Description("A role the user must hold (repeatable): node-admin, secretariat-officer, duty-officer, prosecutor, central-authority-officer, auditor.")]
    public string[] Grant { get; init; } = [];

    [CommandOption("--name <NAME>")]
    [Description("The token's name, shown on the user's token page.")]
    [DefaultValue("comity admin token")]
    public string Name { get; init; } = "comity admin token";

    [CommandOption("--expires-in-days <DAYS>")]
    [Description("Lifetime of the token in days (1 to 366).")]
    [DefaultValue(30)]
    public int ExpiresInDays { get; init; } = 30;

    public override ValidationResult Validate()
    {
        if (Data is { Length: 0 })
        {
            return ValidationResult.Error("--data must name a folder.");
        }

        if (Database is not null && !Enum.TryParse<DatabaseProvider>(Database, ignoreCase: true, out _))
        {
            return ValidationResult.Error($"--database must be sqlite or postgres, not '{Database}'.");
        }

        if (string.IsNullOrWhiteSpace(User) || User.Length > 256)
        {
            return ValidationResult.Error("--user must name a user (1 to 256 characters).");
        }

        if (Role is not null && !Enum.TryParse<NodeRole>(Role, ignoreCase: true, out _))
        {
            return ValidationResult.Error($"--role must be state or secretariat, not '{Role}'.");
        }

        if (State is not null && (State.Length != 2 || !State.All(char.IsAsciiLetter)))
        {
            return ValidationResult.Error($"--state must be a two-letter ISO 3166-1 alpha-2 code such as XA, not '{State}'.");
        }

        if (Grant.FirstOrDefault(r => !Roles.All.Contains(r, StringComparer.Ordinal)) is { } unknown)
        {
            return ValidationResult.Error($"--grant must be one of {string.Join(", ", Roles.All)}, not '{unknown}'.");
        }

        if (string.IsNullOrWhiteSpace(Name) || Name.Length > 100)
        {
            return ValidationResult.Error("--name must be 1 to 100 characters.");
        }

        return ExpiresInDays is < 1 or > 366
            ? ValidationResult.Error($"--expires-in-days must be between 1 and 366, not {ExpiresInDays.ToString(CultureInfo.InvariantCulture)}.")
            : ValidationResult.Success();
    }
}

/// <summary>
/// <c>comity admin token</c>: issues a personal access token by writing it straight into the node's
/// database, for automation (deployment scripts, monitoring, the fault harness) that cannot sign in
/// with a password and a second factor. Whoever can run this can already read and write the node's
/// data folder and database, keys included, so it grants nothing they do not hold; it is the
/// operator's equivalent of a database console. Only a hash is stored; the secret goes to standard
/// output once, alone on its line, so that <c>TOKEN=$(comity admin token …)</c> works.
/// </summary>
internal sealed class AdminTokenCommand(CliEnvironment environment) : AsyncCommand<AdminTokenSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, AdminTokenSettings settings, CancellationToken cancellationToken)
    {
        var configuration = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (settings.Role is not null)
        {
            configuration["Comity:Role"] = Enum.Parse<NodeRole>(settings.Role, ignoreCase: true).ToString();
        }

        if (settings.State is not null)
        {
            configuration["Comity:StateCode"] = settings.State.ToUpperInvariant();
        }

        if (settings.Data is not null)
        {
            configuration["Comity:DataFolder"] = Path.GetFullPath(Path.Combine(environment.WorkingDirectory, settings.Data));
        }

        if (settings.Database is not null)
        {
            configuration["Comity:Database:Provider"] = Enum.Parse<DatabaseProvider>(settings.Database, ignoreCase: true).ToString();
        }

        if (settings.ConnectionString is not null)
        {
            configuration["Comity:Database:ConnectionString"] = settings.ConnectionString;
        }

        // The node's own services (identity, ids, clock), built with the same checks comity serve runs
        // at start so that a token is only written for a node configured as it runs; never started.
        try
        {
            var app = ComityNodeHost.Build([], builder =>
            {
                builder.Configuration.AddInMemoryCollection(configuration);
                builder.Services.AddSingleton(environment.Time);
            });
            await using (app)
            {
                _ = app.Services.GetRequiredService<IOptions<NodeOptions>>().Value;
                return await IssueAsync(app.Services, settings, cancellationToken);
            }
        }
        catch (OptionsValidationException e)
        {
            foreach (var failure in e.Failures)
            {
                environment.Error.MarkupLineInterpolated($"[red]error:[/] {failure}");
            }

            environment.Error.MarkupLine("Give the node's configuration as for [bold]comity serve[/]: flags, appsettings.json or Comity__ environment variables.");
            return ExitCodes.Invalid;
        }
        catch (InvalidOperationException e) when (e.Message.StartsWith("Comity:", StringComparison.Ordinal))
        {
            environment.Error.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
            return ExitCodes.Invalid;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
        }
    }

    private async Task<int> IssueAsync(IServiceProvider services, AdminTokenSettings settings, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComityDbContext>();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        if (!await IsInitialisedAsync(db, roles, cancellationToken))
        {
            environment.Error.MarkupLineInterpolated(
                $"[red]error:[/] the node's database ({Markup.Escape(db.Database.GetDbConnection().DataSource)}) is missing or not up to date. Start the node once with comity serve (same --data and database flags), then run this again.");
            return ExitCodes.Invalid;
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<ComityUser>>();
        var user = await users.FindByNameAsync(settings.User);
        if (user is null)
        {
            // An API-only account: no password, so it can never sign in to the UI.
            user = new ComityUser { UserName = settings.User, DisplayName = $"{settings.User} (API only, created by comity admin token)" };
            Check(await users.CreateAsync(user));
            environment.Error.MarkupLineInterpolated($"Created the API-only user [bold]{settings.User}[/].");
        }

        foreach (var role in settings.Grant.Distinct(StringComparer.Ordinal))
        {
            if (!await users.IsInRoleAsync(user, role))
            {
                Check(await users.AddToRoleAsync(user, role));
                environment.Error.MarkupLineInterpolated($"Granted [bold]{role}[/] to [bold]{settings.User}[/].");
            }
        }

        // As PersonalAccessTokenService.IssueAsync does (internal to the node library): only the hash is stored.
        var secret = PersonalAccessTokens.NewSecret();
        var now = environment.Time.GetUtcNow();
        var record = new PersonalAccessToken
        {
            Id = scope.ServiceProvider.GetRequiredService<IIdGenerator>().NewId(),
            UserId = user.Id,
            Name = settings.Name,
            Prefix = secret[..10],
            SecretHash = PersonalAccessTokens.Hash(secret),
            CreatedAt = now,
            ExpiresAt = now + TimeSpan.FromDays(settings.ExpiresInDays),
        };
        db.Set<PersonalAccessToken>().Add(record);
        await db.SaveChangesAsync(cancellationToken);
        var held = await users.GetRolesAsync(user);
        environment.Error.MarkupLineInterpolated(
            $"Issued token [bold]{record.Prefix}…[/] for [bold]{settings.User}[/] (roles: {(held.Count == 0 ? "none" : string.Join(", ", held.Order(StringComparer.Ordinal)))}), valid until {record.ExpiresAt!.Value.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture)}.");
        environment.WriteMachineOutput(secret);
        return ExitCodes.Ok;
    }

    private static async Task<bool> IsInitialisedAsync(ComityDbContext db, RoleManager<IdentityRole> roles, CancellationToken cancellationToken)
    {
        // Never create an empty SQLite file in a mistyped folder: an existing database is required.
        if (db.Database.IsSqlite() && !File.Exists(new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource))
        {
            return false;
        }

        try
        {
            if (!await db.Database.CanConnectAsync(cancellationToken)
                || (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
            {
                return false;
            }

            return await roles.Roles.CountAsync(cancellationToken) >= Roles.All.Count;
        }
        catch (System.Data.Common.DbException)
        {
            return false;
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("The node refused the user change: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
