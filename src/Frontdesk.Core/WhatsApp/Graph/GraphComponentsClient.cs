using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Frontdesk.Core.Rules;
using Frontdesk.Core.Telemetry;
using Frontdesk.Core.WhatsApp.Graph.Wire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Frontdesk.Core.WhatsApp.Graph;

/// <summary>
/// Sends a number's conversational components to <c>POST {GraphBaseUrl}/{ApiVersion}/{phone_number_id}/conversational_automation</c>
/// and reports Meta's answer as it came. Without <c>WhatsApp__AccessToken</c> (a local run) nothing is sent and the
/// result says so. One call, no retry: the operator sees the answer and decides.
/// </summary>
public sealed partial class GraphComponentsClient(HttpClient http, IOptions<WhatsAppOptions> options, ILogger<GraphComponentsClient> logger)
{
    /// <summary>Meta's documented body for these components; fields the table does not set are left out.</summary>
    public static GraphConversationalAutomation Body(ConversationalComponents components)
    {
        ArgumentNullException.ThrowIfNull(components);
        return new GraphConversationalAutomation
        {
            EnableWelcomeMessage = components.EnableWelcomeMessage,
            Prompts = components.Prompts,
            Commands = [.. components.Commands.Select(c => new GraphCommand(c.Name, c.Description))],
        };
    }

    public static string Json(GraphConversationalAutomation body) =>
        JsonSerializer.Serialize(body, GraphJsonContext.Default.GraphConversationalAutomation);

    public async Task<ComponentsPublishResult> PublishAsync(string phoneNumberId, GraphConversationalAutomation body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.AccessToken))
        {
            var result = new ComponentsPublishResult(false, null, null, "WhatsApp__AccessToken is not set (a local run): nothing was sent to Meta");
            Log.Published(logger, phoneNumberId, null, result.Reason!);
            return result;
        }

        var root = settings.GraphBaseUrl.AbsoluteUri.TrimEnd('/');
        var uri = new Uri($"{root}/{settings.ApiVersion.Trim('/')}/{Uri.EscapeDataString(phoneNumberId)}/conversational_automation");
        using var request = new HttpRequestMessage(HttpMethod.Post, uri)
        {
            Content = new StringContent(Json(body), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.AccessToken);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var answer = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            Log.Published(logger, phoneNumberId, status, response.IsSuccessStatusCode ? "accepted" : "refused");
            return new ComponentsPublishResult(true, status, answer, response.IsSuccessStatusCode ? null : $"Meta answered HTTP {status}");
        }
        catch (HttpRequestException ex)
        {
            Log.Published(logger, phoneNumberId, null, $"no answer: {ex.Message}");
            return new ComponentsPublishResult(true, null, null, $"no answer from the Graph API ({ex.HttpRequestError}); it may or may not have been applied: read it back with GET on the same path");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Log.Published(logger, phoneNumberId, null, "timed out");
            return new ComponentsPublishResult(true, null, null, "the Graph API did not answer in time; it may or may not have been applied: read it back with GET on the same path");
        }
    }

    private static partial class Log
    {
        [LoggerMessage(TelemetryEvents.ComponentsPublished, LogLevel.Information,
            "Conversational components for {PhoneNumberId}: Meta HTTP {HttpStatus}, {Outcome}")]
        public static partial void Published(ILogger logger, string phoneNumberId, int? httpStatus, string outcome);
    }
}
