using Headshots.Pipeline;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

// The Azure Functions host (.NET isolated). Bindings only: the work is in the pipeline library.
var builder = FunctionsApplication.CreateBuilder(args);
builder.Services.AddHeadshotPipeline(builder.Configuration);
builder.Build().Run();
