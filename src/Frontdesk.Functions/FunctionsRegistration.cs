using Frontdesk.Core;
using Frontdesk.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Frontdesk.Functions;

/// <summary>
/// The Functions project's composition root: every service the function classes need, each registered once. The
/// Functions host (Program.cs) and Frontdesk.DevHost both call this, so they run the same code.
/// </summary>
public static class FunctionsRegistration
{
    public static IServiceCollection AddFrontdeskFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddFrontdeskCore(configuration).AddFrontdeskStorage(configuration);

        // ProblemDetails and other results written by ASP.NET Core (both hosts) are read by people: readable UTF-8.
        services.Configure<Microsoft.AspNetCore.Mvc.JsonOptions>(o => o.JsonSerializerOptions.Encoder = Core.Text.ReadableJson.Encoder);
        services.Configure<Microsoft.AspNetCore.Http.Json.JsonOptions>(o => o.SerializerOptions.Encoder = Core.Text.ReadableJson.Encoder);
        return services;
    }
}
