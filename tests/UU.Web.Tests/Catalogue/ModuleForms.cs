using UU.Web.Tests.Infrastructure;

namespace UU.Web.Tests.Catalogue;

/// <summary>The office's module editor as a browser without JavaScript fills it in: the form's fields as they are, posted to a handler.</summary>
public static class ModuleForms
{
    public static async Task<(Dictionary<string, string> Fields, string Token)> FormAsync(HttpClient client, string page)
    {
        var document = await client.GetDocumentAsync(page);
        var form = document.QuerySelector("form.content-form")!;
        var fields = new Dictionary<string, string>();
        foreach (var input in form.QuerySelectorAll("input[name], textarea[name], select[name]"))
        {
            var name = input.GetAttribute("name")!;
            var type = input.GetAttribute("type");
            if (type == "checkbox")
            {
                if (input.HasAttribute("checked")) fields[name + "#" + input.GetAttribute("value")] = input.GetAttribute("value")!;
                continue;
            }
            fields[name] = input.LocalName switch
            {
                "textarea" => input.TextContent,
                "select" => input.QuerySelector("option[selected]")?.GetAttribute("value") ?? input.QuerySelector("option")?.GetAttribute("value") ?? "",
                _ => input.GetAttribute("value") ?? "",
            };
        }
        return (fields, fields["__RequestVerificationToken"]);
    }

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string handler, Dictionary<string, string> fields) =>
        client.PostAsync($"{page}?handler={handler}", new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Key.Split('#')[0], f.Value))));
}
