using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Comity.Cli;

/// <summary>
/// A node whose port is already taken. <c>serve</c> and <c>demo</c> say so in one line of their own, but the
/// generic host logs the same failure first ("Hosting failed to start", an error with Kestrel's stack trace)
/// before the exception reaches the command. This drops that one record, and only for this cause: every
/// other start-up failure, and everything else the host logs, still reaches the log.
/// </summary>
internal static class PortInUse
{
    /// <summary>The logger category and event id of the host's "Hosting failed to start" (Microsoft.Extensions.Hosting).</summary>
    private const string HostCategory = "Microsoft.Extensions.Hosting.Internal.Host";

    private const int HostedServiceStartupFaulted = 11;

    /// <summary>How Kestrel reports an address it cannot bind because something else listens there.</summary>
    public static bool Is(Exception exception) => exception is IOException { InnerException: AddressInUseException };

    /// <summary>Keeps the host's log of a port already in use out of the console: the command reports it.</summary>
    public static void LeaveToTheCommand(WebApplicationBuilder builder) =>
        builder.Services.Replace(ServiceDescriptor.Singleton<ILoggerFactory>(services => new QuietLoggerFactory(new LoggerFactory(
            services.GetServices<ILoggerProvider>(),
            services.GetRequiredService<IOptionsMonitor<LoggerFilterOptions>>(),
            services.GetService<IOptions<LoggerFactoryOptions>>()))));

    /// <summary>The logging factory as registered, except that the host's category gets a <see cref="QuietHostLogger"/>.</summary>
    private sealed class QuietLoggerFactory(LoggerFactory inner) : ILoggerFactory
    {
        public ILogger CreateLogger(string categoryName)
        {
            var logger = inner.CreateLogger(categoryName);
            return string.Equals(categoryName, HostCategory, StringComparison.Ordinal) ? new QuietHostLogger(logger) : logger;
        }

        public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

        public void Dispose() => inner.Dispose();
    }

    private sealed class QuietHostLogger(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (eventId.Id == HostedServiceStartupFaulted && exception is not null && Is(exception))
            {
                return;
            }

            inner.Log(logLevel, eventId, state, exception, formatter);
        }
    }
}
