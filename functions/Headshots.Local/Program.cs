using System.Runtime.InteropServices;
using System.CommandLine;
using Headshots.Local.Cli;
using Spectre.Console;

// The `headshots` CLI: the local runtime that stands in for the Functions host, and the commands around it.
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
// `kill`, a service manager or a container runtime stop the studio the same way as Ctrl+C.
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    cancel.Cancel();
});
var parse = Commands.Root().Parse(args is ["help"] ? ["--help"] : args);
if (parse.Errors.Count > 0)
{
    foreach (var error in parse.Errors) AnsiConsole.MarkupLine($"[red]{Markup.Escape(error.Message)}[/]");
    return HelpFor(parse);
}
try
{
    // Ctrl+C and SIGTERM are handled above, for every command alike; exceptions are ours to report.
    return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null }, cancel.Token);
}
catch (CliException e)
{
    AnsiConsole.MarkupLine($"[red]{Markup.Escape(e.Message)}[/]");
    return HelpFor(parse);
}
catch (OperationCanceledException) when (cancel.IsCancellationRequested)
{
    return 130;
}
catch (Exception e) when (e is Headshots.Local.Client.StudioClientException or InvalidOperationException or TimeoutException or HttpRequestException)
{
    AnsiConsole.MarkupLine($"[red]{Markup.Escape(e.Message)}[/]");
    return 1;
}

/// <summary>The help of the command that was asked for, on standard error, after a usage error: exit code 2.</summary>
static int HelpFor(ParseResult parse)
{
    var path = parse.CommandResult.Command.Parents.OfType<Command>().Where(c => c is not RootCommand).Reverse()
        .Append(parse.CommandResult.Command).Where(c => c is not RootCommand).Select(c => c.Name);
    parse.RootCommandResult.Command.Parse([.. path, "--help"]).Invoke(new InvocationConfiguration { Output = Console.Error });
    return 2;
}
