using System.Diagnostics;
using System.Runtime.InteropServices;
using Headshots.Local.Cli;

namespace Headshots.EndToEnd.Tests;

public sealed class ProcessCountersTests
{
    [Fact]
    public void Since_FreshMemoryWritten_CountsAtLeastOneFaultPerPage()
    {
        const int pages = 16384;
        var before = ProcessCounters.Read();
        // 64 MB of native memory: above glibc's largest mmap threshold, so mapped fresh: each page faults once when first written.
        var memory = Marshal.AllocHGlobal(pages * 4096);
        try
        {
            for (var page = 0; page < pages; page++) Marshal.WriteByte(memory, page * 4096, 1);
            var faults = ProcessCounters.Read().Since(before).MinorFaults;

            Assert.InRange(faults, pages, pages * 4L);
        }
        finally
        {
            Marshal.FreeHGlobal(memory);
        }
    }

    [Fact]
    public void Read_ChildThatHasWorked_ReportsItByNameWithItsProcessorTime()
    {
        // A shell that counts to two million in its own process (no commands it would fork), says so, then waits.
        using var child = Process.Start(new ProcessStartInfo("sh", ["-c", "i=0; while [ $i -lt 2000000 ]; do i=$((i+1)); done; echo counted; read line"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
        })!;
        try
        {
            Assert.Equal("counted", child.StandardOutput.ReadLine());

            var seen = Assert.Single(ProcessCounters.Read().Children, c => c.Pid == child.Id);

            Assert.Equal("sh", seen.Name);
            Assert.InRange(seen.Seconds, 0.05, 60);
        }
        finally
        {
            child.StandardInput.WriteLine();
            child.WaitForExit();
        }
    }
}
