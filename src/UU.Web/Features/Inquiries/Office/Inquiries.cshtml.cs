using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace UU.Web.Features.Inquiries.Office;

public sealed class InquiriesModel(InquiryList list) : PageModel
{
    public InquiryList.Filter Filter { get; private set; } = null!;
    public IReadOnlyList<InquiryListItem> Items { get; private set; } = [];
    public int Total { get; private set; }
    public Dictionary<string, string[]> Errors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        (Filter, Errors) = InquiryList.Parse(Request.Query);
        (Items, Total) = await list.ListAsync(Filter, cancellationToken);
    }
}
