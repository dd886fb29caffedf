using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using UU.Web.Features.Audit;

namespace UU.Web.Features.Accounts.Office;

public sealed class LogoutModel(SignInManager<UuUser> signIn, AuditTrail audit) : PageModel
{
    // Signing out changes state, so it is a POST only; a GET just shows the page with the button.
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await audit.RecordAsync("sign-out");
        await signIn.SignOutAsync();
        return Redirect("/");
    }
}
