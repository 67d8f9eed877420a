using Frontdesk.Functions;
using Frontdesk.Functions.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();

// Every HTTP failure answers ProblemDetails, as every refusal does (docs/security.md).
builder.UseWhen<HttpFailureMiddleware>(HttpFailureMiddleware.IsHttp);

// The worker's own logs go to Application Insights with their properties as customDimensions: the workbook and the
// alerts in infra/ read them. The SDK keeps only warnings unless its default filter rule is removed.
builder.Services.AddApplicationInsightsTelemetryWorkerService().ConfigureFunctionsApplicationInsights();
builder.Logging.Services.Configure<LoggerFilterOptions>(options =>
{
    var warningsOnly = options.Rules.FirstOrDefault(rule =>
        rule.ProviderName == "Microsoft.Extensions.Logging.ApplicationInsights.ApplicationInsightsLoggerProvider");
    if (warningsOnly is not null)
    {
        options.Rules.Remove(warningsOnly);
    }
});

builder.Services.AddFrontdeskFunctions(builder.Configuration);
builder.Build().Run();
