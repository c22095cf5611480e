using Headshots.Engines.Imaging;
using ImageMagick;
using Microsoft.ML.OnnxRuntime;

namespace Headshots.Engines.Upscaling;

/// <summary>
/// Enlarges an image four times with ESRGAN-slim x4 (the TF.js model converted to ONNX: NHWC float 0–255 in and out),
/// one tile at a time, so memory stays bounded whatever the image size: one tile's input and output, the model's
/// working memory for one tile, and a float accumulator for the whole result that the tiles are cross-faded into.
/// Not thread-safe per instance; the session may be shared.
/// </summary>
public sealed class EsrganUpscaler : IDisposable
{
    public const int Scale = 4;

    private readonly InferenceSession session;
    private readonly bool ownsSession;
    private readonly string inputName;
    private readonly string outputName;
    private readonly TileWorkspace workspace = new();

    /// <param name="session">The converted model; the caller keeps ownership. <see cref="CreateSessionOptions"/> gives the intended settings.</param>
    public EsrganUpscaler(InferenceSession session, EsrganTiling? tiling = null)
        : this(session, tiling, ownsSession: false)
    {
    }

    /// <param name="modelPath">The converted model file, for example <c>.cache/models/esrgan-slim-x4.onnx</c>.</param>
    public EsrganUpscaler(string modelPath, EsrganTiling? tiling = null)
        : this(OpenSession(modelPath), tiling, ownsSession: true)
    {
    }

    private EsrganUpscaler(InferenceSession session, EsrganTiling? tiling, bool ownsSession)
    {
        ArgumentNullException.ThrowIfNull(session);
        Tiling = tiling ?? EsrganTiling.Default;
        Tiling.Validate();
        this.session = session;
        this.ownsSession = ownsSession;
        if (session.InputMetadata.Count != 1 || session.OutputMetadata.Count != 1
            || session.InputMetadata.Values.First().Dimensions is not [_, _, _, 3])
        {
            throw new ArgumentException("The session is not an image-to-image model with one NHWC RGB input and one output.", nameof(session));
        }

        inputName = session.InputMetadata.Keys.First();
        outputName = session.OutputMetadata.Keys.First();
        MagickResourceGuard.EnsureApplied();
    }

    public EsrganTiling Tiling { get; }

    /// <summary>
    /// Every core for the one model run at a time (the default is also the core count, but stated here because the
    /// speed target depends on it), and every graph optimisation: constant folding and the Conv+Relu fusions matter.
    /// </summary>
    public static SessionOptions CreateSessionOptions()
    {
        var options = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            IntraOpNumThreads = Environment.ProcessorCount,
        };
        return options;
    }

    /// <summary>Four times the width and height of <paramref name="image"/>.</summary>
    public RgbImage Upscale4x(RgbImage image, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        var columns = TileAxis.Plan(image.Width, Tiling.TileSize, Tiling.Overlap);
        var rows = TileAxis.Plan(image.Height, Tiling.TileSize, Tiling.Overlap);
        var columnWeights = TileAxis.Weights(columns, Scale);
        var rowWeights = TileAxis.Weights(rows, Scale);
        var (tileWidth, tileHeight) = (columns[0].Length, rows[0].Length);
        var output = workspace.Accumulator(image.Width * Scale, image.Height * Scale);
        var (input, result) = workspace.Tile(tileWidth, tileHeight, Scale);

        using var inputValue = OrtValue.CreateTensorValueFromMemory(input, [1, tileHeight, tileWidth, 3]);
        using var resultValue = OrtValue.CreateTensorValueFromMemory(result, [1, tileHeight * Scale, tileWidth * Scale, 3]);
        using var runOptions = new RunOptions();
        using var cancel = cancellationToken.Register(() => runOptions.Terminate = true);
        for (var r = 0; r < rows.Count; r++)
        {
            for (var c = 0; c < columns.Count; c++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                CopyTile(image, columns[c], rows[r], input);
                try
                {
                    session.Run(runOptions, [inputName], [inputValue], [outputName], [resultValue]);
                }
                catch (OnnxRuntimeException) when (cancellationToken.IsCancellationRequested)
                {
                    throw new OperationCanceledException(cancellationToken);
                }

                output.Add(result, columns[c].Start * Scale, rows[r].Start * Scale, columnWeights[c], rowWeights[r]);
            }
        }

        return new RgbImage(image.Width * Scale, image.Height * Scale, output.ToBytes());
    }

    /// <summary>
    /// Upscales four times, then resizes to exactly <paramref name="width"/> × <paramref name="height"/> with Lanczos
    /// (skipped when four times is already that size). The caller owns the returned image.
    /// </summary>
    public MagickImage Upscale(MagickImage image, uint width, uint height, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentOutOfRangeException.ThrowIfZero(width);
        ArgumentOutOfRangeException.ThrowIfZero(height);
        var enlarged = Upscale4x(ToRgb(image), cancellationToken);
        var result = new MagickImage();
        try
        {
            result.ReadPixels(enlarged.Pixels, new PixelReadSettings((uint)enlarged.Width, (uint)enlarged.Height, StorageType.Char, PixelMapping.RGB));
            result.ColorSpace = ColorSpace.sRGB;
            if (result.Width != width || result.Height != height)
            {
                cancellationToken.ThrowIfCancellationRequested();
                result.FilterType = FilterType.Lanczos;
                result.Resize(new MagickGeometry(width, height) { IgnoreAspectRatio = true });
            }

            return result;
        }
        catch
        {
            result.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        if (ownsSession) session.Dispose();
    }

    private static InferenceSession OpenSession(string modelPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelPath);
        if (!File.Exists(modelPath))
        {
            throw new FileNotFoundException($"The ESRGAN model {modelPath} does not exist; run ./headshots models fetch.", modelPath);
        }

        using var options = CreateSessionOptions();
        return new InferenceSession(modelPath, options);
    }

    private static RgbImage ToRgb(MagickImage image)
    {
        if (image.ColorSpace is ColorSpace.sRGB or ColorSpace.RGB)
        {
            return RgbImage.FromMagick(image);
        }

        using var srgb = (MagickImage)image.Clone();
        srgb.ColorSpace = ColorSpace.sRGB;
        return RgbImage.FromMagick(srgb);
    }

    private static void CopyTile(RgbImage image, TileSpan columns, TileSpan rows, float[] tile)
    {
        var source = image.Pixels;
        for (var y = 0; y < rows.Length; y++)
        {
            var from = source.AsSpan((((rows.Start + y) * image.Width) + columns.Start) * 3, columns.Length * 3);
            var to = tile.AsSpan(y * columns.Length * 3, columns.Length * 3);
            for (var i = 0; i < from.Length; i++) to[i] = from[i];
        }
    }
}
