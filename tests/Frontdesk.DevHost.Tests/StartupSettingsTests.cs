using Frontdesk.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Frontdesk.DevHost.Tests;

/// <summary>A missing secret stops the app at start-up, with a message that names the setting to fix; DevHost runs as Development.</summary>
public sealed class StartupSettingsTests : IAsyncLifetime
{
    private AzuriteServer _azurite = null!;

    public async ValueTask InitializeAsync() => _azurite = await AzuriteServer.StartAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync() => await _azurite.DisposeAsync();

    [Theory]
    [InlineData("WhatsApp:AppSecret", "WhatsApp__AppSecret")]
    [InlineData("WhatsApp:VerifyToken", "WhatsApp__VerifyToken")]
    public async Task MissingSecret_StopsStartupNamingTheSetting(string key, string settingName)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
        {
            await using var host = await DevHostRun.StartAsync(_azurite, new Dictionary<string, string?> { [key] = "" }, cancellationToken: TestContext.Current.CancellationToken);
        });

        Assert.Contains(settingName, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DevHost_RunsAsDevelopment()
    {
        await using var host = await DevHostRun.StartAsync(_azurite, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(Environments.Development, host.Services.GetRequiredService<IHostEnvironment>().EnvironmentName);
    }
}
