using Frontdesk.Core.Conversations;
using Frontdesk.Core.Rules;
using Frontdesk.Functions.Admin;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Frontdesk.Functions.Tests;

public sealed class ServiceRegistrationTests
{
    [Fact]
    public void AddFrontdesk_ResolvesTheAdminFunctionsAndTheRulesApi()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["FrontdeskStorage"] = "UseDevelopmentStorage=true" })
            .Build();
        var services = new ServiceCollection().AddLogging().AddFrontdesk(configuration);
        services.AddTransient<AdminValidateFunction>().AddTransient<AdminExplainFunction>();
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        Assert.NotNull(provider.GetRequiredService<AdminExplainFunction>());
        Assert.NotNull(provider.GetRequiredService<AdminValidateFunction>());
        Assert.NotNull(provider.GetRequiredService<IRuleSource>());
        Assert.NotNull(provider.GetRequiredService<IContactStore>());
        Assert.NotNull(provider.GetRequiredService<ReplyEngine>());
    }
}
