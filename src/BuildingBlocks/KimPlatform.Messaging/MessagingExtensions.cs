using KimPlatform.Contracts;
using KimPlatform.Messaging.Outbox;
using KimPlatform.Messaging.Replay;
using KimPlatform.Messaging.Senders;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers MassTransit on RabbitMQ with the platform's conventions and the outbox dispatcher.</summary>
public static class MessagingExtensions
{
    /// <summary>
    /// MassTransit on the broker named by <c>ConnectionStrings:messaging</c> (an <c>amqp://</c> URI), kebab-case
    /// endpoints, retries before a message goes to its <c>_error</c> queue, and the outbox dispatcher for the
    /// service database; <c>Messaging:EndpointPrefix</c> prefixes the queue names. <paramref name="configureConsumers"/> adds the service's consumers.
    /// </summary>
    public static IHostApplicationBuilder AddKimMessaging(
        this IHostApplicationBuilder builder, Action<IBusRegistrationConfigurator>? configureConsumers = null)
    {
        ArgumentNullException.ThrowIfNull(builder);

        builder.Services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.SectionName);
        builder.Services.AddOptions<MessagingOptions>().BindConfiguration(MessagingOptions.SectionName)
            .PostConfigure<IHostEnvironment>((options, environment) =>
            {
                options.Service ??= ServiceName(environment.ApplicationName);
                options.EndpointPrefix ??= $"{options.Service}-";
            });
        builder.Services.TryAddSingleton<OutboxMetrics>();
        builder.Services.AddHostedService<OutboxDispatcher>();

        builder.Services.AddMassTransit(bus =>
        {
            configureConsumers?.Invoke(bus);
            // A failed message is kept in its _error queue. Fault events would carry its payload to an exchange any
            // service could bind to, and nobody consumes them.
            // The move to _error leaves out another service's user-id, which the broker would refuse (ErrorQueueFilter).
            bus.AddConfigureEndpointsCallback((context, _, endpoint) =>
            {
                endpoint.PublishFaults = false;
                var user = BrokerUser(new Uri(context.GetRequiredService<IConfiguration>().GetConnectionString("messaging")
                    ?? throw new InvalidOperationException("ConnectionStrings:messaging is not configured.")));
                endpoint.ConfigureError(error =>
                {
                    error.UseFilter(new MassTransit.Middleware.GenerateFaultFilter());
                    error.UseFilter(new ErrorQueueFilter(user));
                });
            });
            bus.UsingRabbitMq((context, rabbit) =>
            {
                var configuration = context.GetRequiredService<IConfiguration>();
                var options = context.GetRequiredService<Microsoft.Extensions.Options.IOptions<MessagingOptions>>().Value;
                var connectionString = configuration.GetConnectionString("messaging")
                    ?? throw new InvalidOperationException("ConnectionStrings:messaging is not configured.");
                var broker = new Uri(connectionString);
                rabbit.Host(broker, host => host.ConnectionName(builder.Environment.ApplicationName));
                // Only the concrete events are routed; the envelope's base types get no exchanges.
                rabbit.Publish<IntegrationEvent>(topology => topology.Exclude = true);
                rabbit.Publish<AggregateEvent>(topology => topology.Exclude = true);
                // Every message names the broker user that sent it; RabbitMQ refuses a user-id other than the connection's.
                var user = BrokerUser(broker);
                rabbit.ConfigurePublish(publish => publish.UseExecute(send =>
                {
                    if (send.TryGetPayload<RabbitMqSendContext>(out var rabbitSend))
                    {
                        rabbitSend.BasicProperties.UserId = user;
                    }
                }));
                rabbit.UseConsumeFilter(typeof(SenderCheckFilter<>), context);
                rabbit.UseConsumeFilter(typeof(ReplayFilter<>), context);

                if (options.PrefetchCount is { } prefetch)
                {
                    rabbit.PrefetchCount = prefetch;
                }

                if (options.ConcurrentMessageLimit is { } limit)
                {
                    rabbit.ConcurrentMessageLimit = limit;
                }

                ConfigureRetries(rabbit);
                // Queues start with the service's name (the broker user may use only those); test hosts choose their own prefix.
                rabbit.ConfigureEndpoints(context, new KebabCaseEndpointNameFormatter(options.EndpointPrefix, includeNamespace: false));
            });
        });
        return builder;
    }

    /// <summary>
    /// A dependency outage (database down, broker unreachable, timeouts) must never move a valid message to
    /// <c>_error</c>: such a message is retried with back-off for about five minutes, and a kill switch pauses an
    /// endpoint whose messages still fail that way. Any other exception is a message that can never succeed: three quick
    /// retries (200 ms, 1 s, 5 s), then <c>_error</c>, where <c>./kim requeue-errors</c> can return it after a fix.
    /// The broker has no delayed-message plug-in, so the retries run in memory and keep the message unacknowledged.
    /// </summary>
    private static void ConfigureRetries(IRabbitMqBusFactoryConfigurator rabbit)
    {
        // The first filter configured is the outer one: it sees only what the inner one gave up on or let through.
        rabbit.UseMessageRetry(retry =>
        {
            retry.Exponential(TransientRetryLimit, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(2));
            retry.Handle<Exception>(IsDependencyOutage);
        });
        rabbit.UseMessageRetry(retry =>
        {
            retry.Intervals(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5));
            retry.Ignore<Exception>(IsDependencyOutage);
        });
        rabbit.UseKillSwitch(killSwitch => killSwitch
            .SetActivationThreshold(5)
            .SetTripThreshold(10)
            .SetRestartTimeout(TimeSpan.FromMinutes(1))
            .SetExceptionFilter(filter => filter.Handle<Exception>(IsDependencyOutage)));
    }

    // 1, 3, 7, then every 15 s: about five minutes before a message that still meets an outage faults.
    private const int TransientRetryLimit = 24;

    private static bool IsDependencyOutage(Exception exception) =>
        DependencyOutage.IsTransient(exception) || exception is RabbitMQ.Client.Exceptions.BrokerUnreachableException;

    /// <summary><c>Cases.Api</c> → <c>cases</c>: the service's name on the broker and in its queue names.</summary>
    private static string ServiceName(string applicationName) =>
        (applicationName.EndsWith(".Api", StringComparison.Ordinal) ? applicationName[..^".Api".Length] : applicationName)
            .ToLowerInvariant();

    private static string BrokerUser(Uri broker) =>
        broker.UserInfo.Length == 0 ? "guest" : Uri.UnescapeDataString(broker.UserInfo.Split(':')[0]);
}
