using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Frontdesk.Core.WhatsApp.Graph.Wire;
using Microsoft.Extensions.Options;

namespace Frontdesk.Core.WhatsApp.Graph;

/// <summary>
/// Reads the business's templates: <c>GET {GraphBaseUrl}/{ApiVersion}/{waba-id}/message_templates</c>, page after page
/// (<c>paging.cursors.after</c>), at most <see cref="MaxPages"/> pages of 100. One read, no retry (it counts against
/// Meta's management-API limit): the operator sees the answer. Without <c>WhatsApp__AccessToken</c> nothing is read.
/// </summary>
public sealed partial class GraphTemplatesClient(HttpClient http, IOptions<WhatsAppOptions> options)
{
    public const int PageSize = 100;
    public const int MaxPages = 50;

    public async Task<MetaTemplateList> ListAsync(string wabaId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(wabaId);
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.AccessToken))
        {
            return new MetaTemplateList(false, [], null, null, "WhatsApp__AccessToken is not set (a local run): Meta's templates were not read") { Skipped = true };
        }

        var root = $"{settings.GraphBaseUrl.AbsoluteUri.TrimEnd('/')}/{settings.ApiVersion.Trim('/')}/{Uri.EscapeDataString(wabaId)}/message_templates";
        var templates = new List<MetaTemplate>();
        string? after = null;
        for (var page = 0; page < MaxPages; page++)
        {
            var uri = $"{root}?fields=name,language,status,category,components&limit={PageSize}" + (after is null ? "" : "&after=" + Uri.EscapeDataString(after));
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.AccessToken);
            string answer;
            int status;
            try
            {
                using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
                answer = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                status = (int)response.StatusCode;
            }
            catch (HttpRequestException ex)
            {
                return new MetaTemplateList(false, templates, null, null, $"no answer from the Graph API ({ex.HttpRequestError})");
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return new MetaTemplateList(false, templates, null, null, "the Graph API did not answer in time");
            }

            if (status is < 200 or >= 300)
            {
                return new MetaTemplateList(false, templates, status, answer, $"Meta answered HTTP {status}");
            }

            GraphTemplateList? list;
            try
            {
                list = JsonSerializer.Deserialize(answer, GraphJsonContext.Default.GraphTemplateList);
            }
            catch (JsonException)
            {
                return new MetaTemplateList(false, templates, status, answer, "Meta's answer is not the template list's JSON");
            }

            templates.AddRange((list?.Data ?? []).Select(ToTemplate));
            after = list?.Paging?.Cursors?.After;
            if (string.IsNullOrEmpty(list?.Paging?.Next) || string.IsNullOrEmpty(after))
            {
                return new MetaTemplateList(true, templates, status, null, null);
            }
        }

        return new MetaTemplateList(true, templates, 200, null, $"only the first {MaxPages * PageSize} templates were read");
    }

    private static MetaTemplate ToTemplate(GraphTemplateInfo info)
    {
        var components = info.Components ?? [];
        var body = components.FirstOrDefault(c => "BODY".Equals(c.Type, StringComparison.OrdinalIgnoreCase))?.Text ?? "";
        var header = components.FirstOrDefault(c => "HEADER".Equals(c.Type, StringComparison.OrdinalIgnoreCase));
        var urlButton = components
            .Where(c => "BUTTONS".Equals(c.Type, StringComparison.OrdinalIgnoreCase))
            .SelectMany(c => c.Buttons ?? [])
            .FirstOrDefault(b => "URL".Equals(b.Type, StringComparison.OrdinalIgnoreCase));
        return new MetaTemplate(
            info.Name ?? "",
            info.Language ?? "",
            info.Status ?? "",
            info.Category ?? "",
            Placeholder().Matches(body).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).Count(),
            "IMAGE".Equals(header?.Format, StringComparison.OrdinalIgnoreCase),
            urlButton?.Url is { } url && Placeholder().IsMatch(url));
    }

    /// <summary>A body variable: positional <c>{{1}}</c> or named <c>{{first_name}}</c>.</summary>
    [GeneratedRegex(@"\{\{\s*([A-Za-z0-9_]+)\s*\}\}")]
    private static partial Regex Placeholder();
}
