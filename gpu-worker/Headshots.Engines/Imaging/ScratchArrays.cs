using System.Buffers;

namespace Headshots.Engines.Imaging;

/// <summary>
/// Pools for the large arrays a render needs only for the length of one pass (a blur's scratch plane, a resize's
/// intermediate rows). Memory the process has not touched yet costs more to fault in than such a pass itself (on
/// the 2-core development machine, about 3 ms per MB), so these are kept and handed out again. Bounded, unlike the
/// shared pool: at most four arrays of each size class are kept, enough for two jobs at once, so a worker's memory
/// stays what its busiest moment needed.
/// </summary>
internal static class ScratchArrays
{
    const int KeptPerSize = 4;

    public static ArrayPool<float> Floats { get; } = ArrayPool<float>.Create(1 << 30, KeptPerSize);

    public static ArrayPool<byte> Bytes { get; } = ArrayPool<byte>.Create(1 << 30, KeptPerSize);
}
