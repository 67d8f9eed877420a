namespace Frontdesk.Functions.Admin;

/// <summary>A 400 body that says how to fix the request.</summary>
public sealed record AdminError(string Error);
