using System.Runtime.InteropServices;

namespace Headshots.Local.Stack;

/// <summary>POSIX signals to child processes; .NET's Process offers only SIGKILL.</summary>
internal static class NativeSignals
{
    const int SigTerm = 15;

    /// <returns>Whether the signal was sent.</returns>
    public static bool Terminate(int processId) => kill(processId, SigTerm) == 0;

    // DllImport rather than LibraryImport: an int-only signature needs no marshalling, and no unsafe code in the CLI.
    [DllImport("libc", SetLastError = true)]
#pragma warning disable SYSLIB1054
    static extern int kill(int pid, int sig);
#pragma warning restore SYSLIB1054
}
