using System.Text.Json;
using Frontdesk.Core.Outreach;

namespace Frontdesk.Functions.Admin;

/// <summary>
/// The answer of <c>POST /api/manage/templates/sync</c>: whether Meta's templates were read (and Meta's status and
/// answer when it refused), each Templates row compared with them, and the Templates problems that left rows out.
/// </summary>
public sealed record TemplatesSyncResponse(
    string PhoneNumberId,
    string WabaId,
    bool Read,
    int? MetaStatus,
    JsonElement? MetaAnswer,
    string? Reason,
    int MetaTemplates,
    int Ok,
    int ToFix,
    IReadOnlyList<TemplateCheck> Templates,
    IReadOnlyList<ProblemResponse> Problems);
