using Headshots.Pipeline.Options;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Headshots.Pipeline.Limits;

public static class LimitsServiceCollectionExtensions
{
    /// <summary>The abuse limits (sections Limits and Studio), validated at start; called by the pipeline and by the cloud engines' registration.</summary>
    public static IServiceCollection AddHeadshotLimits(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(d => d.ServiceType == typeof(ClientRateLimiter))) return services;
        services.AddOptions<LimitsOptions>().Bind(configuration.GetSection(LimitsOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<StudioOptions>().Bind(configuration.GetSection(StudioOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ClientRateLimiter>();
        services.AddSingleton<StudioAccess>();
        services.TryAddSingleton<IShootCounts, TableShootCounts>();
        services.AddSingleton<CreationGate>();
        services.TryAddSingleton<IDailySpendStore, TableDailySpendStore>();
        services.AddSingleton<DailySpend>();
        return services;
    }
}
