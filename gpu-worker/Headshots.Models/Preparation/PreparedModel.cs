namespace Headshots.Models.Preparation;

/// <summary>What <c>models fetch</c> records next to each ONNX file (<c>{id}.json</c>), and what it reports.</summary>
public sealed record PreparedModel(
    string Id,
    string Package,
    string Version,
    string Integrity,
    string Converter,
    int ConverterVersion,
    string Sha256,
    long Bytes)
{
    public bool Matches(ModelSpec spec) =>
        Id == spec.Id && Package == spec.Package && Version == spec.Version && Integrity == spec.Integrity
        && Converter == spec.Converter && ConverterVersion == ModelConverters.VersionOf(spec.Converter);
}
