using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace UU.Web.Features.Office;

public sealed class LogoutModel(SignInManager<UuUser> signIn, Audit audit) : PageModel
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
