using System.Security.Cryptography;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Frontdesk.Core;
using Frontdesk.Core.Webhooks;

namespace Frontdesk.Storage.Inbox;

/// <summary>
/// Puts verified webhook bodies on <c>webhook-inbox</c>. A body over the queue's limit is split into valid smaller
/// bodies; a piece that still does not fit goes to the <c>webhook-bodies</c> container and is queued by reference.
/// </summary>
public sealed class WebhookInbox(QueueClient queue, BlobContainerClient claimChecks, TimeProvider time, QueueSignals signals) : IWebhookInbox, IInboxBacklog
{
    /// <summary>One peek at the front of the queue: only maybe-sent replies' grace checks ask.</summary>
    public async Task<TimeSpan> OldestWaitingAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            var front = (await queue.PeekMessagesAsync(1, cancellationToken).ConfigureAwait(false)).Value;
            return front.Length > 0 && front[0].InsertedOn is { } at && time.GetUtcNow() > at ? time.GetUtcNow() - at : TimeSpan.Zero;
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
            return TimeSpan.Zero;
        }
    }

    /// <summary>
    /// A queue message holds 64 KiB of Base64 text, about 48 KiB of body; the margin keeps clear of the limit.
    /// </summary>
    public const int MaxQueueBodyBytes = 46_000;

    /// <summary>
    /// A 3 MB batch is some 70 pieces; sent one after another they cost Meta's answer several hundred milliseconds.
    /// Pieces are independent webhook bodies (the consumer needs no order between them), so they go out in parallel.
    /// </summary>
    private const int ParallelSends = 8;

    public async Task<int> StoreAsync(ReadOnlyMemory<byte> body, CancellationToken cancellationToken = default)
    {
        var pieces = WebhookSplitter.Split(body, MaxQueueBodyBytes);
        try
        {
            if (pieces.Count == 1)
            {
                await StorePieceAsync(pieces[0], cancellationToken).ConfigureAwait(false);
            }
            else
            {
                var parallel = new ParallelOptions { MaxDegreeOfParallelism = ParallelSends, CancellationToken = cancellationToken };
                await Parallel.ForEachAsync(pieces, parallel, async (piece, ct) => await StorePieceAsync(piece, ct).ConfigureAwait(false)).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is RequestFailedException or HttpRequestException or AggregateException or TimeoutException
                                   || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new StorageUnavailableException($"The webhook inbox could not store the body: {e.GetType().Name}.", e);
        }

        signals.Sent(queue.Name);
        return pieces.Count;
    }

    private async Task StorePieceAsync(WebhookPiece piece, CancellationToken cancellationToken)
    {
        var message = piece.FitsQueue
            ? piece.Body
            : InboxMessage.ClaimCheck(await UploadAsync(piece.Body, cancellationToken).ConfigureAwait(false));
        await queue.SendMessageAsync(new BinaryData(message), cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The blob is named by its content's hash, so Meta's retries of the same body overwrite, not pile up.</summary>
    private async Task<string> UploadAsync(ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        var name = $"{time.GetUtcNow():yyyy-MM-dd}/{Convert.ToHexStringLower(SHA256.HashData(body.Span))}.json";
        await claimChecks.GetBlobClient(name).UploadAsync(new BinaryData(body), overwrite: true, cancellationToken).ConfigureAwait(false);
        return name;
    }
}
