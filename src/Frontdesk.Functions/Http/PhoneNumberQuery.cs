using System.Diagnostics.CodeAnalysis;
using Frontdesk.Core.Identifiers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Frontdesk.Functions.Http;

/// <summary>
/// The <c>?phoneNumberId=</c> of an operator endpoint that acts on one business number (its rows and
/// <c>default</c>'s), and the 400 that says what to give when it is missing or not a phone_number_id.
/// </summary>
public static class PhoneNumberQuery
{
    /// <param name="whose">Completes "the number whose …", e.g. <c>components to publish</c>.</param>
    /// <param name="perNumber">What happens per number, e.g. <c>components are published</c>.</param>
    public static bool TryRead(
        HttpRequest request,
        string whose,
        string perNumber,
        [NotNullWhen(true)] out string? phoneNumberId,
        [NotNullWhen(false)] out IActionResult? problem)
    {
        ArgumentNullException.ThrowIfNull(request);
        var text = request.Query["phoneNumberId"].ToString().Trim();
        if (PhoneNumberId.TryParse(text, out var number))
        {
            (phoneNumberId, problem) = (number.Value, null);
            return true;
        }

        phoneNumberId = null;
        problem = Problems.BadRequest(text.Length == 0
            ? $"Add ?phoneNumberId=<the WhatsApp phone_number_id> of the number whose {whose}."
            : $"phoneNumberId must be {PhoneNumberId.Format}; {perNumber} per number (rows under 'default' apply to every number).",
            "phoneNumberId");
        return false;
    }
}
