using System;
using System.Collections.Generic;
using System.Linq;
using ProgramDsl.Portfolios;
using ProgramDsl.Text;
using Diagnostic = ProgramDsl.Diagnostics.Diagnostic;

namespace ProgramDsl.LanguageServer.Workspace
{
    /// <summary>
    /// One check of a portfolio file with the buffers as they were (<c>tpm check PORTFOLIO</c>: each program as it stands,
    /// TPM2103 where their people and pools collide). Never changed after it is made.
    /// </summary>
    public sealed class CompiledPortfolio
    {
        private readonly HashSet<string> _files;

        internal CompiledPortfolio(string path, string workspace, TpmPortfolio portfolio, IEnumerable<string> entryPaths, long generation, TimeSpan elapsed)
        {
            Path = path;
            Workspace = workspace;
            Portfolio = portfolio;
            Generation = generation;
            Elapsed = elapsed;
            _files = new HashSet<string>(StringComparer.Ordinal) { path };
            var programFiles = new HashSet<string>(StringComparer.Ordinal);
            var texts = new Dictionary<string, SourceText>(StringComparer.Ordinal);
            foreach (var member in portfolio.Members)
            {
                var memberPath = PlanCompilations.Normalize(member.Path);
                programFiles.Add(memberPath);
                _files.Add(memberPath);
                foreach (var tree in member.Program.SyntaxTrees)
                {
                    var treePath = PlanCompilations.Normalize(tree.Source.Path);
                    _files.Add(treePath);
                    if (treePath == memberPath && !texts.ContainsKey(memberPath)) texts[memberPath] = tree.Source;
                }
            }

            // A program file that could not be read is read again when it appears.
            foreach (var entry in entryPaths) _files.Add(entry);

            // A program file's own diagnostics come from its own compile, or from this check while it read the same text
            // (PlanCompilations); the portfolio adds what only it knows: its file's, its shared members', and the collisions
            // between programs.
            var published = new List<Diagnostic>();
            var inPrograms = texts.Keys.ToDictionary(k => k, _ => new List<Diagnostic>(), StringComparer.Ordinal);
            foreach (var d in portfolio.Diagnostics)
            {
                var file = d.Location is SourceLocation at && at.Source != null ? PlanCompilations.Normalize(at.Path) : null;
                if (file != null && inPrograms.TryGetValue(file, out var list)) list.Add(d);
                if (file != null && d.Code != CrossProgramOverAllocation && programFiles.Contains(file)) continue;
                published.Add(d);
            }

            Published = published;
            ProgramFiles = texts.ToDictionary(t => t.Key, t => (t.Value.Text, (IReadOnlyList<Diagnostic>)inPrograms[t.Key]), StringComparer.Ordinal);
        }

        /// <summary>
        /// Each program file the portfolio checked: the text it read and the diagnostics located in it as the portfolio
        /// compiled it (with the portfolio's shared members), which the file shows while its buffer still holds that text.
        /// </summary>
        internal IReadOnlyDictionary<string, (string Text, IReadOnlyList<Diagnostic> Diagnostics)> ProgramFiles { get; }

        /// <summary>The code of a cross-program over-allocation, shown at each program's assignment.</summary>
        public const string CrossProgramOverAllocation = "TPM2103";

        /// <summary>The portfolio file (absolute, normalised).</summary>
        public string Path { get; }

        /// <summary>The workspace its paths were confined to.</summary>
        public string Workspace { get; }

        /// <summary>The checked portfolio.</summary>
        public TpmPortfolio Portfolio { get; }

        /// <summary>Increases with every compile the server starts: newer answers win.</summary>
        public long Generation { get; }

        /// <summary>How long the check took.</summary>
        public TimeSpan Elapsed { get; }

        /// <summary>The files it read or named: the portfolio, its programs and their includes (absolute, normalised).</summary>
        public IEnumerable<string> Files => _files;

        /// <summary>The diagnostics the portfolio adds to the files they are in (see the constructor).</summary>
        public IReadOnlyList<Diagnostic> Published { get; }

        /// <summary>True when the portfolio read or names <paramref name="path"/>.</summary>
        public bool Contains(string path) => _files.Contains(path);

        // The compiles of its programs as language features read them, made on first use (a request may come on any thread).
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, CompiledProgram?> _members =
            new System.Collections.Concurrent.ConcurrentDictionary<string, CompiledProgram?>(StringComparer.Ordinal);

        /// <summary>
        /// The portfolio's compile of the program file at <paramref name="path"/> (with the members it shares), as hover,
        /// navigation and completion read a program's own compile; null when no member's file is there.
        /// </summary>
        internal CompiledProgram? CompiledMember(string path) => _members.GetOrAdd(path, p =>
            MemberAt(p) is PortfolioMember member && member.Program.SyntaxTrees.Count > 0
                ? new CompiledProgram(p, Workspace, member.Program, CompileStage.Final, Generation, Elapsed)
                : null);

        /// <summary>The member whose program file is <paramref name="path"/>, or null.</summary>
        public PortfolioMember? MemberAt(string path) => Portfolio.Members.FirstOrDefault(m => string.Equals(PlanCompilations.Normalize(m.Path), path, StringComparison.Ordinal));

        /// <inheritdoc />
        public override string ToString() => Path + " (portfolio, " + Portfolio.Members.Count + " programs, " + Portfolio.Diagnostics.Count + " diagnostics)";
    }
}
