using Headshots.Functions.Triggers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace Headshots.Functions.Tests;

/// <summary>
/// A trigger as the Functions host invokes it on the ASP.NET Core integration: the request carries no route values,
/// the route's parameters come as binding data, and the response is what the trigger writes to the HttpContext.
/// </summary>
public sealed class HttpTriggerServingTests
{
    static (DefaultHttpContext Http, MemoryStream Body) Request()
    {
        var http = new DefaultHttpContext();
        var body = new MemoryStream();
        http.Response.Body = body;
        return (http, body);
    }

    static byte[] RepositoryFile(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine([dir.FullName, .. parts]);
            if (File.Exists(path)) return File.ReadAllBytes(path);
        }
        throw new FileNotFoundException($"{Path.Combine(parts)} is not above {AppContext.BaseDirectory}.");
    }

    [Fact]
    public async Task Asset_FileInTheBindingData_WritesThatStylesheetToTheResponse()
    {
        var (http, body) = Request();
        var context = new InvocationContext("WebAsset", new Dictionary<string, object?> { ["file"] = "site.css" }, new ServiceCollection().BuildServiceProvider());

        var result = await WebHttp.Asset(http.Request, context);

        Assert.IsType<EmptyResult>(result);
        Assert.Equal(200, http.Response.StatusCode);
        Assert.Equal("text/css; charset=utf-8", http.Response.ContentType);
        Assert.Equal("nosniff", http.Response.Headers["X-Content-Type-Options"]);
        Assert.Equal(RepositoryFile("functions", "Headshots.Pipeline", "Web", "assets", "site.css"), body.ToArray());
    }

    [Fact]
    public async Task Asset_UnknownFileInTheBindingData_NotFoundProblem()
    {
        var (http, body) = Request();
        var context = new InvocationContext("WebAsset", new Dictionary<string, object?> { ["file"] = "missing.css" }, new ServiceCollection().BuildServiceProvider());

        await WebHttp.Asset(http.Request, context);

        Assert.Equal(404, http.Response.StatusCode);
        Assert.Equal("application/problem+json; charset=utf-8", http.Response.ContentType);
        Assert.Contains("No such file", System.Text.Encoding.UTF8.GetString(body.ToArray()));
    }
}
