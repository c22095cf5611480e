namespace Headshots.Local.Cli;

/// <summary>The parsed command line: a command, its positional values and its --options, with errors that say what to type.</summary>
public sealed class CliArguments
{
    readonly Dictionary<string, string?> options = new(StringComparer.Ordinal);

    public string Command { get; private init; } = "";
    public IReadOnlyList<string> Positionals { get; private init; } = [];

    public static CliArguments Parse(string[] args, IReadOnlyDictionary<string, bool> knownOptions)
    {
        if (args.Length == 0) throw new CliException("No command given.");
        var positionals = new List<string>();
        var parsed = new CliArguments { Command = args[0], Positionals = positionals };
        for (var i = 1; i < args.Length; i++)
        {
            var a = args[i];
            if (!a.StartsWith("--", StringComparison.Ordinal))
            {
                positionals.Add(a);
                continue;
            }
            var name = a[2..];
            string? inline = null;
            var eq = name.IndexOf('=');
            if (eq >= 0) (name, inline) = (name[..eq], name[(eq + 1)..]);
            if (!knownOptions.TryGetValue(name, out var takesValue)) throw new CliException($"Unknown option --{name} for '{parsed.Command}'.");
            if (takesValue)
            {
                var value = inline ?? (i + 1 < args.Length ? args[++i] : null);
                if (string.IsNullOrWhiteSpace(value) || value.StartsWith("--", StringComparison.Ordinal)) throw new CliException($"--{name} needs a value.");
                parsed.options[name] = value;
            }
            else
            {
                if (inline is not null) throw new CliException($"--{name} takes no value.");
                parsed.options[name] = null;
            }
        }
        return parsed;
    }

    public string? Option(string name) => options.GetValueOrDefault(name);
    public bool Flag(string name) => options.ContainsKey(name);
}

/// <summary>A usage error: printed with the usage text, exit code 2.</summary>
public sealed class CliException(string message) : Exception(message);
