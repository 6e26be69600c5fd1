using System;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.IO;
using System.Linq;
using System.Reflection;
using ProgramDsl.Cli.Commands;
using ProgramDsl.Cli.Infrastructure;

namespace ProgramDsl.Cli
{
    /// <summary>The <c>tpm</c> command line: builds the command tree and maps failures to exit codes.</summary>
    public sealed class CliApplication
    {
        private readonly IConsoleEnvironment _console;
        private readonly CheckCommand _check;
        private readonly ScheduleCommand _schedule;
        private readonly BuildCommand _build;
        private readonly ForecastCommand _forecast;
        private readonly StatusCommand _status;
        private readonly ImportCommand _import;
        private readonly FmtCommand _fmt;
        private readonly InitCommand _init;
        private readonly LspCommand _lsp;
        private readonly DiffCommand _diff;
        private readonly BaselineCommand _baseline;

        public CliApplication(IConsoleEnvironment console, CheckCommand check, ScheduleCommand schedule, BuildCommand build, ForecastCommand forecast, StatusCommand status, ImportCommand import, FmtCommand fmt, InitCommand init, LspCommand lsp, DiffCommand diff, BaselineCommand baseline)
        {
            _console = console;
            _check = check;
            _schedule = schedule;
            _build = build;
            _forecast = forecast;
            _status = status;
            _import = import;
            _fmt = fmt;
            _init = init;
            _lsp = lsp;
            _diff = diff;
            _baseline = baseline;
        }

        /// <summary>The tool's version.</summary>
        public static string Version { get; } =
            typeof(CliApplication).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

        public RootCommand BuildRootCommand()
        {
            var common = new CommonOptions();
            var root = new RootCommand("tpm: program plans as code. Check, schedule and build .tpm files.");
            root.Subcommands.Add(_check.Build(common));
            root.Subcommands.Add(_schedule.Build(common));
            root.Subcommands.Add(_build.Build(common));
            root.Subcommands.Add(_forecast.Build(common));
            root.Subcommands.Add(_status.Build(common));
            root.Subcommands.Add(_baseline.Build(common));
            root.Subcommands.Add(_diff.Build(common));
            root.Subcommands.Add(_import.Build(common));
            root.Subcommands.Add(_fmt.Build(common));
            root.Subcommands.Add(_init.Build(common));
            root.Subcommands.Add(_lsp.Build(common));
            return root;
        }

        /// <summary>
        /// The parser lists choices one per line ("Must be one of:\n\t'quick'\n\t'normal'"); an error is one line, so they
        /// are joined ("Must be one of: 'quick', 'normal'") rather than printed as escapes.
        /// </summary>
        internal static string OneLine(string message)
        {
            var parts = message.Replace("\r\n", "\n").Split(new[] { "\n\t" }, StringSplitOptions.None);
            return parts.Length == 1 ? message : parts[0] + " " + string.Join(", ", parts.Skip(1));
        }

        /// <summary>The first word when it names no command (<c>tpm chek plan.tpm</c>), else null.</summary>
        private static string? UnknownCommand(RootCommand root, ParseResult parse)
        {
            if (parse.CommandResult.Command != root || parse.Tokens.Count == 0) return null;
            var first = parse.Tokens[0];
            return first.Type == TokenType.Argument && !first.Value.StartsWith("-", StringComparison.Ordinal) ? first.Value : null;
        }

        public int Run(string[] args)
        {
            try
            {
                var root = BuildRootCommand();
                var parse = root.Parse(args);
                if (parse.Errors.Count > 0)
                {
                    if (UnknownCommand(root, parse) is string unknown)
                    {
                        // One line instead of the parser's three ("command not provided", then each token unmatched).
                        CliErrors.Write(_console.Error, "unknown command '" + unknown + "'" +
                                                 ProgramDsl.Diagnostics.Spelling.DidYouMean(unknown, root.Subcommands.Select(c => c.Name)));
                        _console.Error.WriteLine("Run 'tpm --help' for usage.");
                        return ExitCodes.Usage;
                    }

                    // "Required command was not provided" beside a more precise error (an unknown option, a missing response
                    // file) only repeats it; the message is the parser's own, in English under invariant globalization.
                    var errors = parse.Errors.Count > 1
                        ? parse.Errors.Where(e => !e.Message.StartsWith("Required command was not provided", StringComparison.Ordinal)).ToList()
                        : parse.Errors.ToList();
                    foreach (var error in errors) CliErrors.Write(_console.Error, OneLine(error.Message));
                    _console.Error.WriteLine("Run 'tpm --help' for usage.");
                    return ExitCodes.Usage;
                }

                return parse.Invoke(new InvocationConfiguration { Output = _console.Out, Error = _console.Error, EnableDefaultExceptionHandler = false });
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C: the stage stopped where it was and nothing more was written (artefacts are written whole or not at all).
                _console.Error.WriteLine("tpm: cancelled");
                return ExitCodes.Cancelled;
            }
            catch (UsageException ex)
            {
                CliErrors.Write(_console.Error, ex.Message);
                return ExitCodes.Usage;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                CliErrors.Write(_console.Error, ex.Message);
                return ExitCodes.Usage;
            }
            catch (Exception ex)
            {
                // A bug in tpm, not in the plan: say so in one line rather than dying with a stack trace.
                _console.Error.WriteLine("tpm: internal error: " + ProgramDsl.Diagnostics.Diagnostic.Printable(ex.GetBaseException().Message) + " (please report this with the plan that caused it)");
                return ExitCodes.Usage;
            }
            finally
            {
                _console.Out.Flush();
                _console.Error.Flush();
            }
        }
    }
}
