using System.CommandLine;

namespace ProgramDsl.Cli.Commands
{
    /// <summary>Exit codes of design §6.</summary>
    public static class ExitCodes
    {
        public const int Success = 0;
        public const int Errors = 1;
        public const int Usage = 2;

        /// <summary>Stopped by Ctrl+C: 128 + SIGINT, as shells report a process the signal ended.</summary>
        public const int Cancelled = 130;
    }

    /// <summary>Settings shared by every command.</summary>
    public sealed record CommonSettings(bool WarningsAsErrors, bool Quiet, bool NoColor, string? ConfigPath, string? Workspace = null);

    /// <summary>Options shared by every command: --warnaserror, --quiet, --no-color, --config, --workspace.</summary>
    public sealed class CommonOptions
    {
        private readonly Option<bool> _warnAsError = new Option<bool>("--warnaserror") { Description = "Treat warnings as errors" };
        private readonly Option<bool> _quiet = new Option<bool>("--quiet", "-q") { Description = "Print only diagnostics and results, no summaries or notes" };
        private readonly Option<bool> _noColor = new Option<bool>("--no-color") { Description = "Never colour the output (colour is also off when NO_COLOR is set or output is not a terminal)" };
        private readonly Option<string?> _config = new Option<string?>("--config") { Description = "A .globalconfig with diagnostic severities (default: the .globalconfig files in the plan's folder and above)" };

        private readonly Option<string?> _workspace = new Option<string?>("--workspace")
        {
            Description = "The folder includes must stay inside (default: the repository root, the nearest folder above the plan holding .git, else the folder named on the command line)",
        };

        public CommonOptions()
        {
            RequireUsablePath(_config);
            RequireUsablePath(_workspace);
        }

        /// <summary>Adds the options, <c>--workspace</c> included: every command reads plans or their configs under the workspace rule.</summary>
        public void AddTo(Command command)
        {
            command.Options.Add(_warnAsError);
            command.Options.Add(_quiet);
            command.Options.Add(_noColor);
            command.Options.Add(_config);
            command.Options.Add(_workspace);
        }

        /// <summary>
        /// Makes an empty path, or one with a NUL character (possible from a response file or a caller), a usage error
        /// naming the option, before anything asks the system about it.
        /// </summary>
        public static void RequireUsablePath(Option<string?> option)
        {
            option.Validators.Add(r =>
            {
                var value = r.GetValueOrDefault<string?>();
                var typed = r.IdentifierToken?.Value ?? option.Name;
                if (value is null) return;
                if (value.Trim().Length == 0) r.AddError("option '" + typed + "' expects a path; got '" + value + "'");
                else if (value.IndexOf('\0') >= 0) r.AddError("option '" + typed + "' expects a path; got one with a NUL character");
            });
        }

        public CommonSettings Read(ParseResult result) =>
            new CommonSettings(result.GetValue(_warnAsError), result.GetValue(_quiet), result.GetValue(_noColor), result.GetValue(_config),
                result.GetValue(_workspace));
    }
}
