using UU.Web.Data;
using UU.Web.Features.Accounts;
using UU.Web.Features.Agreements;
using UU.Web.Features.Audit;
using UU.Web.Features.Catalogue;
using UU.Web.Features.Cli;
using UU.Web.Features.Clients;
using UU.Web.Features.Commissions;
using UU.Web.Features.Commissions.Economy;
using UU.Web.Features.Content;
using UU.Web.Features.Evaluations;
using UU.Web.Features.Health;
using UU.Web.Features.Inquiries;
using UU.Web.Features.Inventory;
using UU.Web.Features.Leads;
using UU.Web.Features.Media;
using UU.Web.Features.Notifications;
using UU.Web.Features.Office;
using UU.Web.Features.Scheduling;
using UU.Web.Features.Search;
using UU.Web.Features.Seed;
using UU.Web.Features.Seo;
using UU.Web.Features.Staff;
using UU.Web.Features.Statistics;
using UU.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = CommandLine.HostArguments(args), WebRootPath = WebRootLocator.Find() });

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddData();
builder.Services.AddSite();
builder.Services.AddAccounts();
builder.Services.AddAudit();
builder.Services.AddOffice();
builder.Services.AddNotifications();
builder.Services.AddScheduling(builder.Configuration);
builder.Services.AddCatalogue();
builder.Services.AddInventory();
builder.Services.AddCatalogueSearch();
builder.Services.AddContent(builder.Configuration);
builder.Services.AddStaff();
builder.Services.AddMedia();
builder.Services.AddInquiries();
builder.Services.AddCommissions();
builder.Services.AddClients();
builder.Services.AddCommissionEconomy();
builder.Services.AddAgreements();
builder.Services.AddEvaluations();
builder.Services.AddLeads();
builder.Services.AddStatistics();
builder.Services.AddPublicCache();
builder.Services.AddHealth();
builder.Services.AddDemoSeed();
builder.Services.AddCli();

if (CommandLine.IsVerb(args))
{
    builder.Logging.ForCommandLine(CommandLine.IsVerbose(args));
    using var cliHost = builder.Build();
    return await CommandLine.RunAsync(cliHost.Services, args);
}

var app = builder.Build();

app.UseSite();
app.UseMediaFiles();
app.MapSeo();
app.MapHealth();
app.MapSearchApi();
app.MapCommissions();
app.MapLeadApi();
app.MapCommissionEconomy();
app.MapAgreements();
app.MapInventory();
app.MapStatistics();
app.MapContent();
app.MapSite();

await app.RunAsync();
return 0;

/// <summary>Entry point type, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
