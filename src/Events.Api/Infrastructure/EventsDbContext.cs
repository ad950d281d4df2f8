using KimPlatform.Messaging;
using Microsoft.EntityFrameworkCore;

namespace KimPlatform.Events.Api.Infrastructure;

/// <summary>The service's database; so far only its outbox and inbox (the service's own issue adds its model).</summary>
public sealed class EventsDbContext(DbContextOptions<EventsDbContext> options) : ServiceDbContext(options);
