namespace Frontdesk.Core.Conversations;

/// <summary>A contact as read, with the version (the table ETag) a save must match.</summary>
public sealed record StoredContact(ContactState State, string Version);
