namespace Frontdesk.Core.WhatsApp.Sending;

/// <summary>The wamids Meta gave Frontdesk's own sends, so an echo of one is never taken for the owner typing.</summary>
public interface ISentMessageIndex
{
    Task<bool> WasSentByFrontdeskAsync(string phoneNumberId, string wamId, CancellationToken cancellationToken = default);
}
