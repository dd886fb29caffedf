using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using UU.Web.Data;
using UU.Web.Features.Inquiries;
using UU.Web.Localization;

namespace UU.Web.Features.Commissions;

/// <summary>
/// A case's documents: kept outside the web root (Storage:DataPath/case-documents, under random names), accepted only
/// when their content is a PDF, a Word or Excel document or plain text whatever the file is called, and served
/// only through the case page's access rule.
/// </summary>
public sealed class CaseDocuments(UuDbContext db, DataPaths paths, TimeProvider clock, Texts texts)
{
    private const string Folder = "case-documents";

    public async Task<CaseDocument> AddAsync(Inquiry inquiry, string? fileName, Stream content, long length, string? by, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(fileName ?? "").Trim();
        if (name.Length == 0 || length == 0)
        {
            throw new CaseRuleException(texts["case.error.documentMissing"]);
        }
        if (length > CaseLimits.MaxDocumentBytes)
        {
            throw new CaseRuleException(texts["case.error.documentLarge", CaseLimits.MaxDocumentBytes / (1024 * 1024)]);
        }
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        var bytes = buffer.ToArray();
        var type = Sniff(bytes) ?? throw new CaseRuleException(texts["case.error.documentType", name]);
        var stored = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        await File.WriteAllBytesAsync(Path.Combine(paths.Folder(Folder), stored), bytes, cancellationToken);
        var now = clock.GetUtcNow();
        var document = new CaseDocument
        {
            InquiryId = inquiry.Id, FileName = name.Length > CaseLimits.FileName ? name[^CaseLimits.FileName..] : name, ContentType = type, StoredName = stored,
            Size = bytes.Length, UploadedAt = now, By = by,
        };
        db.CaseDocuments.Add(document);
        db.CaseEvents.Add(CaseEvent.Of(inquiry.Id, now, by, "document", document.FileName));
        await db.SaveChangesAsync(cancellationToken);
        return document;
    }

    public Stream Open(CaseDocument document) => File.OpenRead(Path.Combine(paths.Folder(Folder), document.StoredName));

    /// <summary>The content type the bytes are, or null when they are none of the accepted kinds.</summary>
    public static string? Sniff(byte[] bytes) =>
        Infrastructure.FileSniffer.Sniff(bytes) is { } kind ? Infrastructure.FileSniffer.ContentType(kind)
        : IsText(bytes) ? "text/plain; charset=utf-8"
        : null;

    private static bool IsText(byte[] bytes)
    {
        if (Array.IndexOf(bytes, (byte)0) >= 0)
        {
            return false;
        }
        try
        {
            var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
            return !text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f'));
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
