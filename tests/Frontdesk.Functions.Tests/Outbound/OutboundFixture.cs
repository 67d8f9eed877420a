using Frontdesk.Testing;

namespace Frontdesk.Functions.Tests.Outbound;

/// <summary>A real Azurite and a real fake Graph API for the sender function's end-to-end tests.</summary>
public sealed class OutboundFixture : IAsyncLifetime
{
    public AzuriteServer Azurite { get; private set; } = null!;

    public FakeGraphServer Graph { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Azurite = await AzuriteServer.StartAsync();
        Graph = await FakeGraphServer.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Graph is not null)
        {
            await Graph.DisposeAsync();
        }

        if (Azurite is not null)
        {
            await Azurite.DisposeAsync();
        }
    }
}
