namespace Headshots.Local.Stack;

/// <summary>The connection string of the local storage emulator.</summary>
public static class AzuriteConnection
{
    // The emulator's fixed, publicly documented development account; it opens nothing but a local Azurite.
    const string DevAccount = "devstoreaccount1";
    const string DevKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public static string For(LocalPorts ports) =>
        $"DefaultEndpointsProtocol=http;AccountName={DevAccount};AccountKey={DevKey};" +
        $"BlobEndpoint=http://127.0.0.1:{ports.Blob}/{DevAccount};" +
        $"QueueEndpoint=http://127.0.0.1:{ports.Queue}/{DevAccount};" +
        $"TableEndpoint=http://127.0.0.1:{ports.Table}/{DevAccount};";
}
