using Npgsql;

namespace KimPlatform.Testing;

/// <summary>
/// The real infrastructure the tests use, as `./kim test` (or `eval "$(./kim infra test)"` for an IDE) exports it.
/// </summary>
public static class TestEnvironment
{
    public static string PostgresServer => Require("KIM_TEST_POSTGRES");
    public static string RabbitMq => Require("KIM_TEST_RABBITMQ");
    public static string RabbitMqCtl => Require("KIM_TEST_RABBITMQCTL");
    public static string RabbitMqManagement => Require("KIM_TEST_RABBITMQ_MANAGEMENT");
    public static Uri Gateway => new(Require("KIM_TEST_GATEWAY"));
    public static Uri CasesService => new(Require("KIM_TEST_CASES_URL"));
    public static Uri ReportingService => new(Require("KIM_TEST_REPORTING_URL"));

    /// <summary>The development signing key the running stack trusts.</summary>
    public static string StackSigningKey => Require("KIM_DEV_SIGNING_KEY");

    /// <summary>A connection string for a database of its own, as the server's superuser (who owns what it creates).</summary>
    public static string NewDatabase(string prefix) => new NpgsqlConnectionStringBuilder(PostgresServer)
    {
        Database = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 33, 63)],
        Pooling = false,
    }.ConnectionString;

    /// <summary>A tenant key no other test uses, so tests can share a stack without seeing each other.</summary>
    public static string NewTenant(string prefix = "kreis-test") => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    private static string Require(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{name} is not set. Run the tests with `./kim test`, or start the infrastructure with `eval \"$(./kim infra test)\"` first.");
}
