using System.Collections.Concurrent;

namespace Frontdesk.Core.Tests.WhatsApp;

/// <summary>The HTTP boundary for client tests: records each request (with its body read) and answers from a script.</summary>
internal sealed class StubHandler(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> answer) : HttpMessageHandler
{
    public ConcurrentQueue<(HttpRequestMessage Request, string Body)> Requests { get; } = new();

    public static StubHandler Answering(int status, string json, Action<HttpResponseMessage>? tweak = null) =>
        new((_, _) =>
        {
            var response = new HttpResponseMessage((System.Net.HttpStatusCode)status)
            {
                Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
            };
            tweak?.Invoke(response);
            return Task.FromResult(response);
        });

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Enqueue((request, body));
        return await answer(request, cancellationToken);
    }
}
