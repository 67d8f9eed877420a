using Frontdesk.Testing;

[assembly: AssemblyFixture(typeof(AzuriteFixture))]
