using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;

namespace UU.Web.Infrastructure;

/// <summary>
/// Output caching of the public pages. Every page carries one tag; the index synchronizer evicts it on each node as
/// soon as the change journal shows a change to content or the catalogue, so a publish shows at once everywhere.
/// </summary>
public static class PublicCache
{
    public const string Policy = "public-pages";
    public const string Tag = "public-pages";

    public static IServiceCollection AddPublicCache(this IServiceCollection services)
    {
        services.AddOutputCache(o =>
        {
            o.AddPolicy(Policy, b => b
                .Expire(TimeSpan.FromMinutes(10))
                .Tag(Tag)
                .SetVaryByQuery("*")
                .VaryByValue(_ => new KeyValuePair<string, string>("culture", CultureInfo.CurrentUICulture.Name)));
        });
        return services;
    }
}
