using KimPlatform.Data;
using KimPlatform.Events.Api.Apis;
using KimPlatform.Events.Api.Extensions;
using KimPlatform.Events.Api.Infrastructure;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseServiceDefaults();
app.UseRateLimiter();
app.MapDefaultEndpoints();
app.MapOpenApi().AllowAnonymous();
app.MapEventsApi();
app.MapRegistrationsApi();
app.MapParticipantsApi();
app.MapOutcomesApi();
app.MapFeedbackApi();

await app.Services.MigrateServiceDatabaseAsync<EventsDbContext>();
await app.RunAsync();

/// <summary>Entry point, visible to the service tests' WebApplicationFactory.</summary>
public partial class Program;
