using System;
using System.Collections.Concurrent;
using ProgramDsl.LanguageServer.Workspace;
using ProgramDsl.Semantics;
using ProgramDsl.Syntax;
using ProgramDsl.Text;

namespace ProgramDsl.LanguageServer.Features
{
    /// <summary>
    /// A document as the editing features see it: the buffer's current text and its syntax tree, with the latest compile
    /// of the program that reads it for names and symbols. When the buffer is ahead of that compile (the debounce, a
    /// compile in flight), the tree is a parse of the buffer alone, which is fast; the names still come from the compile.
    /// Never waits for a compile.
    /// </summary>
    public sealed class DocumentView
    {
        private static readonly ConcurrentDictionary<string, SyntaxTree> BufferTrees = new ConcurrentDictionary<string, SyntaxTree>(StringComparer.Ordinal);
        private static readonly Lazy<SemanticModel> EmptyModel = new Lazy<SemanticModel>(() =>
            TpmProgram.Parse(string.Empty, "empty.tpm", new TpmCompileOptions { Schedule = false }).SemanticModel);

        private DocumentView(string path, SyntaxTree tree, CompiledProgram? compiled, bool isCompiledTree)
        {
            Path = path;
            Tree = tree;
            Compiled = compiled;
            IsCompiledTree = isCompiledTree;
        }

        /// <summary>The file (absolute, normalised).</summary>
        public string Path { get; }

        /// <summary>The buffer's text.</summary>
        public string Text => Tree.Source.Text;

        /// <summary>The buffer's source.</summary>
        public SourceText Source => Tree.Source;

        /// <summary>The syntax tree of the buffer's text.</summary>
        public SyntaxTree Tree { get; }

        /// <summary>The latest compile of the program that reads the file, or null (a fragment no program includes).</summary>
        public CompiledProgram? Compiled { get; }

        /// <summary>True when <see cref="Tree"/> is the compiled tree itself, so the model's symbols sit at its offsets.</summary>
        public bool IsCompiledTree { get; }

        /// <summary>The semantic model names come from: the compile's, or an empty one.</summary>
        public SemanticModel Model => Compiled?.Program.SemanticModel ?? EmptyModel.Value;

        /// <summary>The view of a file: its open buffer, else its text on disk; null when it cannot be read.</summary>
        public static DocumentView? For(ServerState state, string path)
        {
            var compiled = state.Compilations.AnswerFor(path);
            var text = state.Compilations.ReadText(path);
            var compiledTree = compiled?.TreeOf(path);
            if (text is null)
            {
                return compiledTree is null ? null : new DocumentView(path, compiledTree, compiled, true);
            }

            if (compiledTree != null && string.Equals(compiledTree.Source.Text, text, StringComparison.Ordinal)) return new DocumentView(path, compiledTree, compiled, true);
            if (state.Compilations.StandaloneTree(path) is SyntaxTree alone && string.Equals(alone.Source.Text, text, StringComparison.Ordinal)) return new DocumentView(path, alone, compiled, false);
            return new DocumentView(path, Parse(path, text), compiled, false);
        }

        /// <summary>The parse of a buffer, kept per file until its text changes (completion, tokens and folding ask in turn).</summary>
        private static SyntaxTree Parse(string path, string text)
        {
            if (BufferTrees.TryGetValue(path, out var tree) && string.Equals(tree.Source.Text, text, StringComparison.Ordinal)) return tree;
            tree = SyntaxTree.Parse(new SourceText(path, text));
            BufferTrees[path] = tree;
            return tree;
        }

        /// <summary>Forgets the parse of a closed buffer.</summary>
        public static void Forget(string path) => BufferTrees.TryRemove(path, out _);

        /// <summary>True while a parse of the buffer at <paramref name="path"/> is kept (tests).</summary>
        internal static bool HoldsParseOf(string path) => BufferTrees.ContainsKey(path);
    }
}
