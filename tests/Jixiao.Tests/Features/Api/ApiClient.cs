using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jixiao.Tests.Infrastructure;

namespace Jixiao.Tests.Features.Api;

// A finance platform's view of the API: a bearer token and JSON, nothing else.
public sealed class ApiClient(HttpClient http)
{
    public HttpClient Http { get; } = http;

    public static async Task<ApiClient> For(TestApp app, string userName, string? password = null)
    {
        var http = app.Client();
        var response = await http.PostAsJsonAsync("/api/auth/token", new { userName, password = password ?? app.PasswordOf(userName) });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body["token"]!.GetValue<string>());
        return new ApiClient(http);
    }

    public async Task<(HttpStatusCode Status, JsonNode? Body, HttpResponseMessage Response)> Send(HttpMethod method, string url, object? body = null, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(method, url);
        if (body != null)
            request.Content = new StringContent(body is JsonNode node ? node.ToJsonString() : JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        if (ifMatch != null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length > 0 && text.TrimStart().StartsWith('{') || text.TrimStart().StartsWith('[') ? JsonNode.Parse(text) : null, response);
    }

    public Task<(HttpStatusCode Status, JsonNode? Body, HttpResponseMessage Response)> Get(string url) => Send(HttpMethod.Get, url);
    public Task<(HttpStatusCode Status, JsonNode? Body, HttpResponseMessage Response)> Post(string url, object? body = null) => Send(HttpMethod.Post, url, body);
    public Task<(HttpStatusCode Status, JsonNode? Body, HttpResponseMessage Response)> Put(string url, object body, string? ifMatch) => Send(HttpMethod.Put, url, body, ifMatch);
}
