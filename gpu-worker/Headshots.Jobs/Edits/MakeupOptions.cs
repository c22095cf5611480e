namespace Headshots.Jobs.Edits;

/// <summary>Light makeup corrections; a set of flags so a request can ask for several.</summary>
[Flags]
public enum MakeupOptions
{
    None = 0,

    /// <summary>A natural tint that evens out the lips' colour.</summary>
    Lips = 1,

    /// <summary>Brightens the shadow under the eyes.</summary>
    UnderEye = 2,

    /// <summary>Tones down specular shine on forehead, nose and cheeks.</summary>
    Shine = 4,
}
