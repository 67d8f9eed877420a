using Frontdesk.Core.Broadcasts;

namespace Frontdesk.Core.Tests.Broadcasts;

public sealed class BroadcastCsvTests
{
    [Fact]
    public void Parse_HeaderNamesAndBlankLines_GivesEachLineWithItsNumber()
    {
        var csv = "wa_id,name\n33600000001,Zoé\n\n+33600000002\n\"33600000003\",\"Dupont, Jean\"\n";

        var (entries, problems) = BroadcastCsv.Parse(new StringReader(csv));

        Assert.Empty(problems);
        Assert.Equal(
            [new AudienceEntry("line 2", "33600000001", "Zoé"), new AudienceEntry("line 4", "+33600000002"), new AudienceEntry("line 5", "33600000003", "Dupont, Jean")],
            entries);
    }

    [Fact]
    public void Parse_LineWithThreeFields_IsAProblemNamingItsLine()
    {
        var (entries, problems) = BroadcastCsv.Parse(new StringReader("33600000001,A,extra\n33600000002\n"));

        Assert.Equal("line 1", Assert.Single(problems).Parameter);
        Assert.Equal("33600000002", Assert.Single(entries).WaId);
    }
}
