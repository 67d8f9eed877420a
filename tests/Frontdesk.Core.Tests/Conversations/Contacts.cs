using Frontdesk.Core.Conversations;

namespace Frontdesk.Core.Tests.Conversations;

internal static class Contacts
{
    /// <summary>A contact who last wrote an hour before <paramref name="now"/>.</summary>
    public static ContactState Regular(DateTimeOffset now) =>
        new("Anna", now.AddDays(-30), now.AddHours(-1), now.AddDays(-30), null, [], false, null);
}
