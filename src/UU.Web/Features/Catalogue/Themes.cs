using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using UU.Web.Data;
using UU.Web.Features.Audit;
using UU.Web.Infrastructure;

namespace UU.Web.Features.Catalogue;

/// <summary>A theme editors tag modules with (climate and sustainability, digitalisation, leadership...); a public facet with its own page.</summary>
public sealed class Theme
{
    public const int NameMaxLength = 200;
    public const int DescriptionMaxLength = 2000;

    public int Id { get; set; }
    /// <summary>The address and facet value; fixed when the theme is created, so links and filters keep working after a rename.</summary>
    public required string Slug { get; set; }
    public required string NameSv { get; set; }
    public string? NameEn { get; set; }
    public string? DescriptionSv { get; set; }
    public string? DescriptionEn { get; set; }
    public List<ModuleTheme> Modules { get; set; } = [];
}

public sealed class ModuleTheme
{
    public int ModuleId { get; set; }
    public Module? Module { get; set; }
    public int ThemeId { get; set; }
    public Theme? Theme { get; set; }
}

internal sealed class ThemeConfiguration : IEntityTypeConfiguration<Theme>
{
    public void Configure(EntityTypeBuilder<Theme> builder)
    {
        builder.HasIndex(x => x.Slug).IsUnique();
        builder.Property(x => x.Slug).HasMaxLength(120);
        builder.Property(x => x.NameSv).HasMaxLength(Theme.NameMaxLength);
        builder.Property(x => x.NameEn).HasMaxLength(Theme.NameMaxLength);
        builder.Property(x => x.DescriptionSv).HasMaxLength(Theme.DescriptionMaxLength);
        builder.Property(x => x.DescriptionEn).HasMaxLength(Theme.DescriptionMaxLength);
    }
}

internal sealed class ModuleThemeConfiguration : IEntityTypeConfiguration<ModuleTheme>
{
    public void Configure(EntityTypeBuilder<ModuleTheme> builder)
    {
        builder.HasKey(x => new { x.ModuleId, x.ThemeId });
        builder.HasOne(x => x.Module).WithMany(x => x.Themes).HasForeignKey(x => x.ModuleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(x => x.Theme).WithMany(x => x.Modules).HasForeignKey(x => x.ThemeId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>What an editor typed for a theme.</summary>
public sealed record ThemeEdit(string? NameSv, string? NameEn, string? DescriptionSv, string? DescriptionEn);

/// <summary>The editors' list of themes and the tagging of modules with them. Every problem is named by its field.</summary>
public sealed class ThemeEditing(UuDbContext db, AuditTrail audit)
{
    /// <summary>Creates a theme (its slug from the Swedish name), or the problems as (field, text key).</summary>
    public async Task<(Theme? Theme, Dictionary<string, string> Errors)> CreateAsync(ThemeEdit edit, CancellationToken cancellationToken)
    {
        var errors = Validate(edit);
        var slug = Slugs.From(edit.NameSv ?? "");
        if (errors.Count == 0 && (slug.Length == 0 || await db.Themes.AnyAsync(t => t.Slug == slug, cancellationToken)))
        {
            errors["NameSv"] = "themes.error.taken";
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        var theme = new Theme { Slug = slug, NameSv = edit.NameSv!.Trim(), NameEn = Blank(edit.NameEn), DescriptionSv = Blank(edit.DescriptionSv), DescriptionEn = Blank(edit.DescriptionEn) };
        db.Themes.Add(theme);
        audit.Add("theme-created", "theme", slug, theme.NameSv);
        await db.SaveChangesAsync(cancellationToken);
        return (theme, errors);
    }

    /// <summary>Renames or re-describes a theme; its slug stays. Null when there is no such theme.</summary>
    public async Task<Dictionary<string, string>?> SaveAsync(int id, ThemeEdit edit, CancellationToken cancellationToken)
    {
        var theme = await db.Themes.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (theme is null)
        {
            return null;
        }
        var errors = Validate(edit);
        if (errors.Count > 0)
        {
            return errors;
        }
        theme.NameSv = edit.NameSv!.Trim();
        theme.NameEn = Blank(edit.NameEn);
        theme.DescriptionSv = Blank(edit.DescriptionSv);
        theme.DescriptionEn = Blank(edit.DescriptionEn);
        audit.Add("theme-saved", "theme", theme.Slug, theme.NameSv);
        await db.SaveChangesAsync(cancellationToken);
        return errors;
    }

    /// <summary>Deletes a theme and its tags (loaded, so the modules it tagged are reindexed without it).</summary>
    public async Task<bool> DeleteAsync(int id, CancellationToken cancellationToken)
    {
        var theme = await db.Themes.Include(t => t.Modules).FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (theme is null)
        {
            return false;
        }
        db.ModuleThemes.RemoveRange(theme.Modules);
        db.Themes.Remove(theme);
        audit.Add("theme-deleted", "theme", theme.Slug, theme.NameSv);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Sets a module's themes to exactly these; unknown ids are refused (false), nothing is changed then.</summary>
    public async Task<bool> TagAsync(int moduleId, IReadOnlyCollection<int> themeIds, CancellationToken cancellationToken)
    {
        var module = await db.Modules.Include(m => m.Themes).FirstOrDefaultAsync(m => m.Id == moduleId, cancellationToken);
        var known = await db.Themes.Where(t => themeIds.Contains(t.Id)).Select(t => t.Id).ToListAsync(cancellationToken);
        if (module is null || known.Count != themeIds.Distinct().Count())
        {
            return false;
        }
        db.ModuleThemes.RemoveRange(module.Themes.Where(t => !known.Contains(t.ThemeId)));
        foreach (var themeId in known.Where(k => module.Themes.All(t => t.ThemeId != k)))
        {
            db.ModuleThemes.Add(new ModuleTheme { ModuleId = moduleId, ThemeId = themeId });
        }
        audit.Add("module-themes", "module", moduleId.ToString(CultureInfo.InvariantCulture), string.Join(",", known.Order()));
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private static Dictionary<string, string> Validate(ThemeEdit edit)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(edit.NameSv)) errors["NameSv"] = "inquiry.error.required";
        else if (edit.NameSv.Trim().Length > Theme.NameMaxLength) errors["NameSv"] = "inquiry.error.tooLong";
        if (edit.NameEn is { } en && en.Trim().Length > Theme.NameMaxLength) errors["NameEn"] = "inquiry.error.tooLong";
        if (edit.DescriptionSv is { } dsv && dsv.Trim().Length > Theme.DescriptionMaxLength) errors["DescriptionSv"] = "inquiry.error.tooLong";
        if (edit.DescriptionEn is { } den && den.Trim().Length > Theme.DescriptionMaxLength) errors["DescriptionEn"] = "inquiry.error.tooLong";
        return errors;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
