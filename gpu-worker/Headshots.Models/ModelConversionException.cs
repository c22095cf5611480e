namespace Headshots.Models;

/// <summary>A model could not be prepared; the message names the model or tensor and what was wrong.</summary>
public sealed class ModelConversionException : Exception
{
    public ModelConversionException(string message)
        : base(message)
    {
    }

    public ModelConversionException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
