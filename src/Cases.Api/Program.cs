using KimPlatform.Cases.Api.Apis;
using KimPlatform.Cases.Api.Extensions;
using KimPlatform.Cases.Api.Infrastructure;
using KimPlatform.Data;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseServiceDefaults();
app.UseRateLimiter();
app.MapDefaultEndpoints();
app.MapOpenApi().AllowAnonymous();
app.MapCasesApi();
app.MapCaseWorkApi();
app.MapConsentsApi();
app.MapReferralsApi();
app.MapDataSubjectApi();

await app.Services.MigrateServiceDatabaseAsync<CasesDbContext>();
await app.RunAsync();

/// <summary>Entry point, visible to the service tests' WebApplicationFactory.</summary>
public partial class Program;
