using Azure.Storage.Queues;
using Headshots.GpuWorker.Processing;
using Headshots.Jobs.Protocol;
using Headshots.Jobs.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Headshots.EndToEnd.Tests;

/// <summary>The worker's side of the job protocol, against the real queues and tables on Azurite.</summary>
[Collection(LocalStudioCollection.Name)]
public sealed class GpuJobProtocolTests(LocalStudioFixture studio) : IAsyncLifetime
{
    ServiceProvider services = null!;
    StorageClients storage = null!;
    QueueClient jobs = null!;
    QueueClient results = null!;

    public async Task InitializeAsync()
    {
        (services, storage, jobs, results) = await WorkerOnAzurite.StartAsync(studio, new Dictionary<string, string?> { ["Worker:MaxDequeueCount"] = "3" });
    }

    public Task DisposeAsync() => services.DisposeAsync().AsTask();

    GpuJobMessage Job(string shootId, string jobId, string kind = GpuJobKinds.Generate) =>
        new(jobId, shootId, "instance-" + shootId, kind, ["uploads/none/photo.jpg"], $"work/{shootId}/candidates/",
            new Dictionary<string, string> { ["look"] = "corporate-grey", ["variant"] = "0" }, 1);

    async Task<GpuJobResult> SingleResultAsync()
    {
        var message = Assert.Single((await results.ReceiveMessagesAsync(10)).Value);
        return JobJson.Deserialize<GpuJobResult>(message.MessageText);
    }

    [Fact]
    public async Task Process_DeliveredMoreThanMaxTimes_EndsAsPoisonFailureForTheOrchestration()
    {
        var shootId = Guid.NewGuid().ToString("N");
        await jobs.SendMessageAsync(JobJson.Serialize(Job(shootId, "generate-corporate-grey-00")));
        // Three deliveries that never finished (a worker that crashed each time).
        for (var i = 0; i < 3; i++)
        {
            var taken = Assert.Single((await jobs.ReceiveMessagesAsync(1, TimeSpan.FromMinutes(1))).Value);
            await jobs.UpdateMessageAsync(taken.MessageId, taken.PopReceipt, visibilityTimeout: TimeSpan.Zero);
        }
        var fourth = Assert.Single((await jobs.ReceiveMessagesAsync(1, TimeSpan.FromSeconds(30))).Value);

        await services.GetRequiredService<GpuJobProcessor>().ProcessAsync(fourth, CancellationToken.None);

        var result = await SingleResultAsync();
        Assert.False(result.Succeeded);
        Assert.Equal("poison", result.ErrorCode);
        Assert.Contains("delivered 4 times", result.Error);
        Assert.Equal("instance-" + shootId, result.InstanceId);
        var row = storage.Table(StorageNames.JobsTable).GetEntity<JobEntity>(shootId, "generate-corporate-grey-00").Value;
        Assert.Equal(JobStatus.Failed, row.Status);
        Assert.Empty((await jobs.PeekMessagesAsync(10)).Value);
    }

    [Fact]
    public async Task Process_JobAlreadyDone_OnlySendsItsResultAgain()
    {
        var shootId = Guid.NewGuid().ToString("N");
        var done = GpuJobResult.Success("identity", "instance-" + shootId,
            new IdentityResult($"work/{shootId}/identity/profile.json", [$"work/{shootId}/photos/a.jpg"], 0, null), "magick", 1.5);
        await storage.Table(StorageNames.JobsTable).AddEntityAsync(new JobEntity
        {
            PartitionKey = shootId, RowKey = "identity", Kind = GpuJobKinds.Identity, Status = JobStatus.Succeeded,
            Executions = 1, ResultJson = JobJson.Serialize(done),
        });
        await jobs.SendMessageAsync(JobJson.Serialize(Job(shootId, "identity", GpuJobKinds.Identity)));
        var message = Assert.Single((await jobs.ReceiveMessagesAsync(1)).Value);

        await services.GetRequiredService<GpuJobProcessor>().ProcessAsync(message, CancellationToken.None);

        var result = await SingleResultAsync();
        Assert.True(result.Succeeded);
        Assert.Equal(done.Outputs, result.Outputs);
        Assert.Equal(done.ValuesAs<IdentityResult>()!.Ranked, result.ReadableAs(GpuJobKinds.Identity).ValuesAs<IdentityResult>()!.Ranked);
        Assert.Equal(1, storage.Table(StorageNames.JobsTable).GetEntity<JobEntity>(shootId, "identity").Value.Executions);
    }

    [Fact]
    public async Task Process_JobDoneByAWorkerBeforeTypedResults_RunsItAgainInsteadOfResendingAResultTheStudioCannotRead()
    {
        var shootId = Guid.NewGuid().ToString("N");
        // The string-dictionary result the worker before typed results stored for this job.
        const string oldResult = """{"jobId":"generate-corporate-grey-00","instanceId":"i","succeeded":true,"outputs":["work/x/candidates/corporate-grey-00.jpg"],"data":{"look":"corporate-grey","aspect":"4:5"},"engine":"ReframeComposer","seconds":1.2}""";
        await storage.Table(StorageNames.JobsTable).AddEntityAsync(new JobEntity
        {
            PartitionKey = shootId, RowKey = "generate-corporate-grey-00", Kind = GpuJobKinds.Generate, Status = JobStatus.Succeeded,
            Executions = 1, ResultJson = oldResult,
        });
        await jobs.SendMessageAsync(JobJson.Serialize(Job(shootId, "generate-corporate-grey-00")));
        var message = Assert.Single((await jobs.ReceiveMessagesAsync(1)).Value);

        await services.GetRequiredService<GpuJobProcessor>().ProcessAsync(message, CancellationToken.None);

        // Run again: its input is gone, so this run fails naming it, in the current protocol.
        var result = await SingleResultAsync();
        Assert.Equal(GpuJobResult.CurrentVersion, result.Version);
        Assert.Equal("failed", result.ErrorCode);
        Assert.Contains("uploads/none/photo.jpg", result.Error);
        Assert.Equal(2, storage.Table(StorageNames.JobsTable).GetEntity<JobEntity>(shootId, "generate-corporate-grey-00").Value.Executions);
    }

    [Fact]
    public async Task Process_MissingInput_FailsAtOnceNamingTheBlob()
    {
        var shootId = Guid.NewGuid().ToString("N");
        await jobs.SendMessageAsync(JobJson.Serialize(Job(shootId, "generate-corporate-grey-00")));
        var message = Assert.Single((await jobs.ReceiveMessagesAsync(1)).Value);

        await services.GetRequiredService<GpuJobProcessor>().ProcessAsync(message, CancellationToken.None);

        var result = await SingleResultAsync();
        Assert.Equal("failed", result.ErrorCode);
        Assert.Contains("uploads/none/photo.jpg", result.Error);
    }

    [Fact]
    public async Task Process_MalformedMessage_TellsTheOrchestrationAndKeepsTheMessageForInspection()
    {
        await jobs.SendMessageAsync("""{"jobId":"j1","instanceId":"i1","kind":"teleport"}""");
        var message = Assert.Single((await jobs.ReceiveMessagesAsync(1)).Value);

        await services.GetRequiredService<GpuJobProcessor>().ProcessAsync(message, CancellationToken.None);

        var result = await SingleResultAsync();
        Assert.Equal("bad-message", result.ErrorCode);
        Assert.Equal("i1", result.InstanceId);
        var poison = storage.Queue(StorageNames.GpuJobsQueue + "-poison");
        Assert.Contains((await poison.ReceiveMessagesAsync(32)).Value, m => m.MessageText.Contains("teleport", StringComparison.Ordinal));
        Assert.Empty((await jobs.PeekMessagesAsync(10)).Value);
    }
}
