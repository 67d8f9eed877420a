namespace Frontdesk.Infra.Tests;

/// <summary>infra/ must lint and build without a single warning line (the CLI exits 0 on warnings).</summary>
public sealed class BicepDiagnosticsTests(CompiledInfra infra)
{
    [Fact]
    public void Lint_MainTemplate_PrintsNoWarningOrError()
    {
        Assert.Empty(infra.Lint.Problems);
        Assert.Equal(0, infra.Lint.ExitCode);
    }

    [Fact]
    public void Build_MainTemplate_PrintsNoWarningOrError()
    {
        Assert.Empty(infra.Build.Problems);
        Assert.Equal(0, infra.Build.ExitCode);
    }

    [Fact]
    public void Problems_WarningAndErrorLines_AreCaught()
    {
        var run = new BicepRun(
            0,
            "",
            "/x/main.bicep(1,1) : Warning BCP037: The property \"x\" is not allowed.\n" +
            "/x/main.bicep(2,1) : Error BCP045: Cannot apply operator.\n" +
            "/x/main.bicep(3,1) : Info use-recent-api-versions: Use more recent API version.\n");

        Assert.Equal(2, run.Problems.Count);
    }
}
