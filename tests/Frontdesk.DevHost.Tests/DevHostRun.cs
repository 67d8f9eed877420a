using Frontdesk.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Frontdesk.DevHost.Tests;

/// <summary>A running DevHost on a free port against a given Azurite, the way a developer runs it.</summary>
public sealed class DevHostRun : IAsyncDisposable
{
    public const string AppSecret = "devhost_test_secret";
    public const string VerifyToken = "devhost_test_verify";
    public const string FunctionKey = "devhost_test_key";

    private readonly WebApplication _app;

    private DevHostRun(WebApplication app, HttpClient client)
    {
        _app = app;
        Client = client;
    }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Posts a body signed with <see cref="AppSecret"/>, as Meta would.</summary>
    public async Task<HttpResponseMessage> PostWebhookAsync(byte[] body, CancellationToken cancellationToken = default)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhook") { Content = content };
        request.Headers.TryAddWithoutValidation(Frontdesk.Core.Webhooks.WebhookSignature.HeaderName, Frontdesk.Core.Webhooks.WebhookSignature.Sign(body, AppSecret));
        return await Client.SendAsync(request, cancellationToken);
    }

    public static async Task<DevHostRun> StartAsync(
        AzuriteServer azurite,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configureServices = null,
        CancellationToken cancellationToken = default)
    {
        var overrides = new Dictionary<string, string?>
        {
            ["FrontdeskStorage"] = azurite.ConnectionString,
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["WhatsApp:AppSecret"] = AppSecret,
            ["WhatsApp:VerifyToken"] = VerifyToken,
            ["WhatsApp:AccessToken"] = "",
            ["DevHost:FunctionKey"] = FunctionKey,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            overrides[key] = value;
        }

        var app = await DevHostApplication.CreateAsync(["--urls", "http://127.0.0.1:0"], overrides, configureServices, cancellationToken);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new DevHostRun(app, new HttpClient { BaseAddress = new Uri(address) });
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
