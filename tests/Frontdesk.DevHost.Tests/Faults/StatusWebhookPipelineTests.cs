using Azure.Data.Tables;
using Frontdesk.Storage;
using Frontdesk.Testing;

namespace Frontdesk.DevHost.Tests.Faults;

/// <summary>
/// The fake Graph API posts Meta's status webhooks back to DevHost, signed with the app secret and each posted twice:
/// DevHost accepts them and records the furthest status of every reply it sent.
/// </summary>
public sealed class StatusWebhookPipelineTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task StatusWebhooks_FromTheFake_AreAcceptedAndRecorded()
    {
        await using var azurite = await AzuriteServer.StartAsync(Cancel);
        await using var graph = await FakeGraphServer.StartAsync(Cancel);
        await using var host = await DevHostRun.StartAsync(
            azurite,
            new Dictionary<string, string?>
            {
                ["WhatsApp:AccessToken"] = "status-test-token",
                ["WhatsApp:GraphBaseUrl"] = graph.BaseUrl.ToString(),
            },
            cancellationToken: Cancel);
        graph.PostStatusesTo(new FakeGraphStatusWebhooks(new Uri(host.Client.BaseAddress!, "/api/webhook"), DevHostRun.AppSecret) { Read = true, Copies = 2 });
        var customer = "15550310001";

        using var answer = await host.PostWebhookAsync(WebhookBuilder.Text(customer, "wamid.STATUS_1", "hello", DateTimeOffset.UtcNow), Cancel);
        var replies = await WaitForAcceptedAsync(graph, customer);
        await graph.WaitForStatusesAsync(TimeSpan.FromSeconds(60), Cancel);

        Assert.Equal(System.Net.HttpStatusCode.OK, answer.StatusCode);
        Assert.All(graph.PostedStatuses, p => Assert.True(p.Delivered, $"{p.Status} for {p.WamId} answered {p.HttpStatus}"));
        Assert.Equal(3 * replies.Count, graph.PostedStatuses.Count(p => p.To == customer));
        var table = new TableClient(azurite.ConnectionString, StorageNames.Tables.OutboundStatuses);
        foreach (var reply in replies)
        {
            Assert.Equal("read", await WaitForStatusAsync(table, reply.WamId, "read"));
        }
    }

    private static async Task<IReadOnlyList<AcceptedGraphMessage>> WaitForAcceptedAsync(FakeGraphServer graph, string customer)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (graph.AcceptedTo(customer).Count == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "no reply reached the fake Graph API");
            await Task.Delay(50, Cancel);
        }

        // The reply chain goes out one by one; give the rest a moment to follow the first.
        await Task.Delay(TimeSpan.FromSeconds(2), Cancel);
        return graph.AcceptedTo(customer);
    }

    private static async Task<string?> WaitForStatusAsync(TableClient table, string wamId, string expected)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        string? status = null;
        while (DateTime.UtcNow < deadline)
        {
            await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"WamId eq {wamId}"), cancellationToken: Cancel))
            {
                status = row.GetString("Status");
            }

            if (status == expected)
            {
                break;
            }

            await Task.Delay(100, Cancel);
        }

        return status;
    }
}
