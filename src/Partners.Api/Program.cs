using KimPlatform.Data;
using KimPlatform.Partners.Api.Apis;
using KimPlatform.Partners.Api.Extensions;
using KimPlatform.Partners.Api.Infrastructure;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapOpenApi().AllowAnonymous();
app.MapOrganisationsApi();
app.MapOffersApi();
app.MapReferralsApi();
app.MapVolunteersApi();
app.MapBodiesApi();

await app.Services.MigrateServiceDatabaseAsync<PartnersDbContext>();
await app.RunAsync();

/// <summary>Entry point, visible to the service tests' WebApplicationFactory.</summary>
public partial class Program;
