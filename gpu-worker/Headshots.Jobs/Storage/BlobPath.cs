namespace Headshots.Jobs.Storage;

/// <summary>A blob's address as "container/name"; what orchestration history carries instead of bytes.</summary>
public readonly record struct BlobPath(string Container, string Name)
{
    public static BlobPath Parse(string path)
    {
        var slash = path.IndexOf('/');
        if (slash <= 0 || slash == path.Length - 1)
        {
            throw new FormatException($"'{path}' is not a blob path of the form container/name.");
        }
        return new BlobPath(path[..slash], path[(slash + 1)..]);
    }

    public override string ToString() => $"{Container}/{Name}";

    public string FileName => Name[(Name.LastIndexOf('/') + 1)..];
}
