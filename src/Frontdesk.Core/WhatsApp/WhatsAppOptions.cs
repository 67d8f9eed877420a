using System.ComponentModel.DataAnnotations;

namespace Frontdesk.Core.WhatsApp;

/// <summary>The settings under <c>WhatsApp__*</c>.</summary>
public sealed class WhatsAppOptions
{
    public const string SectionName = "WhatsApp";

    /// <summary>The Meta app's secret; several may be given, comma-separated, while one is rotated.</summary>
    [Required(ErrorMessage = "The setting WhatsApp__AppSecret is missing: set it to the App Secret from the Meta App Dashboard (Basic settings).")]
    public string AppSecret { get; set; } = "";

    /// <summary>The token typed into the App Dashboard's "Verify token" field.</summary>
    [Required(ErrorMessage = "The setting WhatsApp__VerifyToken is missing: set it to the verify token you enter in the Meta App Dashboard.")]
    public string VerifyToken { get; set; } = "";

    /// <summary>The system-user access token for the Graph API; empty locally means "print, do not send".</summary>
    public string AccessToken { get; set; } = "";

    public Uri GraphBaseUrl { get; set; } = new("https://graph.facebook.com");

    public string ApiVersion { get; set; } = "v25.0";
}
