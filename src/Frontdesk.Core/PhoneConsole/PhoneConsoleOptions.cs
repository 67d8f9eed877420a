using System.ComponentModel.DataAnnotations;

namespace Frontdesk.Core.PhoneConsole;

/// <summary>
/// The phone console (<c>GET /api/manage/console</c>): settings <c>Console__TestNumberPrefix</c> and
/// <c>Console__PhoneNumberId</c>.
/// </summary>
public sealed class PhoneConsoleOptions
{
    public const string SectionName = "Console";

    /// <summary>
    /// Customers whose wa_id starts with these digits are test contacts: the console may speak for them, and replies
    /// to them are stored in <c>ConsoleOutbox</c> instead of going to Meta. <c>999</c> is no country calling code.
    /// </summary>
    [Required]
    [RegularExpression("^[0-9]{1,10}$", ErrorMessage = "Console__TestNumberPrefix must be 1 to 10 digits, such as 999.")]
    public string TestNumberPrefix { get; set; } = "999";

    /// <summary>The business number (phone_number_id) the console writes to, unless the page names another.</summary>
    [Required]
    public string PhoneNumberId { get; set; } = "200000000000001";
}
