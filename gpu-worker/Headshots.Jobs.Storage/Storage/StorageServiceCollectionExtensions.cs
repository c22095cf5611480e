using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Headshots.Jobs.Storage;

public static class StorageServiceCollectionExtensions
{
    public static IServiceCollection AddHeadshotStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.Section))
            // Like a Functions connection, "Storage" may also be a plain connection string (local.settings.json).
            .PostConfigure(o => o.ConnectionString ??= configuration[StorageOptions.Section])
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<StorageClients>();
        return services;
    }
}
