using Azure.Data.Tables;
using Frontdesk.Storage.Catalogue;

namespace Frontdesk.Storage.Tests.Catalogue;

public sealed class PartitionBatchTests
{
    [Fact]
    public void Create_MixedPartitions_Throws()
    {
        TableEntity[] entities = [new("111", "A"), new("222", "B")];

        var error = Assert.Throws<InvalidOperationException>(() => PartitionBatch.Create("111", entities));

        Assert.Contains("222/B", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_MoreThanOneHundred_Throws()
    {
        var entities = Enumerable.Range(0, 101).Select(i => new TableEntity("111", $"R{i}")).ToArray();

        Assert.Throws<ArgumentOutOfRangeException>(() => PartitionBatch.Create("111", entities));
    }

    [Fact]
    public void Split_250Entities_MakesBatchesOf100And100And50()
    {
        var entities = Enumerable.Range(0, 250).Select(i => new TableEntity("111", $"R{i}"));

        Assert.Equal([100, 100, 50], PartitionBatch.Split("111", entities).Select(batch => batch.Entities.Count));
    }
}
