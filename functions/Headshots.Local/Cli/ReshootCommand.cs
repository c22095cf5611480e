using System.CommandLine;
using Headshots.Local.Stack;
using Headshots.Pipeline.Api;
using Headshots.Pipeline.Intake;
using Headshots.Pipeline.Storage;
using Spectre.Console;

namespace Headshots.Local.Cli;

/// <summary>
/// ./headshots reshoot SHOOT_ID PHOTOS_DIR: a delivered shoot's order trains again on new photos, as the status page's
/// reshoot form does. On this machine the operator is trusted, so the shoot id stands in for the status link's token.
/// </summary>
public static class ReshootCommand
{
    public static Command Definition()
    {
        var shootId = CliSymbols.ShootId("the delivered shoot");
        var folder = new Argument<string>("PHOTOS_DIR") { Description = "the folder with the new photos" };
        var output = CliSymbols.Out("out/reshoot-<first 8 of SHOOT_ID>");
        var command = new Command("reshoot", "train again on new photos under the same order (2 trainings per order)") { shootId, folder, output };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetRequiredValue(shootId), parse.GetRequiredValue(folder), parse.GetValue(output), cancellationToken));
        return command;
    }

    static Task<int> RunAsync(string shootId, string folder, string? outOption, CancellationToken cancellationToken)
    {
        var photos = PhotoFolder.Read(folder);
        var paths = RepositoryPaths.Find();
        var outFolder = outOption ?? Path.Combine(paths.Root, "out", "reshoot-" + shootId[..8]);

        return ShootSession.RunAsync(LocalStackFactory.Create(paths), async (stack, client, ct) =>
        {
            var source = await stack.Services.GetRequiredService<ShootStore>().GetAsync(shootId, ct)
                ?? throw new CliException($"There is no shoot {shootId} in the local studio; run ./headshots demo or ./headshots shoot first.");
            ReshootResponse reshoot;
            try
            {
                reshoot = await stack.Services.GetRequiredService<ReshootRequests>().StartAsync(source, photos.Select(p => p.Name).ToList(), ct);
            }
            catch (ReshootRefusedException e)
            {
                throw new CliException($"{e.Title}: {e.Detail}");
            }
            AnsiConsole.MarkupLine($"Reshoot of {shootId}: uploading {photos.Count} new photos ({reshoot.ReshootsLeft} more reshoots left in this order)…");
            await client.UploadBatchAsync(reshoot.Uploads, photos, reshoot.OrderUrl, reshoot.Order, null, ct);
            return new SubmittedShoot(reshoot.ShootId, reshoot.StatusUrl);
        }, outFolder, cancellationToken);
    }
}
