using KimPlatform.Contracts;
using KimPlatform.Messaging.Outbox;
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
        builder.Services.TryAddSingleton<OutboxMetrics>();
        builder.Services.AddHostedService<OutboxDispatcher>();

        builder.Services.AddMassTransit(bus =>
        {
            configureConsumers?.Invoke(bus);
            bus.UsingRabbitMq((context, rabbit) =>
            {
                var configuration = context.GetRequiredService<IConfiguration>();
                var connectionString = configuration.GetConnectionString("messaging")
                    ?? throw new InvalidOperationException("ConnectionStrings:messaging is not configured.");
                rabbit.Host(new Uri(connectionString), host => host.ConnectionName(builder.Environment.ApplicationName));
                // Only the concrete events are routed; the envelope's base types get no exchanges.
                rabbit.Publish<IntegrationEvent>(topology => topology.Exclude = true);
                rabbit.Publish<AggregateEvent>(topology => topology.Exclude = true);
                rabbit.UseMessageRetry(retry => retry.Intervals(
                    TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5)));
                // The prefix lets several deployments (or test hosts) share a broker without taking each other's messages.
                rabbit.ConfigureEndpoints(context, new KebabCaseEndpointNameFormatter(configuration["Messaging:EndpointPrefix"], includeNamespace: false));
            });
        });
        return builder;
    }
}
