
namespace Jixiao.Tests.Infrastructure;

// Posting a page's form as a browser does: the anti-forgery token is read from the page first.
public static class PageForms
{
    public static async Task<HttpResponseMessage> Post(HttpClient client, string page, string action, IDictionary<string, string> fields)
    {
        var token = TestApp.AntiforgeryToken(await client.GetStringAsync(page));
        var body = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        return await client.PostAsync(action, new FormUrlEncodedContent(body));
    }

    public static async Task<string> PostText(HttpClient client, string page, string action, IDictionary<string, string> fields) =>
        await (await Post(client, page, action, fields)).Content.ReadAsStringAsync();
}
