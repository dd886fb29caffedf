namespace UU.Web.Infrastructure;

/// <summary>
/// The web root is the repository's top-level wwwroot/ (shared by the site and its tests), so it is found by
/// walking up from where the program runs rather than assumed to sit beside the project.
/// </summary>
public static class WebRootLocator
{
    public static string? Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "wwwroot");
                if (File.Exists(Path.Combine(candidate, "css", "site.css")))
                {
                    return candidate;
                }
            }
        }
        return null;
    }
}
