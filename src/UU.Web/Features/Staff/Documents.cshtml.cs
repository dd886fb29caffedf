using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace UU.Web.Features.Staff;

public sealed class StaffDocumentsModel(StaffDocuments documents) : PageModel
{
    public IReadOnlyList<StaffDocument> Documents { get; private set; } = [];

    public static string Href(StaffDocumentVersion version) =>
        string.Create(CultureInfo.InvariantCulture, $"{StaffSetup.Home}/dokument/{version.DocumentId}/version/{version.Number}");

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Documents = (await documents.ListAsync(cancellationToken)).Where(d => d.Versions.Count > 0).ToList();
}
