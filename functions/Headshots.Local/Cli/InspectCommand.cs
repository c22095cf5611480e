using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Headshots.Engines;
using Headshots.Engines.Faces;
using Headshots.Engines.Imaging;
using Headshots.Engines.Intake;
using Headshots.Engines.Onnx;
using Headshots.Local.Stack;
using Headshots.Pipeline.Options;
using Spectre.Console;

namespace Headshots.Local.Cli;

/// <summary>
/// <c>inspect PHOTOS_DIR [--json]</c>: the intake the pipeline runs (safe decoding, face, judgement, comparison),
/// without starting a shoot. Exits 0 whenever the folder could be judged, whatever the verdicts.
/// </summary>
public static class InspectCommand
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Definition()
    {
        var folder = new Argument<string>("PHOTOS_DIR") { Description = "the folder with your photos" };
        var json = CliSymbols.Json("the verdicts");
        var command = new Command("inspect", "judge your photos as a shoot would, without starting one") { folder, json };
        command.SetAction((parse, cancellationToken) => Task.FromResult(Run(parse.GetRequiredValue(folder), parse.GetValue(json), cancellationToken)));
        return command;
    }

    static int Run(string folder, bool asJson, CancellationToken cancellationToken)
    {
        var files = PhotoFolder.Read(folder);
        var paths = RepositoryPaths.Find();
        using var models = new OnnxModels(new OnnxSettings(paths.Models));
        var intake = new PhotoIntake(
            new MagickPhotoNormaliser(),
            FaceAnalyser.On(models),
            Thresholds(),
            new PhotoLimits());
        var minAccepted = new PipelineOptions().MinAcceptedPhotos;
        ShootJudgement judgement;
        try
        {
            judgement = intake.Inspect(files, minAccepted, cancellationToken);
        }
        catch (ModelMissingException e)
        {
            throw new CliException(e.Message);
        }

        if (asJson)
        {
            Console.WriteLine(JsonSerializer.Serialize(Report(judgement), Json));
            return 0;
        }

        var table = new Table().AddColumns("File", "Verdict", "Reasons", "Face", "Distance to you", "Tip");
        foreach (var p in judgement.Photos)
        {
            table.AddRow(
                Markup.Escape(p.Name),
                p.Accepted ? "[green]accepted[/]" : "[yellow]rejected[/]",
                Markup.Escape(string.Join(", ", p.Reasons)),
                p.Faces == 0 ? "-" : $"{p.Faces} · {p.FaceWidth * 100:0}% wide",
                p.IdentityDistance is { } d ? d.ToString("0.00", CultureInfo.InvariantCulture) : "-",
                Markup.Escape(p.Tip ?? ""));
        }
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine(judgement.CanStart
            ? $"[green]{judgement.AcceptedCount} of {judgement.Photos.Count} photos accepted: a shoot can start.[/]"
            : $"[yellow]{judgement.AcceptedCount} of {judgement.Photos.Count} photos accepted: no shoot can start — {Markup.Escape(judgement.Problem!)}[/]");
        return 0;
    }

    /// <summary>The same thresholds the worker uses: defaults, overridden by Intake__* environment variables.</summary>
    static IntakeThresholds Thresholds()
    {
        var thresholds = new IntakeThresholds();
        new ConfigurationBuilder().AddEnvironmentVariables().Build().GetSection(IntakeThresholds.Section).Bind(thresholds);
        var errors = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        if (!System.ComponentModel.DataAnnotations.Validator.TryValidateObject(thresholds, new(thresholds), errors, validateAllProperties: true))
        {
            throw new CliException($"Intake thresholds: {string.Join(" ", errors.Select(e => e.ErrorMessage))}");
        }
        return thresholds;
    }

    static object Report(ShootJudgement judgement) => new
    {
        photos = judgement.Photos.Select(p => new
        {
            file = p.Name,
            accepted = p.Accepted,
            reasons = p.Reasons,
            reason = p.Reason,
            tip = p.Tip,
            faces = p.FaceBoxes.Select(f => new { x = Math.Round(f.X, 4), y = Math.Round(f.Y, 4), width = Math.Round(f.Width, 4), height = Math.Round(f.Height, 4), score = Math.Round(f.Score, 3) }),
            identityDistance = p.IdentityDistance,
            measurements = new
            {
                faceWidth = Math.Round(p.FaceWidth, 4),
                yaw = Math.Round(p.Yaw, 3),
                rollDegrees = Math.Round(p.RollDegrees, 1),
                faceSharpness = p.FaceExposure is { } e ? Math.Round(e.Sharpness, 1) : (double?)null,
                faceLuma = p.FaceExposure is { } e2 ? Math.Round(e2.MeanLuma, 1) : (double?)null,
                faceClipped = p.FaceExposure is { } e3 ? Math.Round(e3.Clipped, 4) : (double?)null,
                faceCrushed = p.FaceExposure is { } e4 ? Math.Round(e4.Crushed, 4) : (double?)null,
            },
        }),
        summary = new
        {
            photos = judgement.Photos.Count,
            accepted = judgement.AcceptedCount,
            minAccepted = judgement.MinAccepted,
            canStart = judgement.CanStart,
            problem = judgement.Problem,
        },
    };
}
