using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using UU.Web.Data;
using UU.Web.Features.Audit;
using UU.Web.Infrastructure;
using UU.Web.Localization;

namespace UU.Web.Features.Staff;

/// <summary>A file as it arrives from a form: its name as the browser gives it, its bytes and their length.</summary>
public sealed record StaffUpload(string? FileName, Stream Content, long Length);

/// <summary>An upload's outcome: the new version, or why nothing was stored (a sentence naming the file and the problem).</summary>
public sealed record StaffUploadResult(StaffDocumentVersion? Version, string? Problem)
{
    public bool Succeeded => Version is not null;
}

/// <summary>
/// The staff section's template library. A file is accepted only when its content is a PDF, a Word or an Excel document
/// (<see cref="FileSniffer"/>), whatever it is called; it is kept in the data folder's "staff-documents" folder, outside the
/// web root, under a random name, and served only through the staff section's download page to signed-in users.
/// </summary>
public sealed class StaffDocuments(UuDbContext db, DataPaths paths, TimeProvider clock, AuditTrail audit, Texts texts)
{
    private const string Folder = "staff-documents";

    public Task<List<StaffDocument>> ListAsync(CancellationToken cancellationToken) =>
        db.Set<StaffDocument>().AsNoTracking().Include(d => d.Versions)
            .OrderBy(d => d.Category).ThenBy(d => d.Title)
            .ToListAsync(cancellationToken);

    public Task<StaffDocumentVersion?> FindVersionAsync(int documentId, int number, CancellationToken cancellationToken) =>
        db.Set<StaffDocumentVersion>().AsNoTracking().FirstOrDefaultAsync(v => v.DocumentId == documentId && v.Number == number, cancellationToken);

    /// <summary>A new template with the file as its version 1; nothing is stored when the title or the file is wrong.</summary>
    public async Task<StaffUploadResult> CreateAsync(string? title, string? description, TemplateCategory category, StaffUpload upload, string? by, CancellationToken cancellationToken)
    {
        title = title?.Trim();
        description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        if (string.IsNullOrEmpty(title))
        {
            return new(null, texts["staff.documents.error.title"]);
        }
        if (title.Length > StaffDocumentLimits.Title || description?.Length > StaffDocumentLimits.Description)
        {
            return new(null, texts["staff.documents.error.tooLong"]);
        }
        if (!Enum.IsDefined(category))
        {
            return new(null, texts["staff.documents.error.category"]);
        }
        var (kind, bytes, problem) = await ReadAsync(upload, cancellationToken);
        if (problem is not null)
        {
            return new(null, problem);
        }
        var document = new StaffDocument { Title = title, Description = description, Category = category, CreatedAt = clock.GetUtcNow() };
        db.Add(document);
        return await StoreAsync(document, 1, upload.FileName, kind!.Value, bytes!, by, cancellationToken);
    }

    /// <summary>A new version of an existing template; the earlier ones are kept.</summary>
    public async Task<StaffUploadResult?> AddVersionAsync(int documentId, StaffUpload upload, string? by, CancellationToken cancellationToken)
    {
        var document = await db.Set<StaffDocument>().Include(d => d.Versions).FirstOrDefaultAsync(d => d.Id == documentId, cancellationToken);
        if (document is null)
        {
            return null;
        }
        var (kind, bytes, problem) = await ReadAsync(upload, cancellationToken);
        if (problem is not null)
        {
            return new(null, problem);
        }
        return await StoreAsync(document, (document.Latest?.Number ?? 0) + 1, upload.FileName, kind!.Value, bytes!, by, cancellationToken);
    }

    public string PathOf(StaffDocumentVersion version) => Path.Combine(paths.Folder(Folder), Path.GetFileName(version.StoredName));

    private async Task<(FileKind? Kind, byte[]? Bytes, string? Problem)> ReadAsync(StaffUpload upload, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(upload.FileName ?? "").Trim();
        if (name.Length == 0 || upload.Length == 0)
        {
            return (null, null, texts["staff.documents.error.noFile"]);
        }
        if (upload.Length > StaffDocumentLimits.MaxBytes)
        {
            return (null, null, texts["staff.documents.error.tooLarge", name, StaffDocumentLimits.MaxBytes / 1024 / 1024]);
        }
        using var buffer = new MemoryStream();
        await upload.Content.CopyToAsync(buffer, cancellationToken);
        var bytes = buffer.ToArray();
        return FileSniffer.Sniff(bytes) is { } kind
            ? (kind, bytes, null)
            : (null, null, texts["staff.documents.error.type", name]);
    }

    private async Task<StaffUploadResult> StoreAsync(StaffDocument document, int number, string? uploadedName, FileKind kind, byte[] bytes, string? by, CancellationToken cancellationToken)
    {
        var stem = Path.GetFileNameWithoutExtension(Path.GetFileName(uploadedName ?? "").Trim());
        if (stem.Length > StaffDocumentLimits.FileName)
        {
            stem = stem[..StaffDocumentLimits.FileName];
        }
        var stored = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var path = Path.Combine(paths.Folder(Folder), stored);
        await File.WriteAllBytesAsync(path, bytes, cancellationToken);
        var version = new StaffDocumentVersion
        {
            Document = document, Number = number, FileName = (stem.Length == 0 ? "dokument" : stem) + FileSniffer.Extension(kind),
            ContentType = FileSniffer.ContentType(kind), StoredName = stored, Size = bytes.Length, UploadedAt = clock.GetUtcNow(), UploadedBy = by,
        };
        document.Versions.Add(version);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two uploads of the same number at once: the file of the one that lost is not kept.
            File.Delete(path);
            throw;
        }
        audit.Add("staff-document-version", "staff-document", document.Id.ToString(CultureInfo.InvariantCulture),
            string.Create(CultureInfo.InvariantCulture, $"{document.Title} v{number} {version.FileName}"));
        await db.SaveChangesAsync(cancellationToken);
        return new(version, null);
    }
}
