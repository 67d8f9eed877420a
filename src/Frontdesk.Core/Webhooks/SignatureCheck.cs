namespace Frontdesk.Core.Webhooks;

/// <summary>The outcome of checking <c>X-Hub-Signature-256</c>; only <see cref="Valid"/> lets a body in.</summary>
public enum SignatureCheck
{
    Valid,
    MissingSignature,
    MalformedSignature,
    Mismatch,
    NoSecretConfigured,
}
