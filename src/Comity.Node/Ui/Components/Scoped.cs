namespace Comity.Node.Ui.Components;

/// <summary>
/// A handler in a DI scope of its own, for pages and cards: the layout's status bar, the dashboard's cards and the page
/// render side by side, and each operation gets its own scope (its own <c>DbContext</c>, which takes one operation at
/// a time), instead of sharing the request's. Inject <c>Scoped&lt;THandler&gt;</c> and call <see cref="RunAsync{TResult}"/>.
/// </summary>
public sealed class Scoped<THandler>(IServiceScopeFactory scopes)
    where THandler : notnull
{
    /// <summary>Runs <paramref name="operation"/> on a handler of a new scope, disposed when it completes.</summary>
    public async Task<TResult> RunAsync<TResult>(Func<THandler, CancellationToken, Task<TResult>> operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        await using var scope = scopes.CreateAsyncScope();
        return await operation(scope.ServiceProvider.GetRequiredService<THandler>(), cancellationToken);
    }

    /// <summary>Runs <paramref name="operation"/>, which returns nothing, on a handler of a new scope.</summary>
    public async Task RunAsync(Func<THandler, CancellationToken, Task> operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        await using var scope = scopes.CreateAsyncScope();
        await operation(scope.ServiceProvider.GetRequiredService<THandler>(), cancellationToken);
    }
}
