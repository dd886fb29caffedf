using System.IO.Compression;

namespace UU.Web.Infrastructure;

/// <summary>The document formats an uploaded file can be judged to be by its content.</summary>
public enum FileKind
{
    Pdf = 1,
    Docx = 2,
    Xlsx = 3,
}

/// <summary>
/// Decides what an uploaded document is from its bytes, never from its name or the browser's content type: a PDF's "%PDF-" header,
/// or a ZIP whose structure is an Office Open XML package ("[Content_Types].xml" plus word/document.xml or xl/workbook.xml).
/// Case documents, agreements and the staff section's templates all ask here.
/// </summary>
public static class FileSniffer
{
    public static FileKind? Sniff(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        return Sniff(stream);
    }

    /// <summary>Reads the seekable stream from its start and leaves it at its start.</summary>
    public static FileKind? Sniff(Stream content)
    {
        Span<byte> head = stackalloc byte[5];
        content.Position = 0;
        var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        content.Position = 0;
        if (read == 5 && head.SequenceEqual("%PDF-"u8))
        {
            return FileKind.Pdf;
        }
        if (read < 4 || !head[..4].SequenceEqual("PK\u0003\u0004"u8))
        {
            return null;
        }
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            var entries = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
            if (!entries.Contains("[Content_Types].xml"))
            {
                return null;
            }
            return entries.Contains("word/document.xml") ? FileKind.Docx
                : entries.Contains("xl/workbook.xml") ? FileKind.Xlsx
                : null;
        }
        catch (InvalidDataException)
        {
            return null; // starts like a ZIP but is not one
        }
        finally
        {
            content.Position = 0;
        }
    }

    public static string ContentType(FileKind kind) => kind switch
    {
        FileKind.Pdf => "application/pdf",
        FileKind.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        _ => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    };

    public static string Extension(FileKind kind) => kind switch
    {
        FileKind.Pdf => ".pdf",
        FileKind.Docx => ".docx",
        _ => ".xlsx",
    };
}
