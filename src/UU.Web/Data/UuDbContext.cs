using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using UU.Web.Features.Office;

namespace UU.Web.Data;

/// <summary>
/// The application's data. Each provider has its own subclass so that each keeps its own
/// migration history (SQLite and PostgreSQL differ in types and SQL).
/// </summary>
public abstract class UuDbContext(DbContextOptions options) : IdentityDbContext<UuUser>(options), IDataProtectionKeyContext
{
    /// <summary>ASP.NET data-protection keys, shared by every node so a sign-in cookie works on all of them.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Faculty> Faculties => Set<Faculty>();
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<Subject> Subjects => Set<Subject>();
    public DbSet<SubjectContact> SubjectContacts => Set<SubjectContact>();
    public DbSet<Course> Courses => Set<Course>();
    public DbSet<Module> Modules => Set<Module>();
    public DbSet<ModuleCourse> ModuleCourses => Set<ModuleCourse>();
    public DbSet<Client> Clients => Set<Client>();
    public DbSet<Inquiry> Inquiries => Set<Inquiry>();
    public DbSet<InquiryModule> InquiryModules => Set<InquiryModule>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<IndexChange> IndexChanges => Set<IndexChange>();
    public DbSet<UU.Web.Features.Leads.Lead> Leads => Set<UU.Web.Features.Leads.Lead>();
    public DbSet<UU.Web.Features.Leads.LeadSource> LeadSources => Set<UU.Web.Features.Leads.LeadSource>();
    public DbSet<UU.Web.Features.Leads.ScrapeRun> ScrapeRuns => Set<UU.Web.Features.Leads.ScrapeRun>();
    public DbSet<UU.Web.Features.Leads.LeadEvent> LeadEvents => Set<UU.Web.Features.Leads.LeadEvent>();
    public DbSet<UU.Web.Features.Leads.ScrapeLease> ScrapeLeases => Set<UU.Web.Features.Leads.ScrapeLease>();
    public DbSet<UU.Web.Features.Leads.LeadSubject> LeadSubjects => Set<UU.Web.Features.Leads.LeadSubject>();
    public DbSet<UU.Web.Features.Leads.WebSource> WebSources => Set<UU.Web.Features.Leads.WebSource>();
    public DbSet<UU.Web.Features.Leads.FetchValidator> FetchValidators => Set<UU.Web.Features.Leads.FetchValidator>();
    public DbSet<ModuleVersion> ModuleVersions => Set<ModuleVersion>();
    public DbSet<UU.Web.Features.Media.MediaItem> MediaItems => Set<UU.Web.Features.Media.MediaItem>();
    public DbSet<UU.Web.Features.Content.ContentItem> ContentItems => Set<UU.Web.Features.Content.ContentItem>();
    public DbSet<UU.Web.Features.Content.ContentVersion> ContentVersions => Set<UU.Web.Features.Content.ContentVersion>();
    public DbSet<UU.Web.Features.Content.Redirect> Redirects => Set<UU.Web.Features.Content.Redirect>();

    /// <summary>
    /// A LIKE pattern for "contains <paramref name="text"/>", lower-cased to compare with <see cref="Fold"/>(column), its
    /// wildcards escaped with <see cref="LikeEscape"/> (a typed % or _ is a character, not a wildcard).
    /// </summary>
    public static string Containing(string text) =>
        "%" + text.ToLowerInvariant().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";

    public const string LikeEscape = "\\";

    /// <summary>Lower-cases text in SQL the way .NET does (å/ä/ö included), for case-insensitive filters on both databases.</summary>
    public static string Fold(string text) => throw new NotSupportedException("Only for use in queries.");

    /// <summary>The SQL function <see cref="Fold"/> becomes: PostgreSQL's lower(), or a function this app registers with SQLite.</summary>
    protected abstract string FoldFunctionName { get; }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasDbFunction(typeof(UuDbContext).GetMethod(nameof(Fold))!).HasName(FoldFunctionName).IsBuiltIn();
        builder.Entity<UuUser>(e => e.Property(x => x.DisplayName).HasMaxLength(200));
        builder.Entity<ApiToken>(e =>
        {
            e.HasIndex(x => x.Hash).IsUnique();
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.Prefix).HasMaxLength(16);
            e.Property(x => x.Hash).HasMaxLength(64);
            e.HasOne(x => x.User).WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<AuditEntry>(e =>
        {
            e.HasIndex(x => x.At);
            e.Property(x => x.UserEmail).HasMaxLength(256);
            e.Property(x => x.Action).HasMaxLength(60);
            e.Property(x => x.EntityType).HasMaxLength(40);
            e.Property(x => x.EntityId).HasMaxLength(100);
            e.Property(x => x.Details).HasMaxLength(2000);
            e.Property(x => x.IpAddress).HasMaxLength(64);
        });
        builder.Entity<Faculty>(e =>
        {
            e.Property(x => x.NameSv).HasMaxLength(200);
            e.Property(x => x.NameEn).HasMaxLength(200);
        });
        builder.Entity<Department>(e =>
        {
            e.Property(x => x.NameSv).HasMaxLength(200);
            e.Property(x => x.NameEn).HasMaxLength(200);
        });
        builder.Entity<Subject>(e =>
        {
            e.HasIndex(x => x.Slug).IsUnique();
            e.Property(x => x.Slug).HasMaxLength(120);
            e.Property(x => x.NameSv).HasMaxLength(200);
            e.Property(x => x.NameEn).HasMaxLength(200);
            e.HasMany(x => x.Contacts).WithOne(x => x.Subject).HasForeignKey(x => x.SubjectId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<SubjectContact>(e =>
        {
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Role).HasMaxLength(200);
            e.Property(x => x.Email).HasMaxLength(254);
            e.Property(x => x.Phone).HasMaxLength(40);
        });
        builder.Entity<Course>(e =>
        {
            e.HasIndex(x => x.Code).IsUnique();
            e.Property(x => x.Code).HasMaxLength(20);
            e.Property(x => x.TitleSv).HasMaxLength(300);
            e.Property(x => x.TitleEn).HasMaxLength(300);
            e.HasOne(x => x.Subject).WithMany(x => x.Courses).HasForeignKey(x => x.SubjectId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<Module>(e =>
        {
            e.HasIndex(x => x.Slug).IsUnique();
            e.HasIndex(x => new { x.Status, x.SubjectId });
            e.Property(x => x.Slug).HasMaxLength(160);
            e.Property(x => x.TitleSv).HasMaxLength(300);
            e.Property(x => x.TitleEn).HasMaxLength(300);
            e.Property(x => x.Language).HasMaxLength(8);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasOne(x => x.Subject).WithMany(x => x.Modules).HasForeignKey(x => x.SubjectId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<ModuleCourse>(e =>
        {
            e.HasKey(x => new { x.ModuleId, x.CourseId });
            e.HasOne(x => x.Module).WithMany(x => x.Courses).HasForeignKey(x => x.ModuleId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.Course).WithMany(x => x.Modules).HasForeignKey(x => x.CourseId).OnDelete(DeleteBehavior.Cascade);
            e.Property(x => x.PartSv).HasMaxLength(300);
            e.Property(x => x.PartEn).HasMaxLength(300);
        });
        builder.Entity<Client>(e =>
        {
            e.HasIndex(x => x.OrganisationNumber).IsUnique();
            e.Property(x => x.Name).HasMaxLength(300);
            e.Property(x => x.OrganisationNumber).HasMaxLength(11);
        });
        builder.Entity<Inquiry>(e =>
        {
            e.HasIndex(x => x.ReferenceNumber).IsUnique();
            e.HasIndex(x => new { x.Year, x.Sequence }).IsUnique();
            e.HasIndex(x => x.ReceivedAt);
            e.HasIndex(x => x.LeadId).IsUnique();
            e.HasOne<UU.Web.Features.Leads.Lead>().WithMany().HasForeignKey(x => x.LeadId).OnDelete(DeleteBehavior.SetNull);
            e.Property(x => x.ReferenceNumber).HasMaxLength(20);
            e.Property(x => x.ReceiptKey).HasMaxLength(64);
            e.Property(x => x.OrganisationName).HasMaxLength(InquiryLimits.OrganisationName);
            e.Property(x => x.OrganisationNumber).HasMaxLength(11);
            e.Property(x => x.ContactName).HasMaxLength(InquiryLimits.ContactName);
            e.Property(x => x.Email).HasMaxLength(InquiryLimits.Email);
            e.Property(x => x.Phone).HasMaxLength(InquiryLimits.Phone);
            e.Property(x => x.PreferredPeriod).HasMaxLength(InquiryLimits.PreferredPeriod);
            e.Property(x => x.Description).HasMaxLength(InquiryLimits.Description);
            e.Property(x => x.Language).HasMaxLength(8);
            e.HasOne(x => x.Client).WithMany(x => x.Inquiries).HasForeignKey(x => x.ClientId).OnDelete(DeleteBehavior.SetNull);
        });
        builder.Entity<InquiryModule>(e =>
        {
            e.HasKey(x => new { x.InquiryId, x.ModuleId });
            e.HasOne(x => x.Inquiry).WithMany(x => x.Modules).HasForeignKey(x => x.InquiryId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.Module).WithMany().HasForeignKey(x => x.ModuleId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<UU.Web.Features.Content.ContentItem>(e =>
        {
            e.Property(x => x.Type).HasMaxLength(20);
            e.Property(x => x.PublishedSlug).HasMaxLength(160);
            e.Property(x => x.DraftSlug).HasMaxLength(160);
            e.Property(x => x.DraftJson);
            e.HasIndex(x => new { x.Type, x.DraftSlug });
            e.Property(x => x.UpdatedBy).HasMaxLength(256);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.Type, x.PublishedSlug });
            e.HasIndex(x => x.PublishAt);
            e.HasIndex(x => x.UnpublishAt);
            e.Ignore(x => x.Draft);
            e.Ignore(x => x.Published);
            e.HasMany(x => x.Versions).WithOne(x => x.ContentItem).HasForeignKey(x => x.ContentItemId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<UU.Web.Features.Content.ContentVersion>(e =>
        {
            e.HasIndex(x => new { x.ContentItemId, x.Number }).IsUnique();
            e.Property(x => x.Event).HasMaxLength(100);
            e.Property(x => x.CreatedBy).HasMaxLength(256);
        });
        builder.Entity<UU.Web.Features.Content.Redirect>(e =>
        {
            e.HasIndex(x => x.FromPath).IsUnique();
            e.Property(x => x.FromPath).HasMaxLength(300);
            e.Property(x => x.ToPath).HasMaxLength(300);
        });
        builder.Entity<UU.Web.Features.Media.MediaItem>(e =>
        {
            e.HasIndex(x => x.StoredName).IsUnique();
            e.Property(x => x.StoredName).HasMaxLength(40);
            e.Property(x => x.OriginalFileName).HasMaxLength(120);
            e.Property(x => x.AltSv).HasMaxLength(300);
            e.Property(x => x.AltEn).HasMaxLength(300);
            e.Property(x => x.Variants).HasMaxLength(60);
            e.Property(x => x.CreatedBy).HasMaxLength(256);
        });
        builder.Entity<ModuleVersion>(e =>
        {
            e.HasIndex(x => new { x.ModuleId, x.Number }).IsUnique();
            e.Property(x => x.Event).HasMaxLength(100);
            e.Property(x => x.CreatedBy).HasMaxLength(256);
            e.HasOne<Module>().WithMany().HasForeignKey(x => x.ModuleId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<UU.Web.Features.Leads.Lead>(e =>
        {
            e.Property(x => x.Title).HasMaxLength(400);
            e.Property(x => x.Buyer).HasMaxLength(300);
            e.Property(x => x.Place).HasMaxLength(200);
            e.Property(x => x.CpvCodes).HasMaxLength(1000);
            e.Property(x => x.Currency).HasMaxLength(8);
            e.Property(x => x.Url).HasMaxLength(1000);
            e.Property(x => x.Description).HasMaxLength(4000);
            e.Property(x => x.ProcurementId).HasMaxLength(40);
            e.Property(x => x.TedNumber).HasMaxLength(40);
            e.Property(x => x.MatchedModules).HasMaxLength(2000);
            e.Property(x => x.MatchReasons).HasMaxLength(500);
            e.Property(x => x.AssignedToEmail).HasMaxLength(254);
            e.Property(x => x.AssignedToName).HasMaxLength(200);
            e.HasIndex(x => x.ProcurementId);
            e.HasIndex(x => x.TedNumber);
            e.HasIndex(x => x.Buyer);
            e.HasMany(x => x.Sources).WithOne(x => x.Lead).HasForeignKey(x => x.LeadId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Events).WithOne().HasForeignKey(x => x.LeadId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.Status, x.CreatedAt });
            e.Property(x => x.Region).HasMaxLength(100);
            e.HasIndex(x => x.MergedIntoId);
            e.HasOne<UU.Web.Features.Leads.Lead>().WithMany().HasForeignKey(x => x.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(x => x.Subjects).WithOne().HasForeignKey(x => x.LeadId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<UU.Web.Features.Leads.LeadSubject>(e =>
        {
            e.HasKey(x => new { x.LeadId, x.SubjectId });
            e.HasIndex(x => x.SubjectId);
            e.HasOne<Subject>().WithMany().HasForeignKey(x => x.SubjectId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<UU.Web.Features.Leads.WebSource>(e =>
        {
            e.HasIndex(x => x.Name).IsUnique();
            e.Property(x => x.Name).HasMaxLength(40);
            e.Property(x => x.Url).HasMaxLength(1000);
            e.Property(x => x.ItemSelector).HasMaxLength(300);
            e.Property(x => x.TitleSelector).HasMaxLength(300);
            e.Property(x => x.LinkSelector).HasMaxLength(300);
            e.Property(x => x.DateSelector).HasMaxLength(300);
            e.Property(x => x.DeadlineSelector).HasMaxLength(300);
            e.Property(x => x.SummarySelector).HasMaxLength(300);
            e.Property(x => x.Schedule).HasMaxLength(120);
            e.Property(x => x.UpdatedBy).HasMaxLength(256);
            e.Property(x => x.Version).IsConcurrencyToken();
        });
        builder.Entity<UU.Web.Features.Leads.FetchValidator>(e =>
        {
            e.HasKey(x => x.Url);
            e.Property(x => x.Url).HasMaxLength(2000);
            e.Property(x => x.ETag).HasMaxLength(300);
        });
        builder.Entity<UU.Web.Features.Leads.ScrapeLease>(e =>
        {
            e.HasKey(x => x.Source);
            e.Property(x => x.Source).HasMaxLength(40);
            e.Property(x => x.Holder).HasMaxLength(120);
        });
        builder.Entity<UU.Web.Features.Leads.LeadEvent>(e =>
        {
            e.Property(x => x.Note).HasMaxLength(4000);
            e.Property(x => x.By).HasMaxLength(256);
        });
        builder.Entity<UU.Web.Features.Leads.LeadSource>(e =>
        {
            e.HasIndex(x => new { x.Source, x.ExternalId }).IsUnique();
            e.Property(x => x.Source).HasMaxLength(40);
            e.Property(x => x.ExternalId).HasMaxLength(300);
            e.Property(x => x.Url).HasMaxLength(1000);
            e.Property(x => x.SnapshotId).HasMaxLength(120);
        });
        builder.Entity<UU.Web.Features.Leads.ScrapeRun>(e =>
        {
            e.HasIndex(x => new { x.Source, x.Id });
            e.Property(x => x.Source).HasMaxLength(40);
            e.Property(x => x.Errors).HasMaxLength(4000);
            e.Property(x => x.Problems).HasMaxLength(4000);
            e.Property(x => x.FailingReason).HasMaxLength(1000);
        });
        builder.Entity<IndexChange>(e =>
        {
            e.Property(x => x.EntityType).HasMaxLength(20);
            e.HasIndex(x => x.CreatedAt);
        });
        builder.Entity<OutboxMessage>(e =>
        {
            e.HasIndex(x => new { x.SentAt, x.NextAttemptAt });
            e.Property(x => x.ToAddress).HasMaxLength(254);
            e.Property(x => x.ToName).HasMaxLength(200);
            e.Property(x => x.Subject).HasMaxLength(400);
            e.Property(x => x.Reference).HasMaxLength(40);
            e.Property(x => x.LastError).HasMaxLength(2000);
        });
    }
}

/// <summary>Field limits shared by the inquiry form's validation and the database columns.</summary>
public static class InquiryLimits
{
    public const int OrganisationName = 200;
    public const int ContactName = 120;
    public const int Email = 254;
    public const int Phone = 40;
    public const int PreferredPeriod = 120;
    public const int Description = 5000;
    public const int MaxParticipants = 10000;
}

public sealed class SqliteUuDbContext(DbContextOptions<SqliteUuDbContext> options) : UuDbContext(options)
{
    /// <summary>The name of the case-folding SQL function this context registers on every connection (SQLite's lower() folds ASCII only).</summary>
    public const string FoldFunction = "uu_fold";

    protected override string FoldFunctionName => FoldFunction;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no native offset type and EF cannot compare or order DateTimeOffset stored as text;
        // all times are UTC here, so a binary (ticks) form keeps comparisons and ordering correct.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

public sealed class PostgresUuDbContext(DbContextOptions<PostgresUuDbContext> options) : UuDbContext(options)
{
    protected override string FoldFunctionName => "lower";
}
