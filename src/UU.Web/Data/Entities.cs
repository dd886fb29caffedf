namespace UU.Web.Data;

public sealed class Faculty
{
    public int Id { get; set; }
    public required string NameSv { get; set; }
    public string? NameEn { get; set; }
    public List<Department> Departments { get; set; } = [];
}

public sealed class Department
{
    public int Id { get; set; }
    public required string NameSv { get; set; }
    public string? NameEn { get; set; }
    public int FacultyId { get; set; }
    public Faculty? Faculty { get; set; }
}

public sealed class Subject
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string NameSv { get; set; }
    public string? NameEn { get; set; }
    public string? DescriptionSv { get; set; }
    public string? DescriptionEn { get; set; }
    public int? DepartmentId { get; set; }
    public Department? Department { get; set; }
    public List<SubjectContact> Contacts { get; set; } = [];
    public List<Course> Courses { get; set; } = [];
    public List<Module> Modules { get; set; } = [];
}

/// <summary>A department's named contact person for a subject (prefekt, studierektor or coordinator).</summary>
public sealed class SubjectContact
{
    public int Id { get; set; }
    public int SubjectId { get; set; }
    public Subject? Subject { get; set; }
    public required string Name { get; set; }
    public required string Role { get; set; }
    public required string Email { get; set; }
    public string? Phone { get; set; }
}

public enum CourseLevel
{
    First = 1,
    Second = 2,
}

/// <summary>A regular course from the university's syllabus register.</summary>
public sealed class Course
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string TitleSv { get; set; }
    public string? TitleEn { get; set; }
    public double Credits { get; set; }
    public CourseLevel Level { get; set; }
    public int SubjectId { get; set; }
    public Subject? Subject { get; set; }
    public int? DepartmentId { get; set; }
    public Department? Department { get; set; }
    public string? DescriptionSv { get; set; }
    public string? DescriptionEn { get; set; }
    public string? OutcomesSv { get; set; }
    public string? OutcomesEn { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public List<ModuleCourse> Modules { get; set; } = [];
}

public enum DeliveryFormat
{
    Distance = 1,
    Campus = 2,
    OnSite = 3,
    Blended = 4,
}

[Flags]
public enum TargetGroups
{
    None = 0,
    Teachers = 1,
    SchoolLeaders = 2,
    PreschoolStaff = 4,
    HealthcareStaff = 8,
    SocialServices = 16,
    MunicipalManagers = 32,
    Companies = 64,
    PublicAgencies = 128,
}

public enum PriceModel
{
    Fixed = 1,
    PerParticipant = 2,
}

public enum ContentStatus
{
    Draft = 0,
    Published = 1,
}

/// <summary>A commissionable unit built from regular courses or parts of them.</summary>
public sealed class Module
{
    public const double HoursPerCredit = 40.0 / 1.5;

    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string TitleSv { get; set; }
    public string? TitleEn { get; set; }
    public required string SummarySv { get; set; }
    public string? SummaryEn { get; set; }
    /// <summary>What participants can do afterwards.</summary>
    public string? OutcomesSv { get; set; }
    public string? OutcomesEn { get; set; }
    public TargetGroups TargetGroups { get; set; }
    public string? TargetGroupTextSv { get; set; }
    public string? TargetGroupTextEn { get; set; }
    public bool CreditBearing { get; set; }
    public double? Credits { get; set; }
    public int? Hours { get; set; }
    /// <summary>Comparable size of credit-bearing and non-credit modules (1.5 hp ≈ 40 h); kept in step by <see cref="UpdateStudyHours"/>.</summary>
    public int StudyHours { get; set; }
    public CourseLevel? Level { get; set; }
    public DeliveryFormat Format { get; set; }
    public string Language { get; set; } = "sv";
    public PriceModel PriceModel { get; set; }
    public int? PriceSek { get; set; }
    public int? MinParticipants { get; set; }
    public int? MaxParticipants { get; set; }
    public ContentStatus Status { get; set; }
    public bool Featured { get; set; }
    public int SubjectId { get; set; }
    public Subject? Subject { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public List<ModuleCourse> Courses { get; set; } = [];
    /// <summary>Unpublished edits from the office (a <c>ModuleDraft</c> as JSON); null when the live columns are current.</summary>
    public string? DraftJson { get; set; }
    /// <summary>Incremented on every office save; the concurrency token.</summary>
    public int Version { get; set; }

    public void UpdateStudyHours() =>
        StudyHours = CreditBearing && Credits is { } hp ? (int)Math.Round(hp * HoursPerCredit) : Hours ?? 0;
}

/// <summary>A module's use of a course: the whole course, or a named part of it.</summary>
public sealed class ModuleCourse
{
    public int ModuleId { get; set; }
    public Module? Module { get; set; }
    public int CourseId { get; set; }
    public Course? Course { get; set; }
    public string? PartSv { get; set; }
    public string? PartEn { get; set; }
    public double? PartCredits { get; set; }
}

public enum ClientType
{
    Company = 1,
    Municipality = 2,
    Region = 3,
    Agency = 4,
    Other = 5,
}

/// <summary>An uppdragsgivare: the buying organisation.</summary>
public sealed class Client
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public string? OrganisationNumber { get; set; }
    public ClientType Type { get; set; }
    /// <summary>The last day of a framework agreement (ramavtal) the client has with the university, if any.</summary>
    public DateOnly? AgreementUntil { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public List<Inquiry> Inquiries { get; set; } = [];
}

public enum InquiryStatus
{
    Received = 0,
    InDialogue = 1,
    OfferSent = 2,
    Won = 3,
    Lost = 4,
    Closed = 5,
}

public enum CreditPreference
{
    DontKnow = 0,
    Yes = 1,
    No = 2,
}

/// <summary>A förfrågan from a potential client.</summary>
public sealed class Inquiry
{
    public int Id { get; set; }
    public required string ReferenceNumber { get; set; }
    public int Year { get; set; }
    public int Sequence { get; set; }
    /// <summary>Secret part of the receipt link, so a sequential reference number never reveals someone else's inquiry.</summary>
    public required string ReceiptKey { get; set; }
    public int? ClientId { get; set; }
    public Client? Client { get; set; }
    public required string OrganisationName { get; set; }
    public required string OrganisationNumber { get; set; }
    public required string ContactName { get; set; }
    public required string Email { get; set; }
    public string? Phone { get; set; }
    public int? Participants { get; set; }
    public string? PreferredPeriod { get; set; }
    public DeliveryFormat? PreferredFormat { get; set; }
    public CreditPreference CreditBearing { get; set; }
    public required string Description { get; set; }
    public DateTimeOffset ConsentGivenAt { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public InquiryStatus Status { get; set; }
    public string Language { get; set; } = "sv";
    /// <summary>The lead a coordinator converted into this inquiry, if any; one inquiry per lead.</summary>
    public int? LeadId { get; set; }
    public List<InquiryModule> Modules { get; set; } = [];
}

public sealed class InquiryModule
{
    public int InquiryId { get; set; }
    public Inquiry? Inquiry { get; set; }
    public int ModuleId { get; set; }
    public Module? Module { get; set; }
}

/// <summary>An email waiting to be sent; written in the same transaction as what caused it, so nothing is lost when SMTP is down.</summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }
    public required string ToAddress { get; set; }
    public string? ToName { get; set; }
    public required string Subject { get; set; }
    public required string TextBody { get; set; }
    public string? Reference { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? LastError { get; set; }
}

/// <summary>
/// One entry of the index-change journal: something searchable changed. Every node's search index follows
/// this table, so an edit on one node becomes searchable on all of them. EntityType "all" asks for a rebuild.
/// </summary>
public sealed class IndexChange
{
    public long Id { get; set; }
    public required string EntityType { get; set; }
    public int EntityId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
