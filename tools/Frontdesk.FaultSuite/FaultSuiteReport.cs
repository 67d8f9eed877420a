using System.Globalization;
using System.Text;
using Frontdesk.Testing;

namespace Frontdesk.FaultSuite;

/// <summary>
/// What each customer received at the fake Graph API, counted from what it accepted (a drop after accepting counts:
/// the customer has it). Replies are told apart by their <c>biz_opaque_callback_data</c> (Frontdesk's idempotency
/// key). Every customer sends the same text, so each should get the same number of distinct replies: the most common
/// count is the expected one; fewer is a loss, the same reply twice is a double, more distinct replies than expected
/// are "extra" (a message decided twice).
/// </summary>
public sealed record FaultSuiteReport(
    int Customers,
    int ExpectedReplies,
    IReadOnlyDictionary<string, CustomerCount> PerCustomer,
    IReadOnlyDictionary<int, int> Distribution,
    IReadOnlyDictionary<string, int> InjectedFaults,
    int GraphRequests,
    int Accepted,
    int AcceptedAnswerDropped,
    int StatusesPosted,
    long WebhookPosts,
    long WebhookPostFailures,
    Harness.QueueDepths FinalDepths,
    bool Settled,
    TimeSpan Elapsed,
    string? Kill,
    string LogFolder)
{
    public int LostReplies => PerCustomer.Values.Sum(c => Math.Max(0, ExpectedReplies - c.Distinct));

    public int CustomersWithLoss => PerCustomer.Values.Count(c => c.Distinct < ExpectedReplies);

    public int DoubledReplies => PerCustomer.Values.Sum(c => c.Total - c.Distinct);

    public int CustomersWithDouble => PerCustomer.Values.Count(c => c.Total > c.Distinct);

    public int ExtraReplies => PerCustomer.Values.Sum(c => Math.Max(0, c.Distinct - ExpectedReplies));

    public bool Passed => LostReplies == 0 && DoubledReplies == 0 && ExtraReplies == 0 && ExpectedReplies > 0;

    public static FaultSuiteReport Count(
        IReadOnlyList<string> customers, FakeGraphServer graph, long posts, long postFailures, Harness.QueueDepths depths, bool settled, TimeSpan elapsed, string? kill, string logFolder)
    {
        ArgumentNullException.ThrowIfNull(customers);
        ArgumentNullException.ThrowIfNull(graph);
        var accepted = graph.Accepted;
        var byCustomer = accepted.GroupBy(a => a.To, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var perCustomer = customers.ToDictionary(
            c => c,
            c => byCustomer.TryGetValue(c, out var list)
                ? new CustomerCount(list.Count, list.Select(a => a.CallbackData ?? a.WamId).Distinct(StringComparer.Ordinal).Count())
                : new CustomerCount(0, 0),
            StringComparer.Ordinal);
        var distribution = perCustomer.Values.GroupBy(c => c.Distinct).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count());
        var expected = distribution.Count == 0 ? 0 : distribution.OrderByDescending(kv => kv.Value).ThenByDescending(kv => kv.Key).First().Key;
        return new FaultSuiteReport(
            customers.Count, expected, perCustomer, distribution, graph.InjectedFaults, graph.Requests.Count, accepted.Count,
            accepted.Count(a => a.AnswerDropped), graph.PostedStatuses.Count, posts, postFailures, depths, settled, elapsed, kill, logFolder);
    }

    public override string ToString()
    {
        string N(int n) => n.ToString(CultureInfo.InvariantCulture);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"fault suite: {N(Customers)} customers, {(Passed ? "PASSED" : "FAILED")} in {Elapsed.TotalSeconds:0} s{(Settled ? "" : " (did NOT settle before the timeout)")}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  expected {N(ExpectedReplies)} distinct replies per customer; customers by replies received: {string.Join(", ", Distribution.Select(kv => $"{N(kv.Key)}: {N(kv.Value)}"))}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  LOST    {N(LostReplies)} replies ({N(CustomersWithLoss)} customers)");
        text.AppendLine(CultureInfo.InvariantCulture, $"  DOUBLED {N(DoubledReplies)} replies ({N(CustomersWithDouble)} customers)");
        text.AppendLine(CultureInfo.InvariantCulture, $"  EXTRA   {N(ExtraReplies)} replies (more distinct replies than expected)");
        text.AppendLine(CultureInfo.InvariantCulture, $"  fake Graph API: {N(GraphRequests)} requests, {N(Accepted)} messages accepted ({N(AcceptedAnswerDropped)} with the answer dropped), faults injected: {string.Join(", ", InjectedFaults.Select(kv => $"{kv.Key} {N(kv.Value)}"))}; {N(StatusesPosted)} status webhooks posted back");
        text.AppendLine(CultureInfo.InvariantCulture, $"  webhooks: {WebhookPosts.ToString(CultureInfo.InvariantCulture)} POSTs ({WebhookPostFailures.ToString(CultureInfo.InvariantCulture)} not answered 200, retried like Meta); {Kill ?? "no kill"}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  queues at the end: {FinalDepths}");
        foreach (var (customer, count) in PerCustomer.Where(kv => kv.Value.Distinct != ExpectedReplies || kv.Value.Total != kv.Value.Distinct).Take(20))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"    {customer}: {N(count.Total)} received, {N(count.Distinct)} distinct");
        }

        text.Append(CultureInfo.InvariantCulture, $"  DevHost logs: {LogFolder}");
        return text.ToString();
    }
}

/// <summary>Replies one customer received: all of them, and how many were different.</summary>
public sealed record CustomerCount(int Total, int Distinct);
