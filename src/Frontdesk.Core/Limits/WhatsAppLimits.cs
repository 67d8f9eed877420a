namespace Frontdesk.Core.Limits;

/// <summary>
/// Meta's limits on the messages Frontdesk sends (whatsapp-cloud-api.md §5.2), in one place: the rule compiler and
/// <c>manage/validate</c> check table rows against them, the catalogue cuts its texts to them, and the sender
/// (<c>GraphRequestBuilder</c>) refuses anything over them. Lengths are in UTF-16 characters, as Meta counts them.
/// The limits Frontdesk sets on its own HTTP surfaces are next door, in <see cref="InputLimits"/>.
/// </summary>
public static class WhatsAppLimits
{
    /// <summary>A text message's body; also the longest text a customer can send.</summary>
    public const int TextBody = 4096;

    /// <summary>
    /// The customer-service window: free-form messages may be sent this long after the customer's last message;
    /// outside it only an approved template is delivered (error 131047).
    /// </summary>
    public static readonly TimeSpan ServiceWindow = TimeSpan.FromHours(24);

    /// <summary>
    /// The pair rate: about one message every 6 seconds from a business number to the same customer (reference §8;
    /// short bursts borrow against it). Past it Meta answers 131056, and a retry waits at least this long.
    /// </summary>
    public static readonly TimeSpan PairRateWindow = TimeSpan.FromSeconds(6);

    /// <summary>The body of reply buttons, a single product, a product list or a catalogue message.</summary>
    public const int InteractiveBody = 1024;

    /// <summary>Meta's current page says 4096, its older SDK docs 1024 (reference §12.6): the smaller cannot fail.</summary>
    public const int ListBody = 1024;

    public const int Header = 60;
    public const int Footer = 60;
    public const int MaxButtons = 3;
    public const int ButtonId = 256;
    public const int ButtonTitle = 20;
    public const int ListButton = 20;
    public const int MaxSections = 10;
    public const int SectionTitle = 24;

    /// <summary>Rows in all of a list's sections together.</summary>
    public const int MaxListRows = 10;

    public const int RowId = 200;
    public const int RowTitle = 24;
    public const int RowDescription = 72;

    /// <summary>Products in all of a product list's sections together.</summary>
    public const int MaxProducts = 30;

    /// <summary>A send's <c>biz_opaque_callback_data</c>, echoed in its statuses.</summary>
    public const int CallbackData = 512;

    /// <summary>Ice breakers (<c>prompts</c>) of a number's conversational components.</summary>
    public const int MaxPrompts = 4;

    public const int PromptText = 80;

    /// <summary>Chat commands (<c>/menu</c>) of a number's conversational components.</summary>
    public const int MaxCommands = 30;

    /// <summary>A command's name, without its slash.</summary>
    public const int CommandName = 32;

    public const int CommandDescription = 256;

    /// <summary>Automatic messages in answer to one inbound message: Meta's pair rate limit (~1 message / 6 s to a user).</summary>
    public const int RepliesPerMessage = 3;

    /// <summary>Cuts to <paramref name="max"/> characters with an ellipsis, never splitting a surrogate pair.</summary>
    public static string Truncate(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= max)
        {
            return text;
        }

        var cut = max - 1;
        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return string.Concat(text.AsSpan(0, cut).TrimEnd(), "…");
    }
}
