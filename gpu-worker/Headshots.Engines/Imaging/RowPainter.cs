namespace Headshots.Engines.Imaging;

/// <summary>
/// Paints row <c>y</c> of an image as interleaved floats into <c>row</c>. A full-frame backdrop is painted a row at a
/// time straight into its final bytes: a 7 MP frame as one float buffer is 84 MB that would be touched once and
/// thrown away (first touches of fresh memory are most of such a pass's cost).
/// </summary>
public delegate void RowPainter(int y, Span<float> row);
