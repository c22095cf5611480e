namespace Headshots.Jobs.Looks;

/// <summary>A standard portrait aspect ratio and the exact 16 MP size delivered for it.</summary>
public sealed record AspectRatio(string Name, int Width, int Height, int DeliveredWidth, int DeliveredHeight)
{
    public static readonly AspectRatio Square = new("1:1", 1, 1, 4096, 4096);
    public static readonly AspectRatio Portrait4x5 = new("4:5", 4, 5, 3580, 4475);
    public static readonly AspectRatio Portrait3x4 = new("3:4", 3, 4, 3465, 4620);

    public static IReadOnlyList<AspectRatio> All { get; } = [Square, Portrait4x5, Portrait3x4];

    public static AspectRatio? Find(string name) => All.FirstOrDefault(a => a.Name == name);

    public long DeliveredPixels => (long)DeliveredWidth * DeliveredHeight;
}
