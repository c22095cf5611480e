using System.CommandLine;
using Headshots.Pipeline.Intake;

namespace Headshots.Local.Cli;

/// <summary>The arguments and options several commands share, declared once so their checks and help read the same.</summary>
public static class CliSymbols
{
    public static Argument<string> ShootId(string description = "the shoot, as its status link and email name it")
    {
        var argument = new Argument<string>("SHOOT_ID") { Description = description };
        argument.Validators.Add(r =>
        {
            var value = r.GetValueOrDefault<string>();
            if (!UploadLayout.IsValidShootId(value)) r.AddError($"'{value}' is not a shoot id (32 hexadecimal characters).");
        });
        return argument;
    }

    public static Option<string> Token() =>
        new("--token") { HelpName = "T", Description = "the status link's t (kept by this CLI for the shoots it started)" };

    public static Option<string> Out(string defaultFolder) =>
        new("--out") { HelpName = "DIR", Description = $"where the delivered files are copied (default: {defaultFolder})" };

    public static Option<bool> Json(string what) => new("--json") { Description = $"{what} as JSON" };
}

/// <summary>A usage error found by a command itself (after parsing): printed with the command's help, exit code 2.</summary>
public sealed class CliException(string message) : Exception(message);
