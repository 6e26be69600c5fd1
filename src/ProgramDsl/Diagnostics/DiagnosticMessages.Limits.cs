using System.Collections.Generic;
using ProgramDsl.Text;

namespace ProgramDsl.Diagnostics
{
    // Input limits, reading and includes (TPM1004, TPM1006, TPM1007).
    public static partial class DiagnosticCatalog
    {
        /// <summary>TPM1007: a line longer than <see cref="InputLimits.MaxLineLength"/>.</summary>
        public static Diagnostic LineTooLong(SourceLocation at) =>
            Make(InputLimitExceeded, at, "this line is longer than the limit of " + Count(InputLimits.MaxLineLength) + " characters; break it into several lines");

        /// <summary>TPM1007: a number longer than <paramref name="limit"/> characters.</summary>
        public static Diagnostic NumberTooLong(SourceLocation at, int limit) =>
            Make(InputLimitExceeded, at, "a number longer than the limit of " + Count(limit) + " characters");

        /// <summary>TPM1007: a name longer than <paramref name="limit"/> characters; <paramref name="name"/> is shown by its first 40.</summary>
        public static Diagnostic NameTooLong(SourceLocation at, int limit, string name) =>
            Make(InputLimitExceeded, at, "a name longer than the limit of " + Count(limit) + " characters ('" + name.Substring(0, System.Math.Min(40, name.Length)) + "…'); shorten it");

        /// <summary>TPM1007: blocks nested deeper than <see cref="InputLimits.MaxNestingDepth"/>.</summary>
        public static Diagnostic NestingTooDeep(SourceLocation at) =>
            Make(InputLimitExceeded, at, "blocks nest deeper than the limit of " + Count(InputLimits.MaxNestingDepth) +
                " (the program, its workstreams and a task each count one); flatten the workstreams or split the plan");

        /// <summary>TPM1007: a string longer than <see cref="InputLimits.MaxStringLength"/>.</summary>
        public static Diagnostic StringTooLong(SourceLocation at) =>
            Make(InputLimitExceeded, at, "a string longer than the limit of " + Count(InputLimits.MaxStringLength) + " characters; shorten it");

        /// <summary>TPM1007: the first token past <see cref="InputLimits.MaxTokens"/>.</summary>
        public static Diagnostic TooManyTokens(SourceLocation at, bool countingIncludes) =>
            Make(InputLimitExceeded, at, "the program has more tokens (names, numbers and strings) than the limit of " + Count(InputLimits.MaxTokens) +
                (countingIncludes ? ", counting its includes" : string.Empty) + "; this is the first past it; split the plan into several programs");

        /// <summary>TPM1007: the first declaration past <see cref="InputLimits.MaxDeclarations"/>.</summary>
        public static Diagnostic TooManyDeclarations(SourceLocation at, bool countingIncludes) =>
            Make(InputLimitExceeded, at, "the program has more declarations (tasks, milestones, workstreams, people and other named blocks) than the limit of " +
                Count(InputLimits.MaxDeclarations) + (countingIncludes ? ", counting its includes" : string.Empty) +
                "; this is the first past it; split the plan into several programs");

        /// <summary>TPM1007: a program not compiled because the run already compiled <paramref name="compiled"/> tokens.</summary>
        public static Diagnostic RunTokenLimit(SourceLocation at, long compiled, long limit) =>
            Make(InputLimitExceeded, at, "not compiled: this run has already compiled " + Count(compiled) + " tokens, past the limit of " +
                Count(limit) + " for one run (a fragment counts once for each program that includes it); check this program on its own");

        /// <summary>TPM1007: the note that replaces the diagnostics past the per-program limits.</summary>
        public static Diagnostic DiagnosticsCut(SourceLocation? at, int hidden, int errors, bool byCount) =>
            Make(InputLimitExceeded, at, Plural.Of(hidden, "more diagnostic") + " from here on " + (hidden == 1 ? "is" : "are") + " not reported (" +
                (errors == hidden ? "all errors" : errors == 0 ? "no errors" : Plural.Of(errors, "error")) + "): " +
                (byCount
                    ? "a program reports at most " + Count(InputLimits.MaxDiagnostics)
                    : "a program reports at most " + Count(InputLimits.MaxDiagnosticChars) + " characters of diagnostics") +
                "; fix the ones above and check again");

        /// <summary>TPM1007: includes nested deeper than <see cref="InputLimits.MaxIncludeDepth"/>.</summary>
        public static Diagnostic IncludesTooDeep(SourceLocation at, string include) =>
            Make(InputLimitExceeded, at, "cannot include '" + include + "': includes nest deeper than the limit of " +
                InputLimits.MaxIncludeDepth.ToString(System.Globalization.CultureInfo.InvariantCulture) + " files");

        /// <summary>TPM1007: an include that would make the program longer than <see cref="InputLimits.MaxProgramChars"/>.</summary>
        public static Diagnostic IncludesTooLong(SourceLocation at, string include) =>
            Make(InputLimitExceeded, at, "cannot include '" + include + "': the program and its includes would be longer than the limit of " +
                Count(InputLimits.MaxProgramChars) + " characters together; split it into several programs");

        /// <summary>TPM1007: a file not formatted because its formatted text would be over <see cref="InputLimits.MaxProgramChars"/> characters.</summary>
        public static Diagnostic FormattedTextTooLong(SourceLocation at) =>
            Make(InputLimitExceeded, at, "the file is not formatted: its formatted text would be over the limit of " +
                Count(InputLimits.MaxProgramChars) + " characters for a file");

        /// <summary>TPM1007: a file not formatted because its formatted text would be over <see cref="InputLimits.MaxFileBytes"/>.</summary>
        public static Diagnostic FormattedFileTooLarge(SourceLocation at) =>
            Make(InputLimitExceeded, at, "the file is not formatted: its formatted text would be over the limit of " +
                Count(InputLimits.MaxFileBytes) + " bytes (64 MiB) for a plan file");

        /// <summary>The code of <paramref name="problem"/>: a file not formatted because its formatted text would not compile.</summary>
        public static Diagnostic FormattedTextWouldNotCompile(SourceLocation at, Diagnostic problem) =>
            Make(problem.Descriptor, at, "the file is not formatted: its formatted text would not compile (" + problem.Code + ": " + problem.Message + ")");

        /// <summary>
        /// TPM1007: a program id that cannot name its artefact folder; <paramref name="problem"/> is the file system's
        /// reason, a whole sentence that the build tool words (it alone knows the output folder and the platform).
        /// </summary>
        public static Diagnostic ArtefactFolderUnusable(SourceLocation at, string problem) => Make(InputLimitExceeded, at, problem);

        /// <summary>TPM1004: an include cycle, as the chain of paths that closes it.</summary>
        public static Diagnostic IncludeCycle(SourceLocation at, IEnumerable<string> cycle) =>
            Make(IncludeError, at, "include cycle: " + string.Join(" → ", cycle) + "; remove one of these includes");

        /// <summary>TPM1004: a file included twice; <paramref name="first"/> is where, when known.</summary>
        public static Diagnostic AlreadyIncluded(SourceLocation at, string include, SourceLocation? first) =>
            new Diagnostic(IncludeError, IncludeError.DefaultSeverity,
                "'" + include + "' is already included" + (first is null ? string.Empty : " at " + first) + "; include each file once",
                at, first is SourceLocation f ? new[] { f } : System.Array.Empty<SourceLocation>());

        /// <summary>TPM1004: an included file that declares a program.</summary>
        public static Diagnostic IncludedProgram(SourceLocation at, string include, string program) =>
            Make(IncludeError, at, "'" + include + "' declares program '" + program + "'; an included file holds members only");

        /// <summary>TPM1004: an included file that is a portfolio.</summary>
        public static Diagnostic IncludedPortfolio(SourceLocation at, string include, string portfolio) =>
            Make(IncludeError, at, "'" + include + "' is portfolio '" + portfolio + "'; an included file holds members only (a portfolio names its programs, not the other way round)");

        /// <summary>TPM1004, TPM1006 or TPM1007 (after the error's kind): a program file that cannot be read.</summary>
        public static Diagnostic CannotRead(SourceLocation at, string path, SourceReadError error) =>
            Make(ForReadError(error), at, "cannot read '" + path + "': " + error.Message);

        /// <summary>TPM1004, TPM1006 or TPM1007 (after the error's kind): an include that cannot be read at <paramref name="resolved"/>.</summary>
        public static Diagnostic CannotInclude(SourceLocation at, string include, SourceReadError error, string resolved) =>
            Make(ForReadError(error), at, "cannot include '" + include + "': " + error.Message + " (looked for '" + resolved + "')");

        private static DiagnosticDescriptor ForReadError(SourceReadError error) => error.Kind switch
        {
            SourceFailure.OutsideWorkspace => IncludeOutsideWorkspace,
            SourceFailure.NotRegularFile => IncludeOutsideWorkspace,
            SourceFailure.TooLarge => InputLimitExceeded,
            _ => IncludeError,
        };
    }
}
