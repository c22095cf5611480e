using System.Diagnostics;

namespace Headshots.Models.Preparation;

/// <summary>
/// An exclusive lock file, so two preparations (a test run and a demo, say) never write the same model at once.
/// The operating system releases it if the holder dies.
/// </summary>
public sealed class FolderLock : IDisposable
{
    private readonly FileStream stream;

    private FolderLock(FileStream stream)
    {
        this.stream = stream;
    }

    public static async Task<FolderLock> AcquireAsync(string path, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FolderLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (waited.Elapsed < TimeSpan.FromMinutes(10))
            {
                // Another process holds it; there is no notification for a file lock, so look again shortly.
                await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
            }
        }
    }

    public void Dispose() => stream.Dispose();
}
