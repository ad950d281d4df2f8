using KimPlatform.Reporting.Api.Apis;
using KimPlatform.Reporting.Api.Extensions;
using KimPlatform.Reporting.Api.Infrastructure;
using KimPlatform.Data;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapOpenApi().AllowAnonymous();
app.MapReportsApi();
app.MapDashboardApi();
app.MapRebuildApi();

await app.Services.MigrateServiceDatabaseAsync<ReportingDbContext>();
await app.RunAsync();

/// <summary>Entry point, visible to the service tests' WebApplicationFactory.</summary>
public partial class Program;
