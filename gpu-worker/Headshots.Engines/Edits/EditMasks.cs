using System.Numerics;
using Headshots.Engines.Faces;
using Headshots.Engines.Imaging;
using Headshots.Engines.Looks;
using Headshots.Engines.Segmentation;
using ImageMagick;

namespace Headshots.Engines.Edits;

/// <summary>What a generative edit may change.</summary>
public enum EditMaskRegion
{
    /// <summary>The hair: the person's head around and above the face oval, with a margin for fuller hair, never the face.</summary>
    Hair,
    /// <summary>The mouth and the eyes with their brows, dilated so the cheeks and lids can follow the expression.</summary>
    Expression,
    /// <summary>The clothing: the person below the neck, never the face, the neck or the hair beside the face.</summary>
    Clothing,
    /// <summary>
    /// The background: everything outside the person, kept clear of the person's soft edge and of the face by a margin
    /// that grows only outward, into the background.
    /// </summary>
    Background,
}

/// <summary>A hard edit mask at an image's size: 255 where the model may change pixels, 0 where it must not.</summary>
public sealed record EditMask(int Width, int Height, byte[] Editable)
{
    /// <summary>The share of the image the model may change.</summary>
    public double Coverage => Editable.Count(v => v != 0) / (double)Editable.Length;

    public bool IsEditable(int x, int y) => Editable[(y * Width) + x] != 0;

    /// <summary>
    /// The mask as the image edit operation takes it: an RGBA PNG of the image's size, fully transparent where the
    /// model may edit and opaque black elsewhere (the OpenAI convention: transparency marks the area to change).
    /// </summary>
    public byte[] ToPng()
    {
        var rgba = new byte[Width * Height * 4];
        for (var i = 0; i < Editable.Length; i++)
        {
            rgba[(i * 4) + 3] = Editable[i] != 0 ? (byte)0 : (byte)255;
        }

        using var image = new MagickImage();
        image.ReadPixels(rgba, new PixelReadSettings((uint)Width, (uint)Height, StorageType.Char, PixelMapping.RGBA));
        image.Format = MagickFormat.Png32;
        return image.ToByteArray();
    }
}

/// <summary>
/// Builds the masks for the cloud editing engine from the face mesh and the person mask, at the image's own size.
/// The shapes are proportional to the face, so they hold for any resolution and framing of a headshot.
/// </summary>
public sealed class EditMaskBuilder(FaceAnalyser faces, IPersonSegmenter segmenter)
{
    /// <summary>Analyses the image (face mesh, person mask) and builds the region's mask.</summary>
    /// <exception cref="InvalidOperationException">No face was found: there is nothing to place the mask by.</exception>
    public EditMask Build(RgbImage image, EditMaskRegion region)
    {
        // The face is found on a copy at the analysis edge and its mesh scaled back: a fixed cost on a 16 MP base.
        var landmarks = MainFace.Locate(faces, image) ?? throw new InvalidOperationException("No face was found in the image to edit.");
        return Build(landmarks, segmenter.Segment(image), region);
    }

    /// <summary>The mask from an analysis already made (landmarks in the person mask's pixel coordinates).</summary>
    public static EditMask Build(FaceLandmarks landmarks, PersonMask person, EditMaskRegion region) => region switch
    {
        EditMaskRegion.Hair => Hair(landmarks, person),
        EditMaskRegion.Expression => Expression(landmarks, person.Width, person.Height),
        EditMaskRegion.Clothing => Clothing(landmarks, person),
        EditMaskRegion.Background => Background(landmarks, person),
        _ => throw new ArgumentOutOfRangeException(nameof(region), region, null),
    };

    static EditMask Hair(FaceLandmarks landmarks, PersonMask person)
    {
        var (w, h) = (person.Width, person.Height);
        var geometry = FaceGeometry.Of(landmarks);
        // A new hairstyle may be fuller than the current one: the person's silhouette grows by a margin into the
        // background around the head (the model paints hair or background there).
        var margin = Math.Max(1, (int)(geometry.Width * 0.18f));
        var around = EditMaskMorphology.Dilate(Threshold(person.Alpha), w, h, margin);
        var oval = Region(landmarks, w, h, FaceRegions.FaceOval);
        // The head zone: an ellipse around the face, shifted up to take the crown, and down the sides to the chin
        // for longer hair; nothing below the chin, where the clothes begin.
        var centre = geometry.Centre with { Y = geometry.Centre.Y - (geometry.Height * 0.2f) };
        var (ax, ay) = (geometry.Width * 1.05f, geometry.Height * 1.05f);
        var chinLine = geometry.Chin.Y + (geometry.Height * 0.1f);
        var mask = new byte[w * h];
        for (var y = 0; y < Math.Min(h, (int)chinLine); y++)
        {
            for (var x = 0; x < w; x++)
            {
                var i = (y * w) + x;
                if (around[i] == 0 || oval[i] != 0) continue;
                var dx = (x + 0.5f - centre.X) / ax;
                var dy = (y + 0.5f - centre.Y) / ay;
                var beside = y > centre.Y && MathF.Abs(x + 0.5f - geometry.Centre.X) < geometry.Width * 0.95f;
                // Under the jaw is the neck, not hair: long hair may fall beside it, never across it.
                var neck = y + 0.5f > geometry.Chin.Y - (geometry.Height * 0.15f) && MathF.Abs(x + 0.5f - geometry.Chin.X) < geometry.Width * 0.4f;
                if (((dx * dx) + (dy * dy) <= 1 || beside) && !neck) mask[i] = 255;
            }
        }

        return new EditMask(w, h, mask);
    }

    static EditMask Expression(FaceLandmarks landmarks, int w, int h)
    {
        var geometry = FaceGeometry.Of(landmarks);
        // The mouth region grows most: a smile moves the cheeks and the chin; the eyes need only their lids and brows.
        var mouth = EditMaskMorphology.Dilate(Region(landmarks, w, h, FaceRegions.LipsOuter), w, h, Math.Max(1, (int)(geometry.Width * 0.1f)));
        var eyes = EditMaskMorphology.Dilate(
            Region(landmarks, w, h, FaceRegions.RightEye, FaceRegions.LeftEye, FaceRegions.RightBrow, FaceRegions.LeftBrow),
            w, h, Math.Max(1, (int)(geometry.Width * 0.05f)));
        var oval = Region(landmarks, w, h, FaceRegions.FaceOval);
        var mask = new byte[w * h];
        for (var i = 0; i < mask.Length; i++)
        {
            // Only inside the face: the expression never reaches the hair or the background.
            if ((mouth[i] != 0 || eyes[i] != 0) && oval[i] != 0) mask[i] = 255;
        }

        return new EditMask(w, h, mask);
    }

    static EditMask Clothing(FaceLandmarks landmarks, PersonMask person)
    {
        var (w, h) = (person.Width, person.Height);
        var geometry = FaceGeometry.Of(landmarks);
        var face = EditMaskMorphology.Dilate(Region(landmarks, w, h, FaceRegions.FaceOval), w, h, Math.Max(1, (int)(geometry.Width * 0.08f)));
        var body = Threshold(person.Alpha);
        // The neck is a column under the chin about half the face wide; the collar starts below it. Beside the
        // neck, the shoulders start a little higher.
        var collar = geometry.Chin.Y + (geometry.Height * 0.3f);
        var shoulders = geometry.Chin.Y + (geometry.Height * 0.1f);
        var neckHalfWidth = geometry.Width * 0.4f;
        var mask = new byte[w * h];
        for (var y = Math.Max(0, (int)shoulders); y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                var i = (y * w) + x;
                if (body[i] == 0 || face[i] != 0) continue;
                var inNeck = MathF.Abs(x + 0.5f - geometry.Chin.X) < neckHalfWidth;
                if (!inNeck || y + 0.5f >= collar) mask[i] = 255;
            }
        }

        return new EditMask(w, h, mask);
    }

    static EditMask Background(FaceLandmarks landmarks, PersonMask person)
    {
        var (w, h) = (person.Width, person.Height);
        var geometry = FaceGeometry.Of(landmarks);
        // The person is kept down to the faint edge of the mask (loose hair, a soft shoulder): a new setting is painted
        // around them, never over them. The face is kept even where the segmenter missed part of it.
        var kept = Region(landmarks, w, h, FaceRegions.FaceOval);
        for (var i = 0; i < kept.Length; i++)
        {
            if (person.Alpha[i] >= SoftEdge) kept[i] = 255;
        }
        // The margin grows the kept area outward only: the merge blends the model's pixels in a little past the mask's
        // edge, and with this margin that blend falls on background, never on the person.
        var margin = Math.Max(EditMaskCanvas.MergeReachFor(w, h) + 1, (int)(geometry.Width * 0.02f));
        kept = EditMaskMorphology.Dilate(kept, w, h, margin);
        var mask = new byte[w * h];
        for (var i = 0; i < mask.Length; i++) mask[i] = kept[i] == 0 ? (byte)255 : (byte)0;
        return new EditMask(w, h, mask);
    }

    /// <summary>The person mask's value from which a pixel counts as the person's soft edge, not background (of 255).</summary>
    const byte SoftEdge = 32;

    static byte[] Region(FaceLandmarks landmarks, int w, int h, params int[][] contours)
    {
        var mask = new byte[w * h];
        foreach (var contour in contours) PolygonRaster.Fill(mask, w, h, landmarks.Contour(contour), 255);
        return mask;
    }

    static byte[] Threshold(byte[] alpha)
    {
        var mask = new byte[alpha.Length];
        for (var i = 0; i < alpha.Length; i++) mask[i] = alpha[i] >= 128 ? (byte)255 : (byte)0;
        return mask;
    }

    readonly record struct FaceGeometry(Vector2 Centre, float Width, float Height, Vector2 Chin)
    {
        public static FaceGeometry Of(FaceLandmarks landmarks)
        {
            var oval = landmarks.Contour(FaceRegions.FaceOval);
            var (left, right) = (oval.Min(p => p.X), oval.Max(p => p.X));
            var (top, bottom) = (oval.Min(p => p.Y), oval.Max(p => p.Y));
            return new FaceGeometry(new Vector2((left + right) / 2, (top + bottom) / 2), right - left, bottom - top, landmarks[FaceRegions.Chin]);
        }
    }
}

/// <summary>Square dilation by separable running maxima: cost independent of shape, enough for masks with margins.</summary>
public static class EditMaskMorphology
{
    public static byte[] Dilate(byte[] mask, int width, int height, int radius)
    {
        if (radius <= 0) return (byte[])mask.Clone();
        var rows = new byte[mask.Length];
        for (var y = 0; y < height; y++) Pass(mask, rows, y * width, 1, width, radius);
        var result = new byte[mask.Length];
        for (var x = 0; x < width; x++) Pass(rows, result, x, width, height, radius);
        return result;
    }

    /// <summary>One line: out[i] = max of in[i − r … i + r], by counting set pixels in a sliding window.</summary>
    static void Pass(byte[] source, byte[] target, int start, int stride, int length, int radius)
    {
        var count = 0;
        for (var i = 0; i < Math.Min(radius, length); i++) if (source[start + (i * stride)] != 0) count++;
        for (var i = 0; i < length; i++)
        {
            var add = i + radius;
            if (add < length && source[start + (add * stride)] != 0) count++;
            var drop = i - radius - 1;
            if (drop >= 0 && source[start + (drop * stride)] != 0) count--;
            target[start + (i * stride)] = count > 0 ? (byte)255 : (byte)0;
        }
    }
}
