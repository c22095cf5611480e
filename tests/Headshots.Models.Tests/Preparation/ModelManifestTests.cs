using Headshots.Models.Preparation;

namespace Headshots.Models.Tests.Preparation;

public sealed class ModelManifestTests
{
    [Fact]
    public void Embedded_EveryModel_IsPinnedWithIntegrityAndLicence()
    {
        var manifest = ModelManifest.Embedded();

        Assert.Equal(
            ["blazeface-back", "blazeface-front", "dlib-resnet", "esrgan-slim-x4", "facemesh", "selfie"],
            manifest.Models.Select(m => m.Id).Order());
        Assert.All(manifest.Models, m =>
        {
            Assert.Matches(@"^\d+\.\d+\.\d+$", m.Version);
            Assert.Equal(64, Convert.FromBase64String(m.Integrity["sha512-".Length..]).Length);
            Assert.False(string.IsNullOrWhiteSpace(m.Licence));
        });
    }

    [Theory]
    [InlineData("\"version\": \"^1.0.0\"", "exact version")]
    [InlineData("\"id\": \"Bad Id\"", "lower-case")]
    [InlineData("\"source\": \"package/../../etc/passwd\"", "plain path")]
    [InlineData("\"converter\": \"pickle\"", "unknown converter")]
    [InlineData("\"integrity\": \"sha1-abc\"", "sha512")]
    public void Parse_InvalidEntry_FailsSayingWhy(string field, string expected)
    {
        var name = field.Split(':')[0];
        var fields = new Dictionary<string, string>
        {
            ["\"id\""] = "\"id\": \"ok\"",
            ["\"version\""] = "\"version\": \"1.0.0\"",
            ["\"source\""] = "\"source\": \"package/m.onnx\"",
            ["\"converter\""] = "\"converter\": \"onnx\"",
            ["\"integrity\""] = "\"integrity\": \"sha512-AAAA\"",
        };
        fields[name] = field;
        var json = $$"""{ "models": [ { {{string.Join(", ", fields.Values)}}, "purpose": "p", "package": "p", "licence": "MIT" } ] }""";

        var error = Assert.Throws<ModelConversionException>(() => ModelManifest.Parse(json));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
