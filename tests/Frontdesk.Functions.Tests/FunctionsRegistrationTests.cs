using System.Reflection;
using Frontdesk.Core;
using Frontdesk.Core.WhatsApp;
using Frontdesk.Core.WhatsApp.Sending;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Frontdesk.Functions.Tests;

/// <summary>The composition root the Functions host and DevHost share: complete, each service once, options checked at start.</summary>
public sealed class FunctionsRegistrationTests
{
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["FrontdeskStorage"] = "UseDevelopmentStorage=true",
        ["WhatsApp:AppSecret"] = "app-secret",
        ["WhatsApp:VerifyToken"] = "verify-token",
    };

    private static IServiceCollection Services(IReadOnlyDictionary<string, string?> settings) =>
        new ServiceCollection().AddLogging().AddFrontdeskFunctions(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());

    public static TheoryData<string> FunctionClasses() =>
        [.. typeof(FunctionsRegistration).Assembly.GetTypes()
            .Where(t => t.GetMethods().Any(m => m.GetCustomAttribute<FunctionAttribute>() is not null))
            .Select(t => t.FullName!)];

    [Fact]
    public void FunctionClasses_AreFound()
    {
        Assert.True(FunctionClasses().Count >= 8, $"Expected every function class, found {FunctionClasses().Count}.");
    }

    [Theory]
    [MemberData(nameof(FunctionClasses))]
    public void AddFrontdeskFunctions_FunctionClass_Resolves(string typeName)
    {
        using var provider = Services(Settings).BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        var type = typeof(FunctionsRegistration).Assembly.GetType(typeName, throwOnError: true)!;

        var function = ActivatorUtilities.CreateInstance(provider, type);

        Assert.IsType(type, function);
    }

    [Fact]
    public void AddFrontdeskFunctions_EachFrontdeskService_IsRegisteredOnce()
    {
        var services = Services(Settings);

        var ours = services.Where(d => d.ServiceType == typeof(TimeProvider) || d.ServiceType.Assembly.GetName().Name!.StartsWith("Frontdesk.", StringComparison.Ordinal));
        var twice = ours.GroupBy(d => d.ServiceType).Where(g => g.Count() > 1).Select(g => $"{g.Key.Name} ×{g.Count()}");

        Assert.Contains(services, d => d.ServiceType == typeof(TimeProvider));
        Assert.Empty(twice);
    }

    [Theory]
    [InlineData(typeof(FrontdeskOptions))]
    [InlineData(typeof(WhatsAppOptions))]
    [InlineData(typeof(OutboundOptions))]
    public void AddFrontdeskFunctions_Options_AreBoundAndValidatedOnce(Type options)
    {
        var services = Services(Settings);

        Assert.Single(services, d => d.ServiceType == typeof(IOptionsChangeTokenSource<>).MakeGenericType(options));
        Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<>).MakeGenericType(options));
    }

    [Theory]
    [InlineData("Frontdesk:CacheSeconds", "99999", "CacheSeconds")]
    [InlineData("Outbound:MaxAttempts", "0", "MaxAttempts")]
    [InlineData("WhatsApp:AppSecret", "", "WhatsApp__AppSecret")]
    public async Task AddFrontdeskFunctions_InvalidSetting_StopsStartNamingIt(string key, string value, string named)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(Settings) { [key] = value });
        builder.Services.AddFrontdeskFunctions(builder.Configuration);
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }
}
