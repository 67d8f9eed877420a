namespace Frontdesk.Core.WhatsApp.Graph;

/// <summary>Meta's error envelope: <c>{"error":{"code":…,"message":…,"error_data":{"details":…},"fbtrace_id":…}}</c>.</summary>
internal sealed record GraphErrorResponse(GraphErrorBody? Error);
