using Azure.Data.Tables;
using Headshots.Local.Stack;

namespace Headshots.EndToEnd.Tests;

/// <summary>
/// The local studio's storage outlives the process: what a shoot wrote just before the stack stopped (its delivered
/// status and gallery link) is there when the next command starts the emulator again.
/// </summary>
public sealed class AzuriteDurabilityTests : IDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("headshots-azurite-").FullName;
    // Past the blocks the shared fixture may take, so the two never meet.
    readonly LocalPorts ports = LocalPorts.FirstFreeBlock(LocalStudioFixture.PortBase + 40);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task StopAndStart_RowWrittenJustBeforeTheStop_IsStillThere()
    {
        var paths = RepositoryPaths.Find();
        var table = new TableClient(AzuriteConnection.For(ports), "durability");
        await using (var first = await AzuriteServer.EnsureAsync(paths, ports, folder, CancellationToken.None))
        {
            Assert.NotNull(first);
            await table.CreateIfNotExistsAsync();
            await table.UpsertEntityAsync(new TableEntity("shoot", "row") { ["Status"] = "Delivered" });
        }

        await using var second = await AzuriteServer.EnsureAsync(paths, ports, folder, CancellationToken.None);
        var row = await table.GetEntityIfExistsAsync<TableEntity>("shoot", "row");

        Assert.True(row.HasValue, "The row written before the emulator stopped was lost.");
        Assert.Equal("Delivered", row.Value!.GetString("Status"));
    }
}
