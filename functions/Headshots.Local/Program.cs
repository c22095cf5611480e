using System.Runtime.InteropServices;
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
try
{
    return await Commands.RunAsync(args, cancel.Token);
}
catch (CliException e)
{
    AnsiConsole.MarkupLine($"[red]{Markup.Escape(e.Message)}[/]");
    Console.Error.WriteLine(Usage.Text);
    return 2;
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
