namespace Frontdesk.Testing;

/// <summary>
/// A message the fake Graph API accepted, so the customer receives it: answered with a wamid, or accepted and then
/// its connection dropped (<see cref="AnswerDropped"/>: Meta delivered it though the caller never heard).
/// </summary>
/// <param name="To">The recipient as sent, without a leading <c>+</c>.</param>
/// <param name="At">When it was accepted, by the server's clock (rates are measured from these).</param>
/// <param name="CallbackData">The send's <c>biz_opaque_callback_data</c>, if any.</param>
public sealed record AcceptedGraphMessage(
    RecordedGraphRequest Request,
    string PhoneNumberId,
    string To,
    string WamId,
    DateTimeOffset At,
    string? CallbackData,
    bool AnswerDropped);
