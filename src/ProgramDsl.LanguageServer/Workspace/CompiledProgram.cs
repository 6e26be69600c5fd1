using System;
using System.Collections.Generic;
using System.Linq;
using ProgramDsl.Syntax;

namespace ProgramDsl.LanguageServer.Workspace
{
    /// <summary>How far a compiled program's leveling went.</summary>
    public enum CompileStage
    {
        /// <summary>Leveled with priority rules only (the first answer after an edit of a large plan).</summary>
        Quick,

        /// <summary>Leveled as <c>tpm schedule</c> levels it: the dates the editor shows are the CLI's dates.</summary>
        Final,
    }

    /// <summary>
    /// One compilation of a program file with the buffers as they were: what every feature answers from. It is never
    /// changed after it is made, so a request reads it without locks while the next compile runs.
    /// </summary>
    public sealed class CompiledProgram
    {
        private readonly Dictionary<string, SyntaxTree> _trees;

        internal CompiledProgram(string path, string workspace, TpmProgram program, CompileStage stage, long generation, TimeSpan elapsed)
        {
            Path = path;
            Workspace = workspace;
            Program = program;
            Stage = stage;
            Generation = generation;
            Elapsed = elapsed;
            _trees = new Dictionary<string, SyntaxTree>(StringComparer.Ordinal);
            foreach (var tree in program.SyntaxTrees)
            {
                var key = SourcePaths.Normalize(tree.Source.Path);
                if (!_trees.ContainsKey(key)) _trees[key] = tree;
            }
        }

        /// <summary>The program file (absolute, normalised).</summary>
        public string Path { get; }

        /// <summary>The workspace its includes were confined to.</summary>
        public string Workspace { get; }

        /// <summary>The compiled program: syntax, model, schedule, diagnostics.</summary>
        public TpmProgram Program { get; }

        /// <summary>Quick or final leveling.</summary>
        public CompileStage Stage { get; }

        /// <summary>Increases with every compile the server starts, across programs: newer answers win.</summary>
        public long Generation { get; }

        /// <summary>How long the compile took.</summary>
        public TimeSpan Elapsed { get; }

        /// <summary>The files it read: the program file first, then its includes (absolute, normalised).</summary>
        public IEnumerable<string> Files => _trees.Keys;

        /// <summary>True when the program read <paramref name="path"/>.</summary>
        public bool Contains(string path) => _trees.ContainsKey(path);

        /// <summary>The syntax tree of a file the program read, or null.</summary>
        public SyntaxTree? TreeOf(string path) => _trees.TryGetValue(path, out var tree) ? tree : null;

        /// <inheritdoc />
        public override string ToString() => Path + " (" + Stage + ", " + Program.Diagnostics.Count + " diagnostics)";

        internal IEnumerable<string> FilesInOrder => Program.SyntaxTrees.Select(t => SourcePaths.Normalize(t.Source.Path)).Distinct(StringComparer.Ordinal);
    }
}
