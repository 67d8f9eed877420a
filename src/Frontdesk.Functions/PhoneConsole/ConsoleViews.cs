using Frontdesk.Functions.Admin;

namespace Frontdesk.Functions.PhoneConsole;

/// <summary>The body of <c>GET /api/manage/console/conversation</c>: the chat, the contact's state and the tables' problems.</summary>
public sealed record ConsoleConversationResponse(
    string PhoneNumberId,
    string WaId,
    IReadOnlyList<ConsoleMessageView> Messages,
    ConsoleContactView Contact,
    IReadOnlyList<ProblemResponse> Problems);

/// <summary>
/// One bubble, flat for the page's script: <see cref="Direction"/> <c>in</c> (the customer) or <c>out</c> (the
/// business); <see cref="Type"/> <c>text</c>, <c>buttons</c>, <c>list</c>, <c>product</c>, <c>product_list</c>,
/// <c>reply</c>, <c>order</c> or <c>template</c> (a business-initiated template send: Meta holds the approved
/// text, so the bubble shows the template and what fills it). <see cref="Steps"/> is the decision trace of a
/// customer's message.
/// </summary>
public sealed record ConsoleMessageView(
    string Id,
    string Direction,
    DateTimeOffset At,
    string Type,
    string? Kind = null,
    string? Rule = null,
    string? InReplyTo = null,
    bool Read = false,
    string? Text = null,
    string? Header = null,
    string? Footer = null,
    IReadOnlyList<ConsoleButtonView>? Buttons = null,
    string? ListButton = null,
    IReadOnlyList<ConsoleSectionView>? Sections = null,
    string? CatalogId = null,
    IReadOnlyList<string>? Steps = null,
    ConsoleTemplateView? Template = null);

/// <summary>A template send: Meta's template name and language, the values of its {{1}}, {{2}}…, and its optional parts.</summary>
public sealed record ConsoleTemplateView(string Name, string Language, IReadOnlyList<string> Parameters, string? HeaderImage, string? ButtonUrlSuffix);

public sealed record ConsoleButtonView(string Id, string Title);

/// <summary>A list section (rows) or a product section (products).</summary>
public sealed record ConsoleSectionView(string? Title, IReadOnlyList<ConsoleRowView>? Rows = null, IReadOnlyList<ConsoleProductView>? Products = null);

public sealed record ConsoleRowView(string Id, string Title, string? Description);

/// <summary>A product from the Catalogue table, its price in the business's culture; <see cref="Found"/> false when the row is gone.</summary>
public sealed record ConsoleProductView(
    string Id,
    bool Found,
    string? Title = null,
    string? Description = null,
    string? Price = null,
    decimal? ItemPrice = null,
    string? Currency = null,
    string? ImageUrl = null,
    bool InStock = false,
    int? Quantity = null);

/// <summary>The Contacts row as the Why panel shows it, and the 24-hour customer-service window.</summary>
public sealed record ConsoleContactView(
    bool Known,
    string? Name,
    IReadOnlyList<string> Labels,
    bool OptedOut,
    DateTimeOffset? BotPausedUntil,
    bool Paused,
    DateTimeOffset? LastInbound,
    DateTimeOffset? WindowOpenUntil,
    bool WindowOpen);
