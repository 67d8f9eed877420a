using System.Text.Json.Serialization;

namespace Frontdesk.Functions.Http;

/// <summary>
/// An RFC 9457 problem details body. <see cref="Parameter"/> is an extension member naming the query parameter or
/// JSON field at fault, so a tool can point at it, and <see cref="Errors"/> lists every problem when there are several; <see cref="Type"/> stays <c>about:blank</c> (left out), so
/// <see cref="Title"/> is the status's reason phrase and <see cref="Detail"/> says what to change.
/// </summary>
public sealed record Problem(
    [property: JsonPropertyOrder(0)] string Title,
    [property: JsonPropertyOrder(1)] int Status,
    [property: JsonPropertyOrder(2)] string Detail,
    [property: JsonPropertyOrder(3)] string? Parameter = null,
    [property: JsonPropertyOrder(4)] string? Instance = null,
    [property: JsonPropertyOrder(5)] IReadOnlyList<ProblemError>? Errors = null);

/// <summary>One of several problems of a request (an extension member of <see cref="Problem"/>): the field or line at fault and what to change.</summary>
public sealed record ProblemError(
    [property: JsonPropertyOrder(0)] string Parameter,
    [property: JsonPropertyOrder(1)] string Detail);
