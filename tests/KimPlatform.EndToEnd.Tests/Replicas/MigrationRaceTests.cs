using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using KimPlatform.EndToEnd.Tests.Support;
using KimPlatform.Testing;
using Npgsql;

namespace KimPlatform.EndToEnd.Tests.Replicas;

/// <summary>
/// Two replicas of a service that start at the same moment against a database that does not exist yet: both come up,
/// one creates and migrates the database, the other finds it done, and every migration is recorded once. The built
/// service itself runs (as <c>./kim</c> runs it), twice, with its broker pointed at a closed port, so that it only
/// migrates and consumes nothing of the running stack's.
/// </summary>
[Collection(Alone.Name)]
public sealed partial class MigrationRaceTests
{
    /// <summary>Alone, so that no other test competes with the two start-ups for the CPU.</summary>
    [CollectionDefinition(Name, DisableParallelization = true)]
    public sealed class Alone
    {
        public const string Name = "migration-race";
    }

    public static TheoryData<string> Services => [.. Repository.ApiServices.Select(service => service.Name)];

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Start_TwoReplicasAtOnceOnANewDatabase_OneMigratesTheOtherFindsItDone(string service)
    {
        var (_, project, database) = Repository.ApiServices.Single(entry => entry.Name == service);
        var server = new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresServer) { Database = "postgres" };
        var name = $"{database}_race_{Guid.NewGuid():N}"[..40];
        var connection = new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresServer) { Database = name }.ConnectionString;
        try
        {
            var first = Replica.Start(project, database, connection);
            var second = Replica.Start(project, database, connection);
            var applied = await Task.WhenAll(first.MigratedAsync(), second.MigratedAsync());
            await Task.WhenAll(first.StopAsync(), second.StopAsync());

            var history = await Sql.CountAsync(connection, """SELECT count(*) FROM "__EFMigrationsHistory" """);
            var distinct = await Sql.CountAsync(connection, """SELECT count(DISTINCT migration_id) FROM "__EFMigrationsHistory" """);
            Assert.True(history > 0, "no migration recorded");
            Assert.Equal(history, distinct);
            // Under the lock the second replica saw nothing pending: the two together applied each migration once.
            Assert.Equal([0, (int)history], applied.Order());
        }
        finally
        {
            await using var admin = new NpgsqlConnection(server.ConnectionString);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"""DROP DATABASE IF EXISTS "{name}" WITH (FORCE)""", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }

    [GeneratedRegex(@"is up to date \((\d+) migrations applied now\)")]
    private static partial Regex Migrated();

    /// <summary>One process of a built service, its output kept for the assertion messages.</summary>
    private sealed class Replica
    {
        private readonly Process _process;
        private readonly StringBuilder _output = new();
        private readonly TaskCompletionSource<int> _migrated = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private Replica(Process process) => _process = process;

        public static Replica Start(string project, string database, string connection)
        {
            var directory = Path.Combine(Repository.Root, "src", project, "bin", "Release", "net10.0");
            var start = new ProcessStartInfo("dotnet", [$"{project}.dll"])
            {
                WorkingDirectory = directory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
            start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
            start.Environment[$"ConnectionStrings__{database}"] = connection;
            start.Environment["ConnectionStrings__messaging"] = "amqp://guest:guest@127.0.0.1:1/";
            start.Environment["Database__RuntimePassword"] = Environment.GetEnvironmentVariable("KIM_DB_RUNTIME_PASSWORD");
            start.Environment["Identity__DevelopmentSigningKey"] = TestEnvironment.StackSigningKey;
            start.Environment["Reporting__PseudonymKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
            start.Environment["Logging__LogLevel__KimPlatform"] = "Information";

            var replica = new Replica(Process.Start(start) ?? throw new InvalidOperationException($"could not start {project}"));
            replica._process.OutputDataReceived += (_, line) => replica.Read(line.Data);
            replica._process.ErrorDataReceived += (_, line) => replica.Read(line.Data);
            replica._process.EnableRaisingEvents = true;
            replica._process.Exited += (_, _) => replica._migrated.TrySetException(
                new InvalidOperationException($"{project} exited ({replica._process.ExitCode}) before it migrated:\n{replica.Output}"));
            replica._process.BeginOutputReadLine();
            replica._process.BeginErrorReadLine();
            return replica;
        }

        private string Output
        {
            get
            {
                lock (_output)
                {
                    return _output.ToString();
                }
            }
        }

        /// <summary>How many migrations this replica applied, once it logged that the database is up to date.</summary>
        public async Task<int> MigratedAsync()
        {
            try
            {
                return await _migrated.Task.WaitAsync(TimeSpan.FromMinutes(2));
            }
            catch (TimeoutException)
            {
                throw new TimeoutException($"no migration within 2 minutes:\n{Output}");
            }
        }

        public async Task StopAsync()
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
            _process.Dispose();
        }

        private void Read(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (_output)
            {
                _output.AppendLine(line);
            }

            if (Migrated().Match(line) is { Success: true } match)
            {
                _migrated.TrySetResult(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
            }
        }
    }
}
