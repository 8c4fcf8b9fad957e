using System.Text.Json;
using System.Text.Json.Serialization;

namespace Comity.Cli.Demo;

/// <summary>
/// <c>.comity/demo/credentials.json</c>: the demo nodes with their users' passwords and tokens.
/// Written atomically (temporary file, then rename) and readable only by its owner on Unix.
/// </summary>
internal sealed record DemoCredentials(
    [property: JsonPropertyName("createdAt")] DateTimeOffset CreatedAt,
    [property: JsonPropertyName("nodes")] IReadOnlyList<DemoNodeCredentials> Nodes)
{
    public const string FileName = "credentials.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public DemoNodeCredentials? Node(string name) =>
        Nodes.FirstOrDefault(n => string.Equals(n.Name, name, StringComparison.Ordinal));

    /// <summary>Reads the file, or returns null when it does not exist. Throws <see cref="JsonException"/> when it is not a credentials file.</summary>
    public static DemoCredentials? Load(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var credentials = JsonSerializer.Deserialize<DemoCredentials>(File.ReadAllText(path), Json);
        return credentials?.Nodes is null ? throw new JsonException("The file has no \"nodes\".") : credentials;
    }

    public void Save(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{FileName}.{Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        File.Delete(temporary);
        using (var stream = new FileStream(temporary, options))
        {
            JsonSerializer.Serialize(stream, this, Json);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }
}

internal sealed record DemoNodeCredentials(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("role")] string Role,
    [property: JsonPropertyName("state")] string? State,
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("users")] IReadOnlyList<DemoUserCredentials> Users)
{
    public DemoUserCredentials? User(string userName) =>
        Users.FirstOrDefault(u => string.Equals(u.UserName, userName, StringComparison.Ordinal));
}

internal sealed record DemoUserCredentials(
    [property: JsonPropertyName("userName")] string UserName,
    [property: JsonPropertyName("password")] string Password,
    [property: JsonPropertyName("roles")] IReadOnlyList<string> Roles,
    [property: JsonPropertyName("token")] string? Token);
