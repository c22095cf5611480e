using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Headshots.Jobs.Storage;

public static class StorageServiceCollectionExtensions
{
    public static IServiceCollection AddHeadshotStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<StorageClients>();
        return services;
    }
}
