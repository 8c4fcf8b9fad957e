using Comity.Node.Kernel;
using Comity.Node.Storage;
using Comity.Protocol.V1;

namespace Comity.Node.Federation.Envelopes;

/// <summary>
/// Applies one envelope <see cref="Type"/> (<c>ping/v1</c>, <c>request.submitted/v1</c>…) on the receiving
/// node. Register one per type as a scoped service (<see cref="EnvelopeHandlerRegistration.AddEnvelopeHandler{THandler}"/>);
/// an envelope whose type has no handler is refused with <c>422 federation.unknown-type</c> and not stored.
/// </summary>
public interface IEnvelopeHandler
{
    /// <summary>The envelope type this handler applies, with its version.</summary>
    string Type { get; }

    /// <summary>
    /// Applies a verified envelope: runs inside the inbox transaction, exactly once per envelope id and in
    /// <c>seq</c> order per (sender, conversation). Add changes to <paramref name="db"/>; the inbox saves them
    /// with the inbox row. Do not commit or call external services here.
    /// </summary>
    /// <returns>
    /// Null when applied; otherwise why this node refuses it (a malformed body, a sender that is not a party, a
    /// transition the rules refuse): the inbox then stores nothing of it and the sender gets the refusal as a
    /// problem document. Exceptions are for bugs and broken infrastructure only.
    /// </returns>
    Task<Error?> ApplyAsync(EnvelopeV1 envelope, ComityDbContext db, CancellationToken cancellationToken);
}

public static class EnvelopeHandlerRegistration
{
    /// <summary>Registers the handler of one envelope type.</summary>
    public static IServiceCollection AddEnvelopeHandler<THandler>(this IServiceCollection services)
        where THandler : class, IEnvelopeHandler
    {
        services.AddScoped<IEnvelopeHandler, THandler>();
        return services;
    }
}
