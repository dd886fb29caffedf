namespace UU.Web.Features.Inquiries;

/// <summary>The public inquiry form. The office's inquiry (case) list, pages and JSON are in Features/Commissions.</summary>
public static class InquirySetup
{
    public static IServiceCollection AddInquiries(this IServiceCollection services)
    {
        services.AddOptions<InquiryOptions>().BindConfiguration(InquiryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<InquiryService>();
        return services;
    }
}
