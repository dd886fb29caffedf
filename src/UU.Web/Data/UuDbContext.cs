using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using UU.Web.Features.Office;
using UU.Web.Features.Accounts;
using UU.Web.Features.Audit;
using UU.Web.Features.Catalogue;
using UU.Web.Features.Clients;
using UU.Web.Features.Inquiries;
using UU.Web.Features.Notifications;
using UU.Web.Features.Search;

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
    public DbSet<Theme> Themes => Set<Theme>();
    public DbSet<ModuleTheme> ModuleThemes => Set<ModuleTheme>();
    public DbSet<UU.Web.Features.Inventory.CourseMark> CourseMarks => Set<UU.Web.Features.Inventory.CourseMark>();
    public DbSet<UU.Web.Features.Inventory.InventoryRound> InventoryRounds => Set<UU.Web.Features.Inventory.InventoryRound>();
    public DbSet<UU.Web.Features.Inventory.ModuleProposal> ModuleProposals => Set<UU.Web.Features.Inventory.ModuleProposal>();
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
        builder.ApplyConfigurationsFromAssembly(typeof(UuDbContext).Assembly);
        builder.HasDbFunction(typeof(UuDbContext).GetMethod(nameof(Fold))!).HasName(FoldFunctionName).IsBuiltIn();
    }
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
