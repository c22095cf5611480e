using System.Globalization;

namespace Headshots.GpuWorker.Health;

/// <summary>The client side of the health endpoint, for the image's HEALTHCHECK: exit 0 when /healthz answers 200.</summary>
public static class HealthProbe
{
    public static async Task<int> RunAsync(string? port, TextWriter output)
    {
        if (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is <= 0 or > 65535)
        {
            await output.WriteLineAsync("Worker__HealthPort is not set: the health endpoint is off.");
            return 1;
        }
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(4) };
        try
        {
            using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{number}{HealthEndpoint.Path}"));
            await output.WriteLineAsync(await response.Content.ReadAsStringAsync());
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            await output.WriteLineAsync($"No answer from the health endpoint: {e.Message}");
            return 1;
        }
    }
}
