namespace Comity.Node.Kernel;

/// <summary>
/// Handles a domain event raised by another area, inside the raiser's unit of work: the same scoped
/// <c>ComityDbContext</c> and, when the raiser holds one, the same transaction, so that what the handler adds is
/// stored with the change or not at all. Handlers add to the unit of work; they do not commit, call other nodes
/// or do slow work.
/// </summary>
/// <remarks>This is how areas learn of each other's changes without knowing each other (docs/architecture.md).</remarks>
public interface IDomainEventSubscriber<in TEvent>
    where TEvent : class
{
    Task HandleAsync(TEvent domainEvent, CancellationToken cancellationToken);
}

/// <summary>
/// Follow-up work once the raiser's change is committed: the raiser awaits it before it answers. The change stands
/// whatever happens here, so a follow-up handles its own failures (logs them, leaves a durable mark for a worker)
/// instead of throwing.
/// </summary>
public interface IAfterCommitSubscriber<in TEvent>
    where TEvent : class
{
    Task HandleCommittedAsync(TEvent domainEvent, CancellationToken cancellationToken);
}

/// <summary>Raises the events of one type, inside the raiser's unit of work, to the subscribers the areas registered (scoped: they share the raiser's scope).</summary>
public sealed class DomainEvents<TEvent>(IEnumerable<IDomainEventSubscriber<TEvent>> subscribers)
    where TEvent : class
{
    /// <summary>Inside the raiser's unit of work, before it saves.</summary>
    public async Task RaiseAsync(TEvent domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        foreach (var subscriber in subscribers)
        {
            await subscriber.HandleAsync(domainEvent, cancellationToken);
        }
    }
}

/// <summary>
/// Tells the areas that the raiser's change is committed. Apart from <see cref="DomainEvents{TEvent}"/> because the
/// follow-ups often need what raised the event (publishing a Register reads the treaty registry that recorded the
/// instruments): only the raiser's caller, once it has committed, depends on them.
/// </summary>
public sealed class CommittedEvents<TEvent>(IEnumerable<IAfterCommitSubscriber<TEvent>> subscribers)
    where TEvent : class
{
    /// <summary>After the raiser's change is committed.</summary>
    public async Task CommittedAsync(TEvent domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        foreach (var subscriber in subscribers)
        {
            await subscriber.HandleCommittedAsync(domainEvent, cancellationToken);
        }
    }
}

public static class DomainEventRegistration
{
    /// <summary>Makes <see cref="DomainEvents{TEvent}"/> and <see cref="CommittedEvents{TEvent}"/> available for every event type.</summary>
    public static IServiceCollection AddDomainEvents(this IServiceCollection services)
    {
        services.AddScoped(typeof(DomainEvents<>));
        services.AddScoped(typeof(CommittedEvents<>));
        return services;
    }

    /// <summary>Registers <typeparamref name="THandler"/> (scoped) for <typeparamref name="TEvent"/>, in the unit of work and/or after commit, as it implements.</summary>
    public static IServiceCollection AddDomainEventSubscriber<TEvent, THandler>(this IServiceCollection services)
        where TEvent : class
        where THandler : class
    {
        services.AddScoped<THandler>();
        if (typeof(IDomainEventSubscriber<TEvent>).IsAssignableFrom(typeof(THandler)))
        {
            services.AddScoped(sp => (IDomainEventSubscriber<TEvent>)sp.GetRequiredService<THandler>());
        }

        if (typeof(IAfterCommitSubscriber<TEvent>).IsAssignableFrom(typeof(THandler)))
        {
            services.AddScoped(sp => (IAfterCommitSubscriber<TEvent>)sp.GetRequiredService<THandler>());
        }

        return services;
    }
}
