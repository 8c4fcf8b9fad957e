namespace Comity.Node.Federation.Register;

/// <summary>Publishing right after a change that is already stored with its <see cref="RegisterPublicationDue"/> mark.</summary>
internal static partial class RegisterPublishing
{
    /// <summary>
    /// Publishes now and returns the serial; when that fails (a conflict that outlasted the retries, a
    /// directory or key read failing), logs it and returns null: the change is stored and marked, so the
    /// publication worker publishes it within <see cref="RegisterPublicationWorker.DueCheckInterval"/>,
    /// and the caller answers with the change, not with an error.
    /// </summary>
    public static async Task<long?> TryPublishAsync(IRegisterPublisher publisher, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            return await publisher.PublishAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogDeferred(logger, e);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing the Register after a change failed; the change is stored and the publication worker publishes it")]
    private static partial void LogDeferred(ILogger logger, Exception exception);
}
