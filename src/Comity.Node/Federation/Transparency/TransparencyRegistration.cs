using System.Globalization;
using System.Text;
using Comity.Node.Api;
using Comity.Node.Storage;
using Comity.Node.Kernel;

namespace Comity.Node.Federation.Transparency;

/// <summary>The node's transparency log: audit trail, sequencing, checkpoints, proofs and witnessing.</summary>
internal static class TransparencyRegistration
{
    /// <summary>The largest add-checkpoint body a witness reads (a note with 100 signatures and a 63-hash proof fit easily).</summary>
    public const int MaxWitnessBody = 64 * 1024;

    public const string TlogSizeMediaType = "text/x.tlog.size";

    public static IServiceCollection AddTransparencyLog(this IServiceCollection services)
    {
        services.AddOptions<LogOptions>().BindConfiguration(LogOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<IAuditTrail, DbAuditTrail>();
        services.AddSingleton<StoredCheckpointSource>();
        services.AddSingleton<ICheckpointSource>(provider => provider.GetRequiredService<StoredCheckpointSource>());
        services.AddSingleton<LogMetrics>();
        services.AddSingleton<LogWriter>();
        services.AddHostedService<LogWriterWorker>();
        services.AddScoped<LogWitness>();
        services.AddHttpClient(WitnessClient.HttpClientName, client =>
        {
            client.Timeout = TimeSpan.FromSeconds(30);
            client.DefaultRequestHeaders.UserAgent.ParseAdd("Comity-Node/1");
        });
        services.AddSingleton<WitnessClient>();
        services.AddHostedService<WitnessWorker>();
        return services;
    }

    public static void MapTransparencyLog(this WebApplication app)
    {
        MapFederation(app);
    }

    /// <summary>Public, anonymous: checkpoints and proofs carry hashes only, and any party may ask a witness to cosign.</summary>
    private static void MapFederation(WebApplication app)
    {
        var log = app.MapGroup("/federation/v1/log").WithTags("Federation").AllowAnonymous();

        log.MapGet("/checkpoint", async (ICheckpointSource checkpoints, HttpContext context, CancellationToken cancellationToken) =>
        {
            context.Response.Headers.CacheControl = "no-cache";
            return await checkpoints.LatestAsync(cancellationToken) is { } note
                ? Results.Text(note, "text/plain; charset=utf-8", Encoding.UTF8)
                : Problems.NotFound("log.no-checkpoint", "This node has not signed a checkpoint yet; the log writer signs the first one within seconds of start-up.");
        })
        .WithName("GetLogCheckpoint")
        .WithSummary("The latest checkpoint of this node's transparency log: a C2SP tlog-checkpoint signed note (text/plain), signed by the node's Ed25519 key under the name of the log's origin (comity.int/log/<State>), followed by the witnesses' cosignature lines (tlog-cosignature).")
        .Produces<string>(StatusCodes.Status200OK, "text/plain")
        .ProducesProblem(StatusCodes.Status404NotFound);

        log.MapGet("/proof/inclusion", async (string? index, string? size, ComityDbContext db, CancellationToken cancellationToken) =>
        {
            var logSize = await StoredMerkleTree.SizeAsync(db, cancellationToken);
            var errors = new List<ProblemError>();
            var treeSize = LogParameters.Number("size", size, 1, logSize, errors);
            var leaf = LogParameters.Number("index", index, 0, treeSize is { } s ? s - 1 : long.MaxValue, errors);
            if (errors.Count > 0)
            {
                return Problems.Validation(errors);
            }

            var proof = await StoredMerkleTree.InclusionAsync(db, leaf!.Value, treeSize!.Value, cancellationToken);
            return Results.Ok(new InclusionProofResponse(leaf.Value, treeSize.Value, [.. proof.Select(Convert.ToBase64String)]));
        })
        .WithName("GetLogInclusionProof")
        .WithSummary("RFC 9162 §2.1.3 inclusion proof of leaf `index` in the tree of `size` leaves (1 <= size <= the log's size, 0 <= index < size): the audit path, leaf side first, as standard base64 hashes.")
        .Produces<InclusionProofResponse>()
        .ProducesProblem(StatusCodes.Status400BadRequest);

        log.MapGet("/proof/consistency", async (string? first, string? second, ComityDbContext db, CancellationToken cancellationToken) =>
        {
            var logSize = await StoredMerkleTree.SizeAsync(db, cancellationToken);
            var errors = new List<ProblemError>();
            var to = LogParameters.Number("second", second, 1, logSize, errors);
            var from = LogParameters.Number("first", first, 1, to ?? long.MaxValue, errors);
            if (errors.Count > 0)
            {
                return Problems.Validation(errors);
            }

            var proof = await StoredMerkleTree.ConsistencyAsync(db, from!.Value, to!.Value, cancellationToken);
            return Results.Ok(new ConsistencyProofResponse(from.Value, to.Value, [.. proof.Select(Convert.ToBase64String)]));
        })
        .WithName("GetLogConsistencyProof")
        .WithSummary("RFC 9162 §2.1.4 consistency proof between the trees of `first` and `second` leaves (1 <= first <= second <= the log's size), as standard base64 hashes.")
        .Produces<ConsistencyProofResponse>()
        .ProducesProblem(StatusCodes.Status400BadRequest);

        log.MapPost("/witness/add-checkpoint", async (HttpRequest request, LogWitness witness, CancellationToken cancellationToken) =>
        {
            var body = await ReadBodyAsync(request, cancellationToken);
            if (body is null)
            {
                return Problems.Validation([new ProblemError("body", "log.witness.too-large", $"The body is larger than {MaxWitnessBody} bytes or not UTF-8.")]);
            }

            return (await witness.AddCheckpointAsync(body, cancellationToken)).ToHttp(answer => answer.CosignatureLine is { } line
                ? Results.Text(line, "text/plain; charset=utf-8", Encoding.UTF8)

                // C2SP tlog-witness: a 409 carries the witness's size for the log, so the client can retry with a proof from it.
                : Results.Text(answer.HeldSize!.Value.ToString(CultureInfo.InvariantCulture) + "\n", TlogSizeMediaType, Encoding.UTF8, StatusCodes.Status409Conflict));
        })
        .WithName("WitnessAddCheckpoint")
        .WithSummary("C2SP tlog-witness add-checkpoint. Body (text/plain): 'old <size>', the consistency proof hashes one per line (standard base64), an empty line, the checkpoint note. 200: this node's cosignature line (cosignature/v1, key name comity.int/witness/<State>). 400 malformed or rollback, 403 not signed by the log's Register key, 404 unknown log, 409 old size differs (body: the size this witness holds, text/x.tlog.size), 422 invalid proof or split view (stored as an alert).")
        .Accepts<string>("text/plain")
        .Produces<string>(StatusCodes.Status200OK, "text/plain")
        .Produces<string>(StatusCodes.Status409Conflict, TlogSizeMediaType)
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
        .DisableAntiforgery();
    }

    private static async Task<string?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxWitnessBody)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxWitnessBody)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        try
        {
            return new UTF8Encoding(false, true).GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
