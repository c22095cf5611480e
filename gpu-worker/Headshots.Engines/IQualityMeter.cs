namespace Headshots.Engines;

/// <summary>Measures sharpness and exposure of an encoded image.</summary>
public interface IQualityMeter
{
    PhotoMeasurements Measure(byte[] encoded);
}
