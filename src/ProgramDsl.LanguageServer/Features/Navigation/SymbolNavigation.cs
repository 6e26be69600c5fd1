using System;
using System.Collections.Generic;
using System.Linq;
using ProgramDsl.LanguageServer.Workspace;
using ProgramDsl.Semantics;
using ProgramDsl.Syntax;
using ProgramDsl.Text;

namespace ProgramDsl.LanguageServer.Features.Navigation
{
    /// <summary>A name in a file: where go-to-definition lands, a reference, an edit's range.</summary>
    public readonly struct FileSpan : IEquatable<FileSpan>
    {
        /// <summary>Creates a span in a file.</summary>
        public FileSpan(string path, SourceText source, TextSpan span, bool isDeclaration = false)
        {
            Path = path;
            Source = source;
            Span = span;
            IsDeclaration = isDeclaration;
        }

        /// <summary>The file (absolute, normalised).</summary>
        public string Path { get; }

        /// <summary>The text the span is in (the compile's, which may lag the buffer).</summary>
        public SourceText Source { get; }

        /// <summary>The span.</summary>
        public TextSpan Span { get; }

        /// <summary>True for a declaration's name.</summary>
        public bool IsDeclaration { get; }

        /// <inheritdoc />
        public bool Equals(FileSpan other) => string.Equals(Path, other.Path, StringComparison.Ordinal) && Span.Equals(other.Span);

        /// <inheritdoc />
        public override bool Equals(object? obj) => obj is FileSpan other && Equals(other);

        /// <inheritdoc />
        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Path) ^ Span.GetHashCode();
    }

    /// <summary>The outcome of a rename: the edits, or why it is refused.</summary>
    public sealed class RenameOutcome
    {
        private RenameOutcome(IReadOnlyList<FileSpan> edits, string? problem)
        {
            Edits = edits;
            Problem = problem;
        }

        /// <summary>Every name to replace, across files and programs, each once, by file and offset.</summary>
        public IReadOnlyList<FileSpan> Edits { get; }

        /// <summary>Why the rename is refused, or null.</summary>
        public string? Problem { get; }

        internal static RenameOutcome Refused(string problem) => new RenameOutcome(Array.Empty<FileSpan>(), problem);

        internal static RenameOutcome Done(IReadOnlyList<FileSpan> edits) => new RenameOutcome(edits, null);
    }

    /// <summary>
    /// Definition, references, highlights and rename over the compiled programs of the workspace. A symbol is the same
    /// across programs when its declaration is: the same name in the same file. A fragment included by several programs
    /// therefore has its references gathered from all of them. Every language rule (what a name means, whether a new
    /// name clashes) is the core's <see cref="SemanticModel"/>; this class only joins programs and files.
    /// </summary>
    public sealed class SymbolNavigation
    {
        private readonly Func<string, IReadOnlyList<CompiledProgram>> _programsReading;

        /// <summary>Creates the service over a way to find the programs that read a file (<see cref="PlanCompilations.ProgramsReading"/>).</summary>
        public SymbolNavigation(Func<string, IReadOnlyList<CompiledProgram>> programsReading) => _programsReading = programsReading;

        /// <summary>
        /// The symbol named at <paramref name="offset"/> of <paramref name="path"/> in <paramref name="program"/>: the
        /// name under the caret, or the one just before it (a caret at a name's end still names it). Null elsewhere.
        /// </summary>
        public static SymbolReference? SymbolAt(CompiledProgram program, string path, int offset)
        {
            var tree = program.TreeOf(path);
            if (tree is null) return null;
            offset = Math.Max(0, Math.Min(offset, tree.Source.Length));
            var model = program.Program.SemanticModel;
            return model.SymbolAt(tree, offset) ?? (offset > 0 ? model.SymbolAt(tree, offset - 1) : null);
        }

        /// <summary>
        /// Where the name at <paramref name="offset"/> is declared (the declaration's name, in whichever file), or for an
        /// <c>include</c> statement the start of the file it read. Null when there is nothing to go to.
        /// </summary>
        public static FileSpan? Definition(CompiledProgram program, string path, int offset)
        {
            if (SymbolAt(program, path, offset) is SymbolReference found)
            {
                return program.Program.SemanticModel.GetDeclaration(found.Symbol) is SymbolDeclaration declaration ? Of(declaration) : (FileSpan?)null;
            }

            var tree = program.TreeOf(path);
            if (tree is null) return null;
            offset = Math.Max(0, Math.Min(offset, tree.Source.Length));
            foreach (var node in tree.FindPath(offset))
            {
                if (node is IncludeSyntax include && program.Program.SemanticModel.GetIncludedTree(include) is SyntaxTree included)
                {
                    return new FileSpan(PlanCompilations.Normalize(included.Source.Path), included.Source, new TextSpan(0, 0));
                }
            }

            return null;
        }

        /// <summary>The names of the symbol at <paramref name="offset"/> in <paramref name="path"/> only: what an editor highlights.</summary>
        public static IReadOnlyList<FileSpan> Highlights(CompiledProgram program, string path, int offset)
        {
            if (!(SymbolAt(program, path, offset) is SymbolReference found)) return Array.Empty<FileSpan>();
            return program.Program.SemanticModel.FindReferences(found.Symbol, includeDeclaration: true)
                .Select(r => Of(r))
                .Where(r => string.Equals(r.Path, path, StringComparison.Ordinal))
                .Distinct()
                .ToArray();
        }

        /// <summary>
        /// Every name of the symbol at <paramref name="offset"/> across the programs that read its declaration's file
        /// (each reference segment, and the declaration when <paramref name="includeDeclaration"/>), each once, by file
        /// and offset. Empty when no symbol is named there.
        /// </summary>
        public IReadOnlyList<FileSpan> References(CompiledProgram program, string path, int offset, bool includeDeclaration)
        {
            if (!(SymbolAt(program, path, offset) is SymbolReference found)) return Array.Empty<FileSpan>();
            var names = new List<FileSpan>();
            foreach (var (other, symbol) in SameSymbolEverywhere(program, found.Symbol))
            {
                names.AddRange(other.Program.SemanticModel.FindReferences(symbol, includeDeclaration).Select(r => Of(r)));
            }

            return Ordered(names);
        }

        /// <summary>
        /// The name at <paramref name="offset"/> and its span, when it names a symbol that can be renamed; null for
        /// keywords, values, unresolved names, skills and anything else that is not a user's definition.
        /// </summary>
        public static FileSpan? PrepareRename(CompiledProgram program, string path, int offset)
        {
            if (!(SymbolAt(program, path, offset) is SymbolReference found)) return null;
            if (!program.Program.SemanticModel.CanRename(found.Symbol).IsAllowed) return null;
            return Of(found);
        }

        /// <summary>
        /// Renames the symbol at <paramref name="offset"/> to <paramref name="newName"/> in every program that reads its
        /// declaration's file: every reference segment that names it (only that segment of a qualified name) and the
        /// declaration. Refused when there is no symbol there, or when any of those programs' semantic models refuses the
        /// name (not an identifier, a keyword, a clash in the symbol's scope, a reference that would change meaning).
        /// </summary>
        public RenameOutcome Rename(CompiledProgram program, string path, int offset, string newName)
        {
            if (!(SymbolAt(program, path, offset) is SymbolReference found)) return RenameOutcome.Refused("there is no definition to rename here; put the cursor on the name of a definition or on a reference to one");
            var edits = new List<FileSpan>();
            var everywhere = SameSymbolEverywhere(program, found.Symbol);
            foreach (var (other, symbol) in everywhere)
            {
                var check = other.Program.SemanticModel.CheckRename(symbol, newName);
                if (!check.IsAllowed)
                {
                    var where = everywhere.Count > 1 ? " (in program " + System.IO.Path.GetFileName(other.Path) + ")" : string.Empty;
                    return RenameOutcome.Refused("cannot rename " + symbol.Describe() + " to '" + newName + "': " + check.Problem + where);
                }

                edits.AddRange(other.Program.SemanticModel.FindReferences(symbol, includeDeclaration: true).Select(r => Of(r)));
            }

            var ordered = Ordered(edits);
            if (SharedElsewhere(ordered, everywhere) is string shared) return RenameOutcome.Refused("cannot rename " + found.Symbol.Describe() + " to '" + newName + "': " + shared);
            return RenameOutcome.Done(ordered);
        }

        /// <summary>
        /// A reason to refuse when an edited name is also read by a program the rename does not cover, where it names
        /// something else (a fragment included by two programs that each declare their own 'ana'): renaming one would
        /// break the other.
        /// </summary>
        private string? SharedElsewhere(IReadOnlyList<FileSpan> edits, IReadOnlyList<(CompiledProgram Program, Symbol Symbol)> covered)
        {
            foreach (var file in edits.GroupBy(e => e.Path))
            {
                foreach (var other in _programsReading(file.Key))
                {
                    if (covered.Any(c => string.Equals(c.Program.Path, other.Path, StringComparison.Ordinal))) continue;
                    if (!(other.TreeOf(file.Key) is SyntaxTree tree)) continue;
                    foreach (var edit in file)
                    {
                        if (other.Program.SemanticModel.SymbolAt(tree, edit.Span.Start) is SymbolReference there)
                        {
                            var at = tree.GetLocation(edit.Span).Start;
                            return "the name at " + System.IO.Path.GetFileName(file.Key) + " line " + at.Line + " is also read by program "
                                + System.IO.Path.GetFileName(other.Path) + ", where it names its own " + there.Symbol.Describe();
                        }
                    }
                }
            }

            return null;
        }

        /// <summary>
        /// The symbol in each program that reads its declaration's file, with the program it belongs to: the given
        /// program first. Programs compiled from other text (a lagging compile) whose declaration is not at the same
        /// place are skipped.
        /// </summary>
        private IReadOnlyList<(CompiledProgram Program, Symbol Symbol)> SameSymbolEverywhere(CompiledProgram program, Symbol symbol)
        {
            var result = new List<(CompiledProgram, Symbol)> { (program, symbol) };
            if (!(program.Program.SemanticModel.GetDeclaration(symbol) is SymbolDeclaration declaration)) return result;
            var file = PlanCompilations.Normalize(declaration.Tree.Source.Path);
            foreach (var other in _programsReading(file))
            {
                if (string.Equals(other.Path, program.Path, StringComparison.Ordinal)) continue;
                if (!(other.TreeOf(file) is SyntaxTree tree)) continue;
                var same = other.Program.SemanticModel.SymbolAt(tree, declaration.NameSpan.Start);
                if (same != null && same.IsDeclaration && same.Symbol.Kind == symbol.Kind && string.Equals(same.Symbol.Id, symbol.Id, StringComparison.Ordinal))
                {
                    result.Add((other, same.Symbol));
                }
            }

            return result;
        }

        private static IReadOnlyList<FileSpan> Ordered(IEnumerable<FileSpan> spans) =>
            spans.Distinct().OrderBy(s => s.Path, StringComparer.Ordinal).ThenBy(s => s.Span.Start).ToArray();

        private static FileSpan Of(SymbolReference reference) =>
            new FileSpan(PlanCompilations.Normalize(reference.Tree.Source.Path), reference.Tree.Source, reference.Span, reference.IsDeclaration);

        private static FileSpan Of(SymbolDeclaration declaration) =>
            new FileSpan(PlanCompilations.Normalize(declaration.Tree.Source.Path), declaration.Tree.Source, declaration.NameSpan, true);
    }
}
