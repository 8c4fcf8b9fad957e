using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Comity.Testing.Nodes;

namespace Comity.Node.Tests.Ui;

/// <summary>
/// Drives the server-rendered UI the way a browser without JavaScript does: GET a page, fill in a
/// form (keeping its hidden fields: the antiforgery token and Blazor's form name), POST it, and
/// look at each redirect.
/// </summary>
internal sealed class Browser(TestNode node) : IDisposable
{
    private static readonly HtmlParser Parser = new();

    public HttpClient Client { get; } = node.CreateBrowserClient();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public Task<HttpResponseMessage> GetAsync(string url) => Client.GetAsync(url, Ct);

    public async Task<IDocument> GetDocumentAsync(string url)
    {
        using var response = await Client.GetAsync(url, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {Location(response)}");
        return await ParseAsync(response);
    }

    public static async Task<IDocument> ParseAsync(HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync(Ct), Ct);

    /// <summary>GETs <paramref name="pageUrl"/> and submits the form named <paramref name="formName"/> (its <c>@formname</c>).</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string pageUrl, string formName, IReadOnlyDictionary<string, string> values)
    {
        var document = await GetDocumentAsync(pageUrl);
        return await SubmitAsync(document, pageUrl, FindForm(document, formName), values);
    }

    public async Task<HttpResponseMessage> SubmitAsync(IDocument document, string pageUrl, IElement form, IReadOnlyDictionary<string, string> values)
    {
        _ = document;
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var input in form.QuerySelectorAll("input[type=hidden][name]"))
        {
            fields[input.GetAttribute("name")!] = input.GetAttribute("value") ?? "";
        }

        foreach (var select in form.QuerySelectorAll("select[name]"))
        {
            var selected = select.QuerySelector("option[selected]") ?? select.QuerySelector("option");
            fields[select.GetAttribute("name")!] = selected?.GetAttribute("value") ?? "";
        }

        foreach (var (name, value) in values)
        {
            fields[name] = value;
        }

        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : pageUrl;
        using var content = new FormUrlEncodedContent(fields);
        return await Client.PostAsync(action, content, Ct);
    }

    public static IElement FindForm(IDocument document, string formName) =>
        document.QuerySelectorAll("form").FirstOrDefault(f => f.QuerySelector($"input[name=_handler][value='{formName}']") is not null)
        ?? throw new InvalidOperationException($"No form named {formName} on the page: {document.Title}");

    /// <summary>Signs in with a password; returns the response (a redirect on success).</summary>
    public Task<HttpResponseMessage> SignInAsync(string userName, string password, string? returnUrl = null) =>
        SubmitAsync(
            "/account/sign-in" + (returnUrl is null ? "" : "?returnUrl=" + Uri.EscapeDataString(returnUrl)),
            "sign-in",
            new Dictionary<string, string> { ["Input.UserName"] = userName, ["Input.Password"] = password });

    /// <summary>The redirect target relative to the node, or the whole URL if it points elsewhere.</summary>
    public static string? Location(HttpResponseMessage response)
    {
        if (response.Headers.Location is not { } location)
        {
            return null;
        }

        var absolute = location.IsAbsoluteUri ? location : new Uri(new Uri("http://localhost/"), location);
        return absolute.Host == "localhost" ? absolute.PathAndQuery : absolute.ToString();
    }

    public void Dispose() => Client.Dispose();
}
