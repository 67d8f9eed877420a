using System.Net;
using System.Text;
using System.Text.Json;
using Frontdesk.Testing;

namespace Frontdesk.DevHost.Tests;

/// <summary>
/// The catalogue as a business and its customers use it: a CSV imported through the endpoint, then a signed webhook
/// asking for a product, answered at the fake Graph endpoint. Also the demo catalogue DevHost seeds.
/// </summary>
public sealed class CataloguePipelineTests(ReplyPipelineFixture pipeline) : IClassFixture<ReplyPipelineFixture>
{
    [Fact]
    public async Task ImportedCatalogue_AnswersAProductQuestionEndToEnd()
    {
        var csv = "id,title,description,availability,condition,price,link,image_link,brand,collection\n" +
                  "SHOE-RED-42,Red running shoes,\"Light, fast road shoes\",in stock,new,89.90 EUR,https://shop.example/p/red,https://shop.example/i/red.jpg,Demo,Shoes\n" +
                  "SOCK-3,Running socks,Three pairs,out of stock,new,7.50 EUR,https://shop.example/p/socks,https://shop.example/i/socks.jpg,Demo,Socks\n";
        using var content = new StringContent(csv, Encoding.UTF8, "text/csv");

        // A number of its own: its catalogue replaces the demo's default one for that number only.
        var shoeShop = "200000000000777";
        var import = await pipeline.Host.Client.PostAsync(
            $"/api/manage/catalogue/import?phoneNumberId={shoeShop}&code={DevHostRun.FunctionKey}", content, TestContext.Current.CancellationToken);
        var report = JsonDocument.Parse(await import.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        var customer = "15550300101";
        await pipeline.Host.PostWebhookAsync(
            WebhookBuilder.Text(customer, "wamid.E2E_CAT_1", "do you have red running shoes?", pipeline.AdvanceTo(DayOfWeek.Wednesday, 9), phoneNumberId: shoeShop),
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, import.StatusCode);
        Assert.Equal(2, report.GetProperty("added").GetInt32());
        var card = await WaitForTextAsync(customer, t => t.Contains("Red running shoes", StringComparison.Ordinal));
        Assert.Contains("89", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DemoCatalogue_IsSeededAndSearchable()
    {
        var customer = "15550300102";

        await pipeline.Host.PostWebhookAsync(
            WebhookBuilder.Text(customer, "wamid.E2E_CAT_2", "Croissant au beurre", pipeline.AdvanceTo(DayOfWeek.Wednesday, 9)),
            TestContext.Current.CancellationToken);

        var card = await WaitForTextAsync(customer, t => t.Contains("Croissant au beurre", StringComparison.Ordinal));
        Assert.Contains("1.30", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DemoPricesQuestion_IsAnsweredFromTheDemoCatalogue()
    {
        var customer = "15550300103";
        var at = pipeline.AdvanceTo(DayOfWeek.Wednesday, 9);

        await pipeline.Host.PostWebhookAsync(WebhookBuilder.Text(customer, "wamid.E2E_CAT_3", "prix croissant", at), TestContext.Current.CancellationToken);

        // The croissants of samples/demo-catalogue.csv (a list: butter, almond, chocolate), at that file's prices.
        var answer = await WaitForRequestAsync(customer, body => body.Contains("Croissant au beurre", StringComparison.Ordinal));
        Assert.Contains("1.30", answer, StringComparison.Ordinal);
        Assert.Contains("Croissant aux amandes", answer, StringComparison.Ordinal);
        Assert.DoesNotContain(pipeline.Graph.Requests, r => r.Body.Contains("1.20 €", StringComparison.Ordinal));
    }

    /// <summary>The raw Graph JSON of the first request to a customer that matches (a list's rows are not in its body text).</summary>
    private async Task<string> WaitForRequestAsync(string customer, Func<string, bool> wanted)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var bodies = pipeline.Graph.Requests.Where(r => !r.IsMarkRead && r.Json?["to"]?.GetValue<string>()?.TrimStart('+') == customer).Select(r => r.Body);
            if (bodies.FirstOrDefault(wanted) is { } body)
            {
                return body;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.Fail($"no matching request to {customer}; got: {string.Join(" | ", pipeline.TextsTo(customer))}");
        return "";
    }

    private async Task<string> WaitForTextAsync(string customer, Func<string, bool> wanted)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (pipeline.TextsTo(customer).FirstOrDefault(wanted) is { } text)
            {
                return text;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.Fail($"no matching reply to {customer}; got: {string.Join(" | ", pipeline.TextsTo(customer))}");
        return "";
    }
}
