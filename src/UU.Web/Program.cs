using UU.Web.Data;
using UU.Web.Features.Catalogue;
using UU.Web.Features.Content;
using UU.Web.Features.Cli;
using UU.Web.Features.Health;
using UU.Web.Features.Inquiries;
using UU.Web.Features.Leads;
using UU.Web.Features.Media;
using UU.Web.Features.Office;
using UU.Web.Features.Search;
using UU.Web.Features.Seo;
using UU.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, WebRootPath = WebRootLocator.Find() });

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddData();
builder.Services.AddSite();
builder.Services.AddCatalogue();
builder.Services.AddCatalogueSearch();
builder.Services.AddInquiries();
builder.Services.AddOffice();
builder.Services.AddPublicCache();
builder.Services.AddMedia();
builder.Services.AddLeads();
builder.Services.AddScheduling(builder.Configuration);
builder.Services.AddHealth();
builder.Services.AddCommandLine();

if (CommandLine.IsVerb(args))
{
    using var cliHost = builder.Build();
    return await CommandLine.RunAsync(cliHost.Services, args);
}

var app = builder.Build();

app.UseSite();
app.UseMediaFiles();
app.MapSeo();
app.MapHealth();
app.MapSearchApi();
app.MapOfficeApi();
app.MapMarkdownPreview();
app.MapDeliveryApi();
app.MapSite();

await app.RunAsync();
return 0;

/// <summary>Entry point type, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
