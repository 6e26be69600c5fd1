using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using ProgramDsl.Cli.Infrastructure;
using ProgramDsl.Cli.Output;
using ProgramDsl.Reports.Mspdi;

namespace ProgramDsl.Cli.Commands
{
    /// <summary>
    /// <c>tpm import FILE.xml [-o OUT.tpm]</c>: an MS Project plan saved as XML (MSPDI) as a <c>.tpm</c> program. The
    /// program is compiled before it is written: a file that is not MSPDI, or a plan that would not read back, is a
    /// usage error (exit 2) and writes nothing. What the plan could not keep exactly is listed as notes.
    /// </summary>
    public sealed class ImportCommand
    {
        /// <summary>Syntax and reference errors: the importer writes every name and reference itself.</summary>
        private static readonly string[] ImportMistakes = { "TPM0001", "TPM1001", "TPM1002", "TPM1003", "TPM1004", "TPM1005" };

        private readonly IConsoleEnvironment _console;
        private readonly IFileSystem _fileSystem;
        private readonly PlanLoader _loader;

        public ImportCommand(IConsoleEnvironment console, IFileSystem fileSystem, PlanLoader loader)
        {
            _console = console;
            _fileSystem = fileSystem;
            _loader = loader;
        }

        public Command Build(CommonOptions common)
        {
            var file = new Argument<string>("file") { Description = "An MS Project plan saved as XML (File > Save As > XML Format)" };
            var output = new Option<string?>("--out", "-o") { Description = "The .tpm file to write (default: the XML file's name with .tpm)" };
            CommonOptions.RequireUsablePath(output);
            var force = new Option<bool>("--force") { Description = "Overwrite the output file when it exists" };
            var command = new Command("import", "Turn an MS Project plan (MSPDI XML) into a .tpm program; exit 1 if the imported program has errors, 2 if the file cannot be read");
            command.Arguments.Add(file);
            command.Options.Add(output);
            command.Options.Add(force);
            // --workspace too: it decides which .globalconfig files apply to the program written, as for tpm check.
            common.AddTo(command);
            command.SetAction(result => Run(result.GetValue(file)!, result.GetValue(output), result.GetValue(force), common.Read(result)));
            return command;
        }

        public int Run(string file, string? output, bool force, CommonSettings settings)
        {
            if (_fileSystem.DirectoryExists(file) || !_fileSystem.FileExists(file)) throw new UsageException("no such file: '" + file + "'");
            // Never opened unless it is a regular file: a FIFO would block the read, a device never end it.
            var input = _fileSystem.Inspect(file);
            if (input.Kind != PathKind.RegularFile) throw new UsageException("'" + file + "' is " + input.Describe() + ", not a regular file");
            if (input.Length > InputLimits.MaxFileBytes) throw new UsageException("'" + file + "' is " + input.Length.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " bytes, over the limit of " +
                InputLimits.MaxFileBytes.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " bytes (64 MiB) for an input file");
            var target = output ?? Path.ChangeExtension(file, ".tpm");
            if (string.Equals(_fileSystem.GetFullPath(target), _fileSystem.GetFullPath(file), StringComparison.Ordinal))
            {
                throw new UsageException("the output '" + target + "' is the input file; name another with --out");
            }

            if (_fileSystem.FileExists(target) && !force) throw new UsageException("'" + target + "' already exists; use --force to overwrite it or --out to name another file");
            // The configs of the program written, found and read as tpm check finds and reads a plan's (workspace rule,
            // FIFOs and devices, size limit, located TPM0002): before the import, so a usage error writes nothing.
            var config = _loader.ConfigFor(target, settings.ConfigPath, settings.Workspace);

            // Bytes, not text: the XML reader decodes them as the file's byte order mark or declaration says. Checked
            // again on the open file (a FIFO or a larger file put in its place since is not read).
            var read = MspdiReader.Read(_fileSystem.ReadAllBytes(file));
            if (read.Project is null)
            {
                foreach (var problem in read.Problems) CliErrors.Write(_console.Error, problem.Format(file));
                return ExitCodes.Usage;
            }

            var import = MspdiImporter.Import(read.Project, Path.GetFileName(file));
            if (import.Text is null) throw new UsageException(file + ": " + import.Problem);

            var options = new TpmCompileOptions { Severities = config.Severities, ConfigurationDiagnostics = config.Diagnostics, WarningsAsErrors = settings.WarningsAsErrors };
            var compiled = TpmProgram.Parse(import.Text, SourcePaths.Normalize(target), options);

            // Syntax and name errors would be tpm import's own mistakes, not the plan's: nothing is written. Other errors
            // (a deadline the plan misses, a finish before a start) are the plan's, and the program is written for the user to fix.
            var broken = compiled.Diagnostics.Where(d => d.IsError && ImportMistakes.Contains(d.Code)).ToList();
            if (broken.Count > 0)
            {
                _console.Error.WriteLine("tpm: internal error: the program imported from '" + file + "' does not compile (please report this with the file): " + broken[0]);
                return ExitCodes.Usage;
            }

            _fileSystem.WriteAllTextAtomic(target, import.Text);
            // What the import cut to stay within the limits, at its place in the XML file: printed even with --quiet,
            // because the plan written is not all of the file.
            foreach (var warning in import.Warnings) _console.Error.WriteLine("tpm: warning: " + ProgramDsl.Diagnostics.Diagnostic.Printable(warning.Format(file)));
            DiagnosticPrinter.WriteText(_console.Out, compiled.Diagnostics, new Ansi(false));
            if (!settings.Quiet)
            {
                // Notes quote names from the file: escaped, so a name holding a line break cannot start a line of its own.
                foreach (var note in import.Notes) _console.Error.WriteLine("tpm: note: " + ProgramDsl.Diagnostics.Diagnostic.Printable(note));
                _console.Out.WriteLine("wrote " + target);
                _console.Error.WriteLine(DiagnosticPrinter.Summary(1, compiled.Diagnostics));
            }

            return compiled.HasErrors ? ExitCodes.Errors : ExitCodes.Success;
        }
    }
}
