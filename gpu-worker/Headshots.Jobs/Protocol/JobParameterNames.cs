namespace Headshots.Jobs.Protocol;

/// <summary>Parameter names that several kinds of job share.</summary>
public static class JobParameterNames
{
    /// <summary>The identity profile's blob path, for the jobs that measure a headshot's likeness to the person (generate, assess, refine).</summary>
    public const string IdentityProfile = "identity";
}
