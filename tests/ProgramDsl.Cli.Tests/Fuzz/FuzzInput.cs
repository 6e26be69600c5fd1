using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace ProgramDsl.Cli.Tests.Fuzz
{
    /// <summary>
    /// One fuzz input: the files of a workspace, the symbolic links in it, and the command lines to run there in turn.
    /// Paths are relative to the workspace folder and use '/'. The text <see cref="RootToken"/> in a file or an argument
    /// stands for the absolute path of the run's temporary root (the folder that holds the workspace and, beside it,
    /// the files a plan must never read), so generated inputs can name absolute paths that exist only at run time.
    /// </summary>
    public sealed class FuzzInput
    {
        /// <summary>Replaced by the absolute path of the run's root folder (no trailing separator).</summary>
        public const string RootToken = "@@ROOT@@";

        public FuzzInput(string category, long seed, string description)
        {
            Category = category;
            Seed = seed;
            Description = description;
        }

        public string Category { get; }

        public long Seed { get; }

        /// <summary>What the input is, for the report (e.g. "generated program, 12 tasks").</summary>
        public string Description { get; }

        /// <summary>Workspace files by relative path.</summary>
        public Dictionary<string, byte[]> Files { get; } = new Dictionary<string, byte[]>(StringComparer.Ordinal);

        /// <summary>
        /// Whether the input's text is valid in its encoding with no replacement character (U+FFFD), so none may appear
        /// in any output (a name cut inside a surrogate pair, a file decoded with the wrong encoding). When null, it is
        /// true exactly when every file is strict UTF-8 without U+FFFD.
        /// </summary>
        public bool? CleanText { get; set; }

        /// <summary>Symbolic links to create: link path (relative to the workspace) and target (as written, may be relative).</summary>
        public List<(string Link, string Target)> Symlinks { get; } = new List<(string, string)>();

        /// <summary>The command lines, run one after the other in the same workspace.</summary>
        public List<FuzzCommand> Commands { get; } = new List<FuzzCommand>();

        public FuzzInput AddText(string path, string text)
        {
            Files[path] = new UTF8Encoding(false).GetBytes(text);
            return this;
        }

        public FuzzInput Run(params string[] args) => Run(new FuzzCommand(args));

        public FuzzInput Run(FuzzCommand command)
        {
            Commands.Add(command);
            return this;
        }

        public override string ToString() =>
            Category + " #" + Seed + " (" + Description + "): " + string.Join(" ; ", Commands.Select(c => c.ToString()));
    }

    /// <summary>One command line and what may be written by it.</summary>
    public sealed class FuzzCommand
    {
        public FuzzCommand(params string[] args) => Args = args;

        public string[] Args { get; }

        /// <summary>
        /// Workspace-relative folders or files the command may create or change (a build's output folder, an import's
        /// output file). Anything else that changes in the run's root is a failure.
        /// </summary>
        public List<string> MayWrite { get; } = new List<string>();

        /// <summary>When set, standard output must parse as JSON whenever the exit code is 0 or 1.</summary>
        public bool JsonOutput { get; set; }

        public FuzzCommand Writes(string path)
        {
            MayWrite.Add(path);
            return this;
        }

        public FuzzCommand Json()
        {
            JsonOutput = true;
            return this;
        }

        /// <summary>When set, the command runs only if this workspace file exists by then (e.g. what an import wrote).</summary>
        public string? OnlyIfExists { get; private set; }

        public FuzzCommand OnlyIf(string path)
        {
            OnlyIfExists = path;
            return this;
        }

        public override string ToString() => "tpm " + string.Join(" ", Args.Select(Quote));

        /// <summary>An argument as a POSIX shell would need it, so a reproducer can be pasted.</summary>
        public static string Quote(string arg) =>
            arg.Length > 0 && arg.All(c => char.IsLetterOrDigit(c) || "-_./=:,+@%".IndexOf(c) >= 0) ? arg : "'" + arg.Replace("'", "'\\''") + "'";
    }
}
