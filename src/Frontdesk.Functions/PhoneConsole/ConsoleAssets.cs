using System.Collections.Frozen;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Frontdesk.Functions.PhoneConsole;

/// <summary>
/// The console's page, script and styles, embedded in the app (no CDN, no build step), and the headers that lock
/// them down: a Content-Security-Policy allowing only this app's own script and styles (no inline code at all) and
/// product images over HTTPS, no framing, no referrer (the key may be in the address until the script removes it).
/// </summary>
internal static class ConsoleAssets
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' https: data:; connect-src 'self'; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static readonly FrozenDictionary<string, string> s_files = new[] { "console.html", "console.js", "console.css" }
        .ToFrozenDictionary(name => name, Read, StringComparer.Ordinal);

    /// <summary>The page with its two non-secret settings in data attributes, HTML-encoded.</summary>
    public static ContentResult Page(HttpResponse response, string testNumberPrefix, string phoneNumberId)
    {
        var html = s_files["console.html"]
            .Replace("{{prefix}}", HtmlEncoder.Default.Encode(testNumberPrefix), StringComparison.Ordinal)
            .Replace("{{phoneNumberId}}", HtmlEncoder.Default.Encode(phoneNumberId), StringComparison.Ordinal);
        return File(response, html, "text/html; charset=utf-8");
    }

    public static ContentResult Script(HttpResponse response) => File(response, s_files["console.js"], "text/javascript; charset=utf-8");

    public static ContentResult Styles(HttpResponse response) => File(response, s_files["console.css"], "text/css; charset=utf-8");

    /// <summary>The headers every console response carries, JSON included.</summary>
    public static void Secure(HttpResponse response)
    {
        response.Headers["Content-Security-Policy"] = ContentSecurityPolicy;
        response.Headers["X-Content-Type-Options"] = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers["X-Frame-Options"] = "DENY";
        response.Headers["Cache-Control"] = "no-store";
    }

    private static ContentResult File(HttpResponse response, string content, string contentType)
    {
        Secure(response);
        return new ContentResult { Content = content, ContentType = contentType, StatusCode = StatusCodes.Status200OK };
    }

    private static string Read(string name)
    {
        using var stream = typeof(ConsoleAssets).Assembly.GetManifestResourceStream("Frontdesk.Console." + name)
            ?? throw new InvalidOperationException($"The console asset {name} is not embedded in the app.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
