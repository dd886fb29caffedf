using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Processing;
using UU.Web.Data;
using UU.Web.Features.Office;
using UU.Web.Features.Audit;

namespace UU.Web.Features.Media;

/// <summary>An uploaded image; the original is re-encoded (metadata stripped) and resized variants are made at upload.</summary>
public sealed partial class MediaItem
{
    public int Id { get; set; }
    public required string StoredName { get; set; }
    public required string OriginalFileName { get; set; }
    public required string AltSv { get; set; }
    public string? AltEn { get; set; }
    public int Width { get; set; }
    public int Height { get; set; }
    public long SizeBytes { get; set; }
    /// <summary>Widths of the resized copies, comma-separated ("480,960").</summary>
    public required string Variants { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }

    public string Url(int? width = null) => width is { } w && Variants.Split(',').Contains(w.ToString(CultureInfo.InvariantCulture))
        ? $"/media/{StoredName}-{w.ToString(CultureInfo.InvariantCulture)}.jpg"
        : $"/media/{StoredName}.jpg";

    /// <summary>The stored name in an address that <see cref="Url"/> gives (the original or a resized copy), or null for any other address.</summary>
    public static string? StoredNameOf(string url) => MediaUrl().Match(url) is { Success: true } match ? match.Groups[1].Value : null;

    [System.Text.RegularExpressions.GeneratedRegex("^/media/([0-9a-f]{32})(?:-[0-9]{1,5})?\\.jpg$")]
    private static partial System.Text.RegularExpressions.Regex MediaUrl();
}

/// <summary>The rule for an image shown on a page (a story, a module): one of the library's own files.</summary>
public static class MediaImages
{
    /// <summary>Why <paramref name="path"/> cannot be a page's image (a text key), or null when it is an image of the library.</summary>
    public static async Task<string?> ProblemAsync(UuDbContext db, string path, CancellationToken cancellationToken) =>
        MediaItem.StoredNameOf(path) is not { } stored ? "content.error.image"
        : await db.MediaItems.AnyAsync(i => i.StoredName == stored, cancellationToken) ? null
        : "media.error.notInLibrary";
}

public sealed class MediaOptions
{
    public const string Section = "Media";

    [Range(10_000, 100_000_000)]
    public long MaxUploadBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>Larger images are refused (a decompression bomb is small on disk and huge in memory).</summary>
    [Range(1_000_000, 200_000_000)]
    public long MaxPixels { get; set; } = 40_000_000;
}

public sealed record MediaUpload(string FileName, Stream Content, long Length, string? AltSv, string? AltEn);

/// <summary>Validates, stores and resizes images. Only JPEG, PNG, GIF and WebP are accepted, judged by content, not by name.</summary>
public sealed partial class MediaLibrary(UuDbContext db, DataPaths paths, IOptions<MediaOptions> options, TimeProvider clock, AuditTrail audit, IHttpContextAccessor http, ILogger<MediaLibrary> logger)
{
    public static readonly int[] VariantWidths = [480, 960, 1600];
    private static readonly string[] Accepted = ["JPEG", "PNG", "GIF", "WEBP"];

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused an upload of a broken image {FileName}")]
    private static partial void LogBrokenImage(ILogger logger, Exception exception, string fileName);

    public string Folder => paths.Folder("media");

    /// <returns>The item, or the field and text key of the first problem.</returns>
    public async Task<(MediaItem? Item, string? Field, string? Problem)> UploadAsync(MediaUpload upload, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(upload.AltSv))
        {
            return (null, "AltSv", "media.error.alt");
        }
        if (upload.AltSv.Length > 300 || upload.AltEn?.Length > 300 || upload.AltSv.Any(char.IsControl))
        {
            return (null, "AltSv", "inquiry.error.tooLong");
        }
        if (upload.Length == 0)
        {
            return (null, "File", "media.error.empty");
        }
        if (upload.Length > options.Value.MaxUploadBytes)
        {
            return (null, "File", "media.error.tooLarge");
        }
        using var buffer = new MemoryStream();
        await upload.Content.CopyToAsync(buffer, cancellationToken);
        var bytes = buffer.ToArray();
        if (LooksLikeSvgOrHtml(bytes))
        {
            return (null, "File", "media.error.svg");
        }
        Image image;
        try
        {
            // Every step reads the file's structure (chunks, checksums, sizes), and a broken file can fail at any of them.
            buffer.Position = 0;
            var format = await Image.DetectFormatAsync(buffer, cancellationToken);
            if (format is null || !Accepted.Contains(format.Name.ToUpperInvariant()))
            {
                return (null, "File", "media.error.notImage");
            }
            buffer.Position = 0;
            var info = await Image.IdentifyAsync(buffer, cancellationToken);
            if (info is null)
            {
                return (null, "File", "media.error.broken");
            }
            if ((long)info.Width * info.Height > options.Value.MaxPixels)
            {
                return (null, "File", "media.error.tooManyPixels");
            }
            buffer.Position = 0;
            image = await Image.LoadAsync(buffer, cancellationToken);
        }
        catch (UnknownImageFormatException)
        {
            return (null, "File", "media.error.notImage");
        }
        catch (Exception ex) when (ex is ImageFormatException or NotSupportedException or ArgumentException or IndexOutOfRangeException or InvalidDataException or EndOfStreamException or OverflowException)
        {
            // A PNG chunk with a wrong checksum, a truncated file, a header that lies about its sizes.
            LogBrokenImage(logger, ex, SafeName(upload.FileName));
            return (null, "File", "media.error.broken");
        }
        using (image)
        {
            var stored = Guid.NewGuid().ToString("N");
            image.Metadata.ExifProfile = null;
            image.Metadata.XmpProfile = null;
            image.Metadata.IccProfile = null;
            var encoder = new JpegEncoder { Quality = 82 };
            await image.SaveAsJpegAsync(Path.Combine(Folder, stored + ".jpg"), encoder, cancellationToken);
            var variants = new List<int>();
            foreach (var width in VariantWidths.Where(w => w < image.Width))
            {
                using var copy = image.Clone(x => x.Resize(width, 0));
                await copy.SaveAsJpegAsync(Path.Combine(Folder, $"{stored}-{width.ToString(CultureInfo.InvariantCulture)}.jpg"), encoder, cancellationToken);
                variants.Add(width);
            }
            var item = new MediaItem
            {
                StoredName = stored,
                OriginalFileName = SafeName(upload.FileName),
                AltSv = upload.AltSv.Trim(),
                AltEn = string.IsNullOrWhiteSpace(upload.AltEn) ? null : upload.AltEn.Trim(),
                Width = image.Width,
                Height = image.Height,
                SizeBytes = upload.Length,
                Variants = string.Join(',', variants),
                CreatedAt = clock.GetUtcNow(),
                CreatedBy = http.HttpContext?.User.Identity?.Name,
            };
            db.MediaItems.Add(item);
            await db.SaveChangesAsync(cancellationToken);
            await audit.RecordAsync("media-uploaded", "media", item.Id.ToString(CultureInfo.InvariantCulture), item.OriginalFileName, cancellationToken: cancellationToken);
            return (item, null, null);
        }
    }

    private static bool LooksLikeSvgOrHtml(byte[] bytes)
    {
        var head = System.Text.Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 512)).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return head.StartsWith('<') || head.Contains("<svg", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The original name is kept only as a label: no path, no control characters, at most 120 characters.</summary>
    public static string SafeName(string? name)
    {
        var file = Path.GetFileName((name ?? "").Replace('\\', '/'));
        var clean = new string(file.Where(c => !char.IsControl(c)).ToArray()).Trim();
        return clean.Length == 0 ? "bild" : clean.Length > 120 ? clean[..120] : clean;
    }
}

public static class MediaSetup
{
    public static IServiceCollection AddMedia(this IServiceCollection services)
    {
        services.AddOptions<MediaOptions>().BindConfiguration(MediaOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<MediaLibrary>();
        services.Configure<Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Media/Office", Accounts.Policies.Editors));
        return services;
    }

    /// <summary>Serves /media from the data folder. Names are unique and never reused, so browsers may keep them for a year.</summary>
    public static WebApplication UseMediaFiles(this WebApplication app)
    {
        var folder = app.Services.GetRequiredService<DataPaths>().Folder("media");
        app.UseStaticFiles(new StaticFileOptions
        {
            RequestPath = "/media",
            FileProvider = new PhysicalFileProvider(folder),
            OnPrepareResponse = ctx =>
            {
                ctx.Context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
                ctx.Context.Response.Headers.XContentTypeOptions = "nosniff";
            },
        });
        return app;
    }
}

internal sealed class MediaItemConfiguration : IEntityTypeConfiguration<MediaItem>
{
    public void Configure(EntityTypeBuilder<MediaItem> builder)
    {
        builder.HasIndex(x => x.StoredName).IsUnique();
        builder.Property(x => x.StoredName).HasMaxLength(40);
        builder.Property(x => x.OriginalFileName).HasMaxLength(120);
        builder.Property(x => x.AltSv).HasMaxLength(300);
        builder.Property(x => x.AltEn).HasMaxLength(300);
        builder.Property(x => x.Variants).HasMaxLength(60);
        builder.Property(x => x.CreatedBy).HasMaxLength(256);
    }
}
