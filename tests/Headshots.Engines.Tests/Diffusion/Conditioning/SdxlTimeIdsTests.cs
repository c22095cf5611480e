using Headshots.Engines.Diffusion.Conditioning;

namespace Headshots.Engines.Tests.Diffusion.Conditioning;

public sealed class SdxlTimeIdsTests
{
    [Fact]
    public void Uncropped_PortraitSize_OriginalCropTargetInOrder()
    {
        Assert.Equal([1216f, 832f, 0f, 0f, 1216f, 832f], SdxlTimeIds.Uncropped(1216, 832).ToArray());
    }

    [Fact]
    public void ToArray_Cropped_HeightBeforeWidthAndTopBeforeLeft()
    {
        var ids = new SdxlTimeIds(OriginalHeight: 2000, OriginalWidth: 1500, CropTop: 64, CropLeft: 32, TargetHeight: 1024, TargetWidth: 768);

        Assert.Equal([2000f, 1500f, 64f, 32f, 1024f, 768f], ids.ToArray());
    }

    [Fact]
    public void Batch_TwoRows_RowMajor()
    {
        var data = SdxlTimeIds.Batch(SdxlTimeIds.Uncropped(1024, 1024), new SdxlTimeIds(512, 512, 0, 0, 1024, 1024));

        Assert.Equal([1024f, 1024f, 0f, 0f, 1024f, 1024f, 512f, 512f, 0f, 0f, 1024f, 1024f], data);
    }
}
