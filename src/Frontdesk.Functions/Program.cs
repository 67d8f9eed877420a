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
// alerts in infra/ read them (WorkbookTelemetry says which levels and categories get through).
builder.Services.AddApplicationInsightsTelemetryWorkerService().ConfigureFunctionsApplicationInsights();
builder.Logging.Services.Configure<LoggerFilterOptions>(WorkbookTelemetry.Configure);

builder.Services.AddFrontdeskFunctions(builder.Configuration);
builder.Build().Run();
