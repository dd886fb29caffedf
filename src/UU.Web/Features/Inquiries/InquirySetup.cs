using Microsoft.AspNetCore.Mvc.RazorPages;
using UU.Web.Features.Accounts;

namespace UU.Web.Features.Inquiries;

public static class InquirySetup
{
    public static IServiceCollection AddInquiries(this IServiceCollection services)
    {
        services.AddOptions<InquiryOptions>().BindConfiguration(InquiryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<InquiryService>();
        services.AddScoped<InquiryList>();
        services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Inquiries/Office", Policies.Coordinators));
        return services;
    }

    public static IEndpointRouteBuilder MapInquiries(this IEndpointRouteBuilder app) => app.MapInquiryApi();
}
