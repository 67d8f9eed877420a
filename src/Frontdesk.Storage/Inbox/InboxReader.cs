using Azure.Storage.Blobs;

namespace Frontdesk.Storage.Inbox;

/// <summary>Turns a <c>webhook-inbox</c> message back into the webhook body, fetching a claim-checked body from its blob.</summary>
public sealed class InboxReader(BlobContainerClient claimChecks)
{
    /// <summary>
    /// The body, or null when the message is a claim check whose blob is gone. Blobs are named by their content, so
    /// Meta's duplicate of a large body points at the same blob: whichever delivery finishes first deletes it, and
    /// the other finds nothing to do (every message in it is in the ledger already). The lifecycle rule ends the rest.
    /// </summary>
    public async Task<InboxBody?> ReadAsync(BinaryData message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var blob = InboxMessage.ClaimCheckBlob(message.ToMemory().Span);
        if (blob is null)
        {
            return new InboxBody(message.ToMemory(), ClaimCheckBlob: null);
        }

        try
        {
            var content = await claimChecks.GetBlobClient(blob).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return new InboxBody(content.Value.Content.ToMemory(), blob);
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>Deletes a claim-checked body once it has been handled (the lifecycle rule is only the safety net).</summary>
    public async Task CompleteAsync(InboxBody body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (body.ClaimCheckBlob is not null)
        {
            await claimChecks.GetBlobClient(body.ClaimCheckBlob).DeleteIfExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }
}
