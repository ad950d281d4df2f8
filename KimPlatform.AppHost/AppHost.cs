// KIM Platform for local development: PostgreSQL, RabbitMQ, the four services, the gateway and the web app.
// Set configuration Infrastructure=existing to use an existing PostgreSQL and RabbitMQ instead of
// containers; their connection strings then come from this AppHost's ConnectionStrings:* settings.

var builder = DistributedApplication.CreateBuilder(args);

var useExistingInfrastructure = string.Equals(
    builder.Configuration["Infrastructure"], "existing", StringComparison.OrdinalIgnoreCase);

// Parameter values are read from the configuration key Parameters:<name>, that is from user secrets
// ("Parameters:dev-signing-key") or from environment variables (Parameters__dev-signing-key).
// The dashboard asks for any value that is missing.
var devSigningKey = builder.AddParameter("dev-signing-key", secret: true); // base64 JWT signing key
var dbRuntimePassword = builder.AddParameter("db-runtime-password", secret: true);
// The key with which the web app names a portal visitor's address to the gateway's rate limiter; only the two share
// it. Generated once and kept in the user secrets, like ./kim's fresh key per start.
var webForwardingKey = builder.AddParameter(
    "web-forwarding-key", new GenerateParameterDefault { MinLength = 48, Special = false }, secret: true, persist: true);

IResourceBuilder<IResourceWithConnectionString> casesDb;
IResourceBuilder<IResourceWithConnectionString> partnersDb;
IResourceBuilder<IResourceWithConnectionString> eventsDb;
IResourceBuilder<IResourceWithConnectionString> reportingDb;
IResourceBuilder<IResourceWithConnectionString> messaging;

if (useExistingInfrastructure)
{
    casesDb = builder.AddConnectionString("casesdb");
    partnersDb = builder.AddConnectionString("partnersdb");
    eventsDb = builder.AddConnectionString("eventsdb");
    reportingDb = builder.AddConnectionString("reportingdb");
    messaging = builder.AddConnectionString("messaging");
}
else
{
    // One server for all four databases is enough locally; each service still owns its own database.
    var postgres = builder.AddPostgres("postgres")
        .WithDataVolume();

    casesDb = postgres.AddDatabase("casesdb");
    partnersDb = postgres.AddDatabase("partnersdb");
    eventsDb = postgres.AddDatabase("eventsdb");
    reportingDb = postgres.AddDatabase("reportingdb");

    messaging = builder.AddRabbitMQ("messaging")
        .WithDataVolume()
        .WithManagementPlugin();
}

// Replicas=2 runs two processes of every service against the same database and queues, as ./kim up --replicas 2 does
// (README, "Scale-out on paper"). Aspire puts one proxy in front of a service's replicas, so the gateway sees a single
// address per service and the proxy balances. Default 1: one process per service is easier to debug.
var replicas = builder.Configuration.GetValue("Replicas", 1);

var casesApi = AddService<Projects.Cases_Api>("cases-api", casesDb);
var partnersApi = AddService<Projects.Partners_Api>("partners-api", partnersDb);
var eventsApi = AddService<Projects.Events_Api>("events-api", eventsDb);
var reportingApi = AddService<Projects.Reporting_Api>("reporting-api", reportingDb);

// The gateway resolves its YARP destinations from services__<name>__http__0 and friends,
// which WithReference injects.
var gateway = builder.AddProject<Projects.Gateway>("gateway")
    .WithExternalHttpEndpoints()
    .WithHttpHealthCheck("/health/ready")
    .WithEnvironment("Identity__DevelopmentSigningKey", devSigningKey)
    .WithEnvironment("Gateway__WebApp__ForwardingKey", webForwardingKey)
    .WithReference(casesApi)
    .WaitFor(casesApi)
    .WithReference(partnersApi)
    .WaitFor(partnersApi)
    .WithReference(eventsApi)
    .WaitFor(eventsApi)
    .WithReference(reportingApi)
    .WaitFor(reportingApi);

// The web app calls the gateway's public API, and the gateway routes /portal and /workspace to it. The gateway learns
// the web app's address as a plain value, so that the two references do not form a cycle.
var web = builder.AddProject<Projects.Web>("web")
    .WithHttpHealthCheck("/health/ready")
    .WithEnvironment("Identity__DevelopmentSigningKey", devSigningKey)
    .WithEnvironment("Web__ForwardingKey", webForwardingKey)
    .WithReference(gateway);
gateway.WithEnvironment("services__web__http__0", web.GetEndpoint("http"));

builder.Build().Run();

IResourceBuilder<ProjectResource> AddService<TProject>(
    string name, IResourceBuilder<IResourceWithConnectionString> database)
    where TProject : IProjectMetadata, new() =>
    builder.AddProject<TProject>(name)
        .WithReplicas(replicas)
        .WithHttpHealthCheck("/health/ready")
        .WithReference(database)
        .WaitFor(database)
        .WithReference(messaging)
        .WaitFor(messaging)
        .WithEnvironment("Identity__DevelopmentSigningKey", devSigningKey)
        .WithEnvironment("Database__RuntimePassword", dbRuntimePassword)
        // Aspire's RabbitMQ has one user for every service, so the broker cannot tell senders apart (README, "Broker").
        .WithEnvironment("Messaging__VerifySender", "false");
