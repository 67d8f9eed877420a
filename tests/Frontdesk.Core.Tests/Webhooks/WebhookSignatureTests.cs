using System.Text;
using Frontdesk.Core.Webhooks;
using Frontdesk.Testing;

namespace Frontdesk.Core.Tests.Webhooks;

public sealed class WebhookSignatureTests
{
    private static readonly AppSecrets s_secret = AppSecrets.Parse(WebhookFixtures.TestSecret);

    // Regenerate: openssl dgst -sha256 -hmac 'test_app_secret_do_not_use' -hex < tests/Fixtures/webhooks/text.json
    private const string TextJsonSignature = "sha256=a35a0a3668a232e098f6ede03ccc587865a4a2e5ea8c7c37515855151565a6bb";

    [Fact]
    public void Verify_ReferenceTestVector_IsValid()
    {
        var body = WebhookFixtures.Read("text.json");

        var outcome = WebhookSignature.Verify(TextJsonSignature, body, s_secret);

        Assert.Equal(946, body.Length);
        Assert.Equal(SignatureCheck.Valid, outcome);
    }

    [Theory]
    [InlineData("{\"body\":\"café\"}", "sha256=1b1905409c1db6f7c2aa1434035cb94d676de9315736680ef7cee56a03c06268")]
    [InlineData("{\"body\":\"caf\\u00e9\"}", "sha256=a6c71120730d3f37b2dc103064762364c1848228bdc287dfcbd5017e529e56ad")]
    public void Verify_NonAsciiAndEscapedUnicodeBodies_AreCheckedOnTheirOwnBytes(string body, string header)
    {
        var bytes = Encoding.UTF8.GetBytes(body);

        Assert.Equal(SignatureCheck.Valid, WebhookSignature.Verify(header, bytes, s_secret));
    }

    [Fact]
    public void Verify_EscapedSignatureOnDecodedBody_IsMismatch()
    {
        // Decoding then re-encoding a body changes its bytes: the signature must then fail.
        var decoded = Encoding.UTF8.GetBytes("{\"body\":\"café\"}");

        var outcome = WebhookSignature.Verify("sha256=a6c71120730d3f37b2dc103064762364c1848228bdc287dfcbd5017e529e56ad", decoded, s_secret);

        Assert.Equal(SignatureCheck.Mismatch, outcome);
    }

    [Fact]
    public void Verify_UppercaseHex_IsValid()
    {
        var body = WebhookFixtures.Read("text.json");

        var outcome = WebhookSignature.Verify("SHA256=" + TextJsonSignature["sha256=".Length..].ToUpperInvariant(), body, s_secret);

        Assert.Equal(SignatureCheck.Valid, outcome);
    }

    [Theory]
    [InlineData(null, SignatureCheck.MissingSignature)]
    [InlineData("", SignatureCheck.MissingSignature)]
    [InlineData("sha256=", SignatureCheck.MalformedSignature)]
    [InlineData("sha256=a35a0a36", SignatureCheck.MalformedSignature)]
    [InlineData("sha1=a35a0a3668a232e098f6ede03ccc587865a4a2e5ea8c7c37515855151565a6bb", SignatureCheck.MalformedSignature)]
    [InlineData("a35a0a3668a232e098f6ede03ccc587865a4a2e5ea8c7c37515855151565a6bb", SignatureCheck.MalformedSignature)]
    [InlineData("sha256=z35a0a3668a232e098f6ede03ccc587865a4a2e5ea8c7c37515855151565a6bb", SignatureCheck.MalformedSignature)]
    [InlineData("sha256=a35a0a3668a232e098f6ede03ccc587865a4a2e5ea8c7c37515855151565a6bb00", SignatureCheck.MalformedSignature)]
    [InlineData("sha256=b35a0a3668a232e098f6ede03ccc587865a4a2e5ea8c7c37515855151565a6bb", SignatureCheck.Mismatch)]
    public void Verify_BadHeaders_AreRefused(string? header, SignatureCheck expected)
    {
        var body = WebhookFixtures.Read("text.json");

        Assert.Equal(expected, WebhookSignature.Verify(header, body, s_secret));
    }

    [Fact]
    public void Verify_BodyChangedByOneByte_IsMismatch()
    {
        var body = WebhookFixtures.Read("text.json");
        body[body.Length / 2] ^= 0x01;

        Assert.Equal(SignatureCheck.Mismatch, WebhookSignature.Verify(TextJsonSignature, body, s_secret));
    }

    [Fact]
    public void Verify_DuringRotation_AcceptsEitherSecret()
    {
        var body = WebhookFixtures.Read("text.json");
        var rotating = AppSecrets.Parse($"new_secret_after_rotation, {WebhookFixtures.TestSecret}");
        var signedWithNew = WebhookSignature.Sign(body, "new_secret_after_rotation");

        Assert.Equal(SignatureCheck.Valid, WebhookSignature.Verify(TextJsonSignature, body, rotating));
        Assert.Equal(SignatureCheck.Valid, WebhookSignature.Verify(signedWithNew, body, rotating));
        Assert.Equal(SignatureCheck.Mismatch, WebhookSignature.Verify(signedWithNew, body, s_secret));
    }

    [Fact]
    public void Verify_NoSecretConfigured_FailsClosed()
    {
        var body = WebhookFixtures.Read("text.json");

        Assert.Equal(SignatureCheck.NoSecretConfigured, WebhookSignature.Verify(TextJsonSignature, body, AppSecrets.Parse(" , ")));
    }

    [Fact]
    public void AppSecrets_ToString_NeverShowsTheSecret()
    {
        Assert.DoesNotContain(WebhookFixtures.TestSecret, s_secret.ToString(), StringComparison.Ordinal);
    }
}
