using System;
using System.IO;
using System.Collections.Generic;
using System.CommandLine;
using System.Linq;
using ProgramDsl.Cli.Infrastructure;
using ProgramDsl.Cli.Output;
using ProgramDsl.Diagnostics;
using ProgramDsl.Syntax.Formatting;
using ProgramDsl.Text;

namespace ProgramDsl.Cli.Commands
{
    /// <summary>
    /// <c>tpm fmt PATH… [--check] [--stdout]</c>: lays plan files out in the canonical form (<see cref="PlanFormatter"/>).
    /// Files and folders (recursively, every <c>*.tpm</c>, fragments included) are read under the same workspace rules as
    /// <c>tpm check</c>. A file is rewritten atomically, and only when its text changes; a file with syntax errors is
    /// left as it is and its TPM0001 diagnostics printed. <c>--check</c> writes nothing and lists the files that would
    /// change (exit 1 if any); <c>--stdout</c> prints the formatted text of one file.
    /// </summary>
    public sealed class FmtCommand
    {
        private readonly PlanLoader _loader;
        private readonly IConsoleEnvironment _console;
        private readonly IFileSystem _fileSystem;

        public FmtCommand(PlanLoader loader, IConsoleEnvironment console, IFileSystem fileSystem)
        {
            _loader = loader;
            _console = console;
            _fileSystem = fileSystem;
        }

        public Command Build(CommonOptions common)
        {
            var paths = new Argument<string[]>("paths") { Description = "Plan files or folders (folders are searched recursively for .tpm files, fragments included)", Arity = ArgumentArity.OneOrMore };
            var check = new Option<bool>("--check") { Description = "Write nothing; list the files that are not formatted and exit 1 if there are any" };
            var stdout = new Option<bool>("--stdout") { Description = "Print the formatted text of one file instead of writing it" };
            var command = new Command("fmt", "Lay plan files out in the canonical form (comments and values kept); exit 1 on syntax errors or, with --check, unformatted files");
            command.Arguments.Add(paths);
            command.Options.Add(check);
            command.Options.Add(stdout);
            common.AddTo(command);
            command.SetAction(result => Run(result.GetValue(paths)!, result.GetValue(check), result.GetValue(stdout), common.Read(result)));
            return command;
        }

        public int Run(IReadOnlyList<string> paths, bool check, bool stdout, CommonSettings settings)
        {
            if (check && stdout) throw new UsageException("--check and --stdout cannot be used together");
            var files = _loader.ExpandPlanFiles(paths, settings.Workspace);
            if (files.Count == 0) throw new UsageException("no .tpm files found in " + string.Join(", ", paths.Select(p => "'" + p + "'")));
            if (stdout && files.Count > 1) throw new UsageException("--stdout formats one file; " + files.Count + " were given");

            var ansi = new Ansi(ColorPolicy.IsEnabled(_console, settings.NoColor));

            // With --stdout the text goes to standard output, so diagnostics go to standard error.
            var diagnosticsOut = stdout ? _console.Error : _console.Out;
            var refused = new List<Diagnostic>();
            int changed = 0;
            int unwritten = 0;
            foreach (var file in files)
            {
                var text = _loader.ReadPlan(file, settings.Workspace, out var realPath, out var unread);
                if (text is null)
                {
                    DiagnosticPrinter.WriteText(diagnosticsOut, unread, ansi);
                    refused.AddRange(unread);
                    continue;
                }

                var result = PlanFormatter.Format(new SourceText(file, text));
                if (!result.Succeeded)
                {
                    DiagnosticPrinter.WriteText(diagnosticsOut, result.Diagnostics, ansi);
                    refused.AddRange(result.Diagnostics);
                    continue;
                }

                if (result.Changed && System.Text.Encoding.UTF8.GetByteCount(result.Text!) > InputLimits.MaxFileBytes)
                {
                    // Indentation adds bytes: a plan just within the size limit must not be written past it.
                    var tooLarge = DiagnosticCatalog.FormattedFileTooLarge(new SourceLocation(new SourceText(file, text), new TextSpan(0, 0)));
                    DiagnosticPrinter.WriteText(diagnosticsOut, new[] { tooLarge }, ansi);
                    refused.Add(tooLarge);
                    continue;
                }

                if (stdout)
                {
                    _console.Out.Write(result.Text);
                    continue;
                }

                if (!result.Changed) continue;
                changed++;
                if (check)
                {
                    // One path a line, as CI annotations and scripts read it.
                    _console.Out.WriteLine(Diagnostic.Printable(file));
                }
                else if (text.IndexOf('\uFFFD') >= 0)
                {
                    // Bytes that are not UTF-8 are read as U+FFFD: writing the text back would lose them for good.
                    CliErrors.Write(_console.Error, "'" + file + "' is not rewritten: it holds U+FFFD, the character bytes that are not UTF-8 are read as; save it as UTF-8 (or write the character as an escape) and format it again");
                    unwritten++;
                    changed--;
                }
                else
                {
                    try
                    {
                        // The real path checked inside the workspace: a link is not replaced by a file, its target is rewritten.
                        _fileSystem.WriteAllTextAtomic(realPath, result.Text!);
                    }
                    catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                    {
                        // One file that cannot be written (a read-only folder, a name too long for the file staged beside
                        // it) does not stop the others.
                        CliErrors.Write(_console.Error, "cannot write '" + file + "': " +
                            (ex is UnauthorizedAccessException ? "permission denied" : ex is PathTooLongException ? "the name is too long for the file staged beside it" : ex.Message));
                        unwritten++;
                    changed--;
                    }
                }
            }

            if (!settings.Quiet && !stdout)
            {
                var summary = check
                    ? Count(files.Count) + " checked, " + (changed == 0 && refused.Count == 0 ? "all formatted" : changed + " not formatted")
                    : Count(files.Count) + " checked, " + changed + " reformatted";
                if (refused.Count > 0) summary += ", " + refused.Select(d => d.Location?.Path).Distinct().Count() + " refused for errors";
                if (unwritten > 0) summary += ", " + unwritten + " not written";
                _console.Error.WriteLine(summary);
            }

            if (unwritten > 0) return ExitCodes.Usage;
            return refused.Count > 0 || (check && changed > 0) ? ExitCodes.Errors : ExitCodes.Success;
        }

        private static string Count(int files) => files == 1 ? "1 file" : files.ToString(System.Globalization.CultureInfo.InvariantCulture) + " files";
    }
}
