using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace KimPlatform.Messaging.Tests.Support;

/// <summary>A service database in miniature: one tenant-owned table beside the outbox and inbox.</summary>
public sealed class NotesDbContext(DbContextOptions<NotesDbContext> options) : ServiceDbContext(options)
{
    public DbSet<Note> Notes => Set<Note>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Note>(note =>
        {
            note.ToTable("notes");
            note.Property(n => n.TenantId).HasMaxLength(100);
        });
    }
}

public sealed class Note
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string TenantId { get; set; }
    public required Guid CaseId { get; set; }
    public required string Source { get; set; }
}

internal sealed class NotesDbContextDesignTimeFactory : IDesignTimeDbContextFactory<NotesDbContext>
{
    public NotesDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<NotesDbContext>().UseNpgsql("Host=localhost;Database=notesdb").Options);
}
