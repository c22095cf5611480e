using System.Numerics;
using Headshots.Engines.Faces;
using Headshots.Engines.Tests.Support;

namespace Headshots.Engines.Tests.Faces;

public sealed class FaceMeshLandmarkerTests
{
    [Theory]
    [MemberData(nameof(Portrait.Both), MemberType = typeof(Portrait))]
    public void Locate_Portrait_PutsTheMeshOnTheFace(string name)
    {
        var portrait = Portrait.Named(name);
        var image = portrait.Image();
        var face = Assert.Single(new BlazeFaceDetector(TestModels.Models).Detect(image));

        var landmarks = new FaceMeshLandmarker(TestModels.Models).Locate(image, face);

        Assert.Equal(FaceLandmarks.Count, landmarks.Points.Count);
        Assert.True(landmarks.Confidence > 0.5f, $"confidence {landmarks.Confidence}");
        var tolerance = portrait.Face.Width * 0.1f;
        Assert.InRange(Vector2.Distance(landmarks.RightEyeCentre, portrait.RightEye), 0, tolerance);
        Assert.InRange(Vector2.Distance(landmarks.LeftEyeCentre, portrait.LeftEye), 0, tolerance);
        Assert.InRange(Vector2.Distance(landmarks.NoseTip, portrait.Nose), 0, tolerance);
        var lips = landmarks.Contour(FaceRegions.LipsOuter);
        Assert.InRange(Vector2.Distance(lips.Aggregate(Vector2.Zero, (s, p) => s + p) / lips.Count, portrait.Mouth), 0, tolerance);
        var chin = landmarks[FaceRegions.Chin];
        Assert.True(chin.Y > portrait.Mouth.Y && chin.Y < portrait.Face.Bottom + (portrait.Face.Height * 0.25f), $"chin at {chin}");
        Assert.InRange(landmarks.Yaw, -0.35f, 0.35f);
    }

    [Fact]
    public void RegionMasks_Astronaut_SkinCoversTheCheeksButNotTheEyesOrLips()
    {
        var portrait = Portrait.Astronaut;
        var image = portrait.Image();
        var landmarks = new FaceMeshLandmarker(TestModels.Models).Locate(image, new BlazeFaceDetector(TestModels.Models).Detect(image)[0]);

        var masks = FaceRegionMasks.From(landmarks, image.Width, image.Height);

        byte At(byte[] mask, Vector2 p) => mask[((int)p.Y * image.Width) + (int)p.X];
        var cheek = Vector2.Lerp(portrait.RightEye, portrait.Mouth, 0.5f) - new Vector2(12, 0);
        Assert.Equal(255, At(masks.Skin, cheek));
        Assert.Equal(0, At(masks.Skin, portrait.RightEye));
        Assert.Equal(255, At(masks.Eyes, portrait.RightEye));
        Assert.Equal(0, At(masks.Skin, portrait.Mouth + new Vector2(0, 2)));
        Assert.Equal(255, At(masks.Lips, portrait.Mouth + new Vector2(0, 2)));
        var skinShare = masks.Skin.Count(v => v != 0) / (portrait.Face.Width * portrait.Face.Height);
        Assert.InRange(skinShare, 0.45, 1.0);
        Assert.True(masks.Brows.Count(v => v != 0) > 40, "both brows have some area");
    }
}
