using Headshots.Engines.Imaging;
using Headshots.Engines.Tests.Support;
using Headshots.Jobs.Looks;
using ImageMagick;

namespace Headshots.Engines.Tests.Imaging;

/// <summary>The slow ones (16 MP each): one upscale per aspect ratio and nothing else.</summary>
public sealed class LanczosUpscalerTests
{
    public static TheoryData<string> Aspects => [.. AspectRatio.All.Select(a => a.Name)];

    [Theory]
    [MemberData(nameof(Aspects))]
    public void Upscale_Candidate_DeliversExactSizeCleanSrgbJpegsAndSmallerCopies(string aspectName)
    {
        var aspect = AspectRatio.Find(aspectName)!;
        // A candidate a pixel off the composer's size (as another engine may make it), carrying location data.
        var (width, height) = ClassicalHeadshotComposer.OutputSize(aspect);
        width -= 1;
        var candidate = TestPhotos.Encode(SamplePhotos.GraceHopper, MagickFormat.Jpeg, image =>
        {
            image.Resize(new MagickGeometry((uint)width, (uint)height) { IgnoreAspectRatio = true });
            var exif = new ExifProfile();
            exif.SetValue(ExifTag.GPSLatitude, [new Rational(52, 1), new Rational(22, 1), new Rational(1234, 100)]);
            exif.SetValue(ExifTag.SerialNumber, "BODYSERIAL-7731");
            image.SetProfile(exif);
        });

        var delivered = new LanczosUpscaler().Upscale(candidate, aspect, webP: false, CancellationToken.None);

        Assert.Equal((aspect.DeliveredWidth, aspect.DeliveredHeight), (delivered.Width, delivered.Height));
        Assert.True((long)delivered.Width * delivered.Height >= 16_000_000);
        using (var full = TestPhotos.Ping(delivered.Full))
        {
            Assert.Equal(((uint)aspect.DeliveredWidth, (uint)aspect.DeliveredHeight), (full.Width, full.Height));
            Assert.Equal((MagickFormat.Jpeg, ColorSpace.sRGB, 8u), (full.Format, full.ColorSpace, full.Depth));
            // Only the sRGB colour profile: no EXIF, XMP or IPTC survives.
            Assert.Equal(["icc"], full.ProfileNames);
            Assert.Equal("sRGB", full.GetColorProfile()?.ColorSpace.ToString());
            Assert.Null(full.GetExifProfile());
            Assert.False(TestPhotos.Contains(delivered.Full, "BODYSERIAL-7731"));
            Assert.Equal(Interlace.NoInterlace, full.Interlace);
        }
        AssertCopy(delivered.Web, LanczosUpscaler.WebLongEdge, aspect);
        AssertCopy(delivered.Thumbnail, LanczosUpscaler.ThumbnailLongEdge, aspect);
        // Enlarging must not change what the photo looks like.
        Assert.InRange(Pixels.Difference(candidate, delivered.Thumbnail), 0, 4);
        // WebP only when asked for.
        Assert.Null(delivered.FullWebP);
        Assert.Null(delivered.WebWebP);
    }

    [Fact]
    public void Upscale_WebPRequested_AlsoDeliversWebPOfTheSamePixelsWithOnlyTheSrgbProfile()
    {
        var aspect = AspectRatio.Portrait4x5;
        var (width, height) = ClassicalHeadshotComposer.OutputSize(aspect);
        var candidate = TestPhotos.Encode(SamplePhotos.GraceHopper, MagickFormat.Jpeg, image =>
        {
            image.Resize(new MagickGeometry((uint)width, (uint)height) { IgnoreAspectRatio = true });
            var exif = new ExifProfile();
            exif.SetValue(ExifTag.SerialNumber, "BODYSERIAL-7731");
            image.SetProfile(exif);
            image.SetProfile(new XmpProfile(System.Text.Encoding.UTF8.GetBytes(
                "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description rdf:about=\"\" xmlns:tiff=\"http://ns.adobe.com/tiff/1.0/\" tiff:Make=\"XMPMAKE-4411\"/></rdf:RDF></x:xmpmeta>")));
        });

        var delivered = new LanczosUpscaler().Upscale(candidate, aspect, webP: true, CancellationToken.None);

        Assert.NotNull(delivered.FullWebP);
        Assert.NotNull(delivered.WebWebP);
        using (var full = new MagickImage(delivered.FullWebP))
        {
            Assert.Equal(MagickFormat.WebP, full.Format);
            Assert.Equal(((uint)delivered.Width, (uint)delivered.Height), (full.Width, full.Height));
            Assert.True((long)full.Width * full.Height >= 16_000_000);
            Assert.Equal((ColorSpace.sRGB, 8u, 3u), (full.ColorSpace, full.Depth, full.ChannelCount));
            Assert.Equal(["icc"], full.ProfileNames);
            Assert.Equal("sRGB", full.GetColorProfile()?.ColorSpace.ToString());
            Assert.Null(full.GetExifProfile());
            Assert.Null(full.GetXmpProfile());
        }
        // The file itself, not only what ImageMagick reads back: an ICC chunk, no EXIF or XMP chunk, and lossy.
        var chunks = WebPChunks(delivered.FullWebP);
        Assert.Contains("ICCP", chunks);
        Assert.Contains("VP8 ", chunks);
        Assert.DoesNotContain("EXIF", chunks);
        Assert.DoesNotContain("XMP ", chunks);
        Assert.False(TestPhotos.Contains(delivered.FullWebP, "BODYSERIAL-7731"));
        Assert.False(TestPhotos.Contains(delivered.FullWebP, "XMPMAKE-4411"));
        // The same picture as the JPEG, not a different rendering of it.
        Assert.InRange(Pixels.Difference(delivered.Full, delivered.FullWebP), 0, 2);

        using (var web = new MagickImage(delivered.WebWebP))
        {
            using var webJpeg = TestPhotos.Ping(delivered.Web);
            Assert.Equal(MagickFormat.WebP, web.Format);
            Assert.Equal((webJpeg.Width, webJpeg.Height), (web.Width, web.Height));
            Assert.Equal(LanczosUpscaler.WebLongEdge, Math.Max(web.Width, web.Height));
            Assert.Equal(["icc"], web.ProfileNames);
        }
        Assert.Contains("ICCP", WebPChunks(delivered.WebWebP));
    }

    /// <summary>The chunk names of a WebP file's RIFF container, in order.</summary>
    static List<string> WebPChunks(byte[] webP)
    {
        Assert.Equal("RIFF", System.Text.Encoding.ASCII.GetString(webP, 0, 4));
        Assert.Equal("WEBP", System.Text.Encoding.ASCII.GetString(webP, 8, 4));
        var chunks = new List<string>();
        for (var offset = 12; offset + 8 <= webP.Length;)
        {
            chunks.Add(System.Text.Encoding.ASCII.GetString(webP, offset, 4));
            var size = (int)System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(webP.AsSpan(offset + 4));
            offset += 8 + size + (size & 1);
        }
        return chunks;
    }

    static void AssertCopy(byte[] jpeg, uint longEdge, AspectRatio aspect)
    {
        using var copy = TestPhotos.Ping(jpeg);
        Assert.Equal((MagickFormat.Jpeg, ColorSpace.sRGB), (copy.Format, copy.ColorSpace));
        Assert.Equal(longEdge, Math.Max(copy.Width, copy.Height));
        var exactWidth = copy.Height * (double)aspect.Width / aspect.Height;
        Assert.InRange(copy.Width, exactWidth - 1, exactWidth + 1);
        Assert.Equal(["icc"], copy.ProfileNames);
    }
}
