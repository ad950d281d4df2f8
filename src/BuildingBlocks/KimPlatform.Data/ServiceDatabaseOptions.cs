namespace KimPlatform.Data;

/// <summary>
/// How a service reaches its database (configuration section <c>Database</c>). <c>ConnectionStrings:&lt;name&gt;</c>
/// is the owner's connection, used only to migrate; requests run as a separate runtime role that is neither
/// superuser nor owner, so row-level security applies to it.
/// </summary>
public sealed class ServiceDatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary>The runtime role; defaults to <c>&lt;connection name&gt;_app</c>.</summary>
    public string? RuntimeUser { get; set; }

    /// <summary>The runtime role's password (none for trust-authenticated local clusters).</summary>
    public string? RuntimePassword { get; set; }

    /// <summary>
    /// Whether start-up creates the runtime role and grants its privileges (needs an owner with CREATEROLE).
    /// County IT that provisions roles itself sets this to false and supplies <c>ConnectionStrings:&lt;name&gt;-runtime</c>.
    /// </summary>
    public bool ManageRuntimeRole { get; set; } = true;

    /// <summary>
    /// How long the runtime role waits to open a connection unless its connection string says otherwise (Npgsql's default
    /// is 15 s); short, so that requests fail fast with 503 while the server is down.
    /// </summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How long start-up waits for the database server before giving up.</summary>
    public TimeSpan StartupTimeout { get; set; } = TimeSpan.FromSeconds(60);
}
