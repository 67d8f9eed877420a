using System.Globalization;
using System.Text;

namespace Frontdesk.Storage;

/// <summary>
/// Makes any string a valid PartitionKey/RowKey: '/', '\', '#', '?' and control characters are forbidden, and '%'
/// trips some URL handling, so those (and the escape character '~') become <c>~XX</c>. Readable in the portal, and
/// reversible, so two different keys never share a row.
/// </summary>
internal static class TableKey
{
    public static string Encode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!value.Any(NeedsEscape))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            if (NeedsEscape(c))
            {
                builder.Append('~').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static bool NeedsEscape(char c) =>
        c is '/' or '\\' or '#' or '?' or '%' or '~' || char.IsControl(c);
}
