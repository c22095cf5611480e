namespace Headshots.Jobs.Storage;

/// <summary>The fixed names of every container, queue and table (the Bicep creates the same ones).</summary>
public static class StorageNames
{
    public const string UploadsContainer = "uploads";
    public const string WorkContainer = "work";
    public const string GalleryContainer = "gallery";
    public const string ModelsContainer = "models";

    public const string GpuJobsQueue = "gpu-jobs";
    public const string GpuResultsQueue = "gpu-results";

    public const string ShootsTable = "shoots";
    public const string PhotosTable = "photos";
    public const string JobsTable = "jobs";
    public const string GalleriesTable = "galleries";
    public const string RefinesTable = "refines";
    /// <summary>What each shoot cost in paid model calls (the cloud editing engine).</summary>
    public const string CostsTable = "costs";

    public static IReadOnlyList<string> Containers { get; } = [UploadsContainer, WorkContainer, GalleryContainer, ModelsContainer];
    public static IReadOnlyList<string> Queues { get; } = [GpuJobsQueue, GpuResultsQueue];
    public static IReadOnlyList<string> Tables { get; } = [ShootsTable, PhotosTable, JobsTable, GalleriesTable, RefinesTable, CostsTable];
}
