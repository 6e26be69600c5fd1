using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using ProgramDsl.Cli.Infrastructure;

namespace ProgramDsl.Cli.Commands
{
    /// <summary>
    /// <c>tpm init [DIR] [--template ml|minimal] [--start DATE]</c>: writes a commented starter plan, <c>DIR/program.tpm</c>,
    /// that compiles with no diagnostic. It never writes over a file: when the plan's path exists it is a usage error
    /// (exit 2) and nothing is written.
    /// </summary>
    /// <remarks>
    /// The templates are embedded text with date placeholders, <c>{{start}}</c> and <c>{{start+N}}</c> (N calendar days
    /// later), so every date of the plan moves with its start. The start defaults to the next Monday on or after today,
    /// a plan a user can begin with; <c>--start</c> fixes it, and the same arguments then give the same bytes.
    /// </remarks>
    public sealed class InitCommand
    {
        /// <summary>The file the plan is written to: the name the README and the examples use for a program.</summary>
        public const string FileName = "program.tpm";

        /// <summary>The templates, the default first.</summary>
        public static readonly string[] Templates = { "ml", "minimal" };

        // The latest start whose plan still ends inside the compiler's calendar (9999-12-31): the templates span under a year.
        private static readonly DateTime LatestStart = new DateTime(9998, 12, 31);

        private static readonly Regex Placeholder = new Regex(@"\{\{start(?:\+(\d{1,4}))?\}\}", RegexOptions.CultureInvariant);

        private readonly IConsoleEnvironment _console;
        private readonly IFileSystem _fileSystem;
        private readonly TimeProvider _clock;

        public InitCommand(IConsoleEnvironment console, IFileSystem fileSystem, TimeProvider clock)
        {
            _console = console;
            _fileSystem = fileSystem;
            _clock = clock;
        }

        public Command Build(CommonOptions common)
        {
            var dir = new Argument<string>("dir") { Description = "The folder to write program.tpm in (default: the current folder; created if missing)", DefaultValueFactory = _ => "." };
            var template = new Option<string>("--template", "-t") { Description = "The starter plan: ml (an ML program with reviews, gates, risks and a budget) or minimal", DefaultValueFactory = _ => Templates[0] };
            template.AcceptOnlyFromAmong(Templates);
            var start = new Option<DateTime?>("--start") { HelpName = "YYYY-MM-DD", Description = "The program's start date, YYYY-MM-DD (default: the next Monday on or after today); the plan's other dates follow it" };
            start.CustomParser = result =>
            {
                if (result.Tokens.Count == 0) return null;
                var text = result.Tokens[result.Tokens.Count - 1].Value;
                if (TryParseStart(text, out var date)) return date;
                var typed = (result.Parent as System.CommandLine.Parsing.OptionResult)?.IdentifierToken?.Value ?? "--start";
                result.AddError(StartMessage(typed, text));
                return null;
            };
            var quiet = new Option<bool>("--quiet", "-q") { Description = "Print nothing when the plan is written" };
            var command = new Command("init", "Write a commented starter plan, program.tpm, that compiles clean; never overwrites a file (exit 2 instead)");
            command.Arguments.Add(dir);
            command.Options.Add(template);
            command.Options.Add(start);
            command.Options.Add(quiet);
            command.SetAction(result => Run(result.GetValue(dir)!, result.GetValue(template)!, result.GetValue(start), result.GetValue(quiet)));
            return command;
        }

        /// <summary>The message for a <c>--start</c> that is not a date the plan can start on (public for the tests).</summary>
        public static string StartMessage(string option, string given) =>
            "option '" + option + "' expects a date YYYY-MM-DD up to 9998-12-31; got '" + given + "'";

        /// <summary>A date written YYYY-MM-DD exactly (the language's form), no later than the latest start.</summary>
        public static bool TryParseStart(string text, out DateTime date) =>
            DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date) && date <= LatestStart;

        /// <summary>The next Monday on or after <paramref name="today"/>: a plan begins with a week.</summary>
        public static DateTime NextMonday(DateTime today) => today.Date.AddDays(((int)DayOfWeek.Monday - (int)today.DayOfWeek + 7) % 7);

        /// <summary>The text of a template with its dates placed relative to <paramref name="start"/>.</summary>
        public static string Render(string template, DateTime start)
        {
            var text = Placeholder.Replace(ReadTemplate(template), m =>
            {
                int days = m.Groups[1].Success ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
                return start.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            });
            // A placeholder misspelled in a template would otherwise reach the user as a syntax error.
            if (text.Contains("{{", StringComparison.Ordinal)) throw new InvalidOperationException("template '" + template + "' has an unknown placeholder");
            return text;
        }

        private static string ReadTemplate(string template)
        {
            using var stream = typeof(InitCommand).Assembly.GetManifestResourceStream("ProgramDsl.Cli.Templates." + template + ".tpm")
                ?? throw new InvalidOperationException("no template '" + template + "'");
            using var reader = new StreamReader(stream, new UTF8Encoding(false));
            // LF whatever the checkout did to the resource file, so the plan written is the same bytes everywhere.
            return reader.ReadToEnd().Replace("\r\n", "\n");
        }

        public int Run(string dir, string template, DateTime? start, bool quiet)
        {
            var target = dir == "." ? FileName : Path.Combine(dir, FileName);
            var folder = _fileSystem.Inspect(dir);
            if (folder.Kind != PathKind.Missing && folder.Kind != PathKind.Folder) throw new UsageException("'" + dir + "' is " + folder.Describe() + ", not a folder");
            // Anything at the path, even a folder or a FIFO, is someone's: init writes only where nothing is.
            if (_fileSystem.Inspect(target).Kind != PathKind.Missing || _fileSystem.FileExists(target) || _fileSystem.DirectoryExists(target))
            {
                throw new UsageException("'" + target + "' already exists; tpm init writes nothing over it (choose another folder)");
            }

            var first = start ?? NextMonday(_clock.GetLocalNow().DateTime);
            var text = Render(template, first);
            bool written;
            try
            {
                written = _fileSystem.TryWriteNewTextAtomic(target, text);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                // The system's words name the file staged beside the plan; say what could not be written instead.
                throw new UsageException("cannot write '" + target + "': " +
                    (ex is UnauthorizedAccessException ? "permission denied" : ex is DirectoryNotFoundException ? "a part of the folder's path is not a folder" : CliErrors.Clause(ex.Message)));
            }

            if (!written)
            {
                throw new UsageException("'" + target + "' already exists; tpm init writes nothing over it (choose another folder)");
            }

            if (!quiet)
            {
                // Escaped as diagnostics are: a folder name with a line break must not start a line of its own.
                var plan = ProgramDsl.Diagnostics.Diagnostic.Printable(Quote(target));
                _console.Out.WriteLine("wrote " + ProgramDsl.Diagnostics.Diagnostic.Printable(target) + " (template " + template + ", starting " + first.ToString("dddd yyyy-MM-dd", CultureInfo.InvariantCulture) + ")");
                _console.Out.WriteLine("next:");
                _console.Out.WriteLine("  tpm check " + plan);
                _console.Out.WriteLine("  tpm schedule " + plan);
            }

            return ExitCodes.Success;
        }

        // A path as a shell word: as it is when it needs no quoting, else in single quotes.
        private static string Quote(string path) =>
            path.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '/' or '-' or '_' || c == Path.DirectorySeparatorChar)
                ? path
                : "'" + path.Replace("'", "'\\''") + "'";
    }
}
