using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Headshots.Pipeline;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;

// The Azure Functions host (.NET isolated). Bindings only: the work is in the pipeline library.
var builder = FunctionsApplication.CreateBuilder(args);
// HTTP on the ASP.NET Core integration: the triggers hand the route table an HttpContext, as the local host does,
// and responses are written to the host's connection as they are made (the gallery ZIP and images stream).
builder.ConfigureFunctionsWebApplication();
builder.Services.AddHeadshotPipeline(builder.Configuration);

// Traces, metrics and logs (the Azure SDK's storage calls included) to Application Insights, keyless: the exporter
// authenticates with the managed identity named by AZURE_CLIENT_ID; local auth is disabled on the resource.
if (!string.IsNullOrEmpty(builder.Configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"]))
{
    builder.AddOpenTelemetry()
        .UseFunctionsWorkerDefaults()
        .UseAzureMonitorExporter(o => o.Credential = new DefaultAzureCredential());
}
builder.Build().Run();
