using System;
using System.Collections.Generic;
using System.Linq;
using ProgramDsl.Semantics;
using ProgramDsl.Syntax;
using ProgramDsl.Syntax.Formatting;
using ProgramDsl.Text;

namespace ProgramDsl.LanguageServer.Features.Completion
{
    /// <summary>What a completion item is, mapped to the protocol's item kinds by the handler.</summary>
    public enum CompletionKind
    {
        /// <summary>A statement keyword.</summary>
        Keyword,

        /// <summary>A word of a statement's vocabulary (<c>on</c>, <c>fairness</c>, <c>role</c>).</summary>
        Word,

        /// <summary>A declaration written out with a body.</summary>
        Snippet,

        /// <summary>A reference to a definition (<see cref="CompletionItemModel.SymbolKind"/> says which).</summary>
        Reference,
    }

    /// <summary>One completion item, before it becomes a protocol item.</summary>
    public sealed class CompletionItemModel
    {
        /// <summary>Creates an item.</summary>
        public CompletionItemModel(string label, CompletionKind kind, string? detail, string? documentation, string insertText, bool isSnippet, TextSpan replace, SymbolKind? symbolKind = null)
        {
            Label = label;
            Kind = kind;
            Detail = detail;
            Documentation = documentation;
            InsertText = insertText;
            IsSnippet = isSnippet;
            Replace = replace;
            SymbolKind = symbolKind;
        }

        /// <summary>What the list shows (and filters on).</summary>
        public string Label { get; }

        /// <summary>The item's kind.</summary>
        public CompletionKind Kind { get; }

        /// <summary>A short line beside the label: the kind and the quoted name of a definition, "keyword".</summary>
        public string? Detail { get; }

        /// <summary>The one-line doc of a keyword or word's statement.</summary>
        public string? Documentation { get; }

        /// <summary>The text written over <see cref="Replace"/>.</summary>
        public string InsertText { get; }

        /// <summary>True when <see cref="InsertText"/> is in the snippet syntax (tab stops).</summary>
        public bool IsSnippet { get; }

        /// <summary>The span the text replaces: the word being typed.</summary>
        public TextSpan Replace { get; }

        /// <summary>The kind of definition a reference names.</summary>
        public SymbolKind? SymbolKind { get; }

        /// <inheritdoc />
        public override string ToString() => Label;
    }

    /// <summary>
    /// Completion at a caret, from the core's position context (<see cref="SemanticModel.ContextAt"/>): the statement
    /// keywords of the block, the words of the statement being written, the names of the kinds it expects
    /// (<see cref="SemanticModel.ReferenceCandidates"/>) and declarations written out as snippets.
    /// </summary>
    public static class CompletionService
    {
        /// <summary>The declarations offered written out, in this order, where their keyword is allowed.</summary>
        private static readonly string[] SnippetKeywords = { Keywords.Task, Keywords.Milestone, Keywords.Risk, Keywords.Person, Keywords.Workstream };

        /// <summary>The items at <paramref name="offset"/> of the view's buffer.</summary>
        /// <param name="view">The document.</param>
        /// <param name="offset">The caret (clamped to the text).</param>
        /// <param name="snippets">True when the client accepts snippet syntax; else declarations are plain text.</param>
        public static IReadOnlyList<CompletionItemModel> Complete(DocumentView view, int offset, bool snippets)
        {
            offset = Math.Max(0, Math.Min(offset, view.Text.Length));
            var context = view.Model.ContextAt(view.Tree, offset);
            var items = new List<CompletionItemModel>();
            var replace = context.ReplacementSpan;
            switch (context.Kind)
            {
                case PositionKind.StatementKeyword:
                    foreach (var keyword in context.Keywords)
                    {
                        var doc = Statements.Lookup(keyword, context.Block)?.Doc;
                        items.Add(new CompletionItemModel(keyword, CompletionKind.Keyword, "keyword", doc, keyword, false, replace));
                    }

                    foreach (var keyword in SnippetKeywords)
                    {
                        if (!context.Keywords.Contains(keyword)) continue;
                        items.Add(Snippet(keyword, Statements.Lookup(keyword, context.Block)?.Doc, IndentationAt(view.Text, replace.Start), snippets, replace));
                    }

                    break;
                case PositionKind.Value:
                    var statement = context.StatementKeyword is null ? null : Statements.Lookup(context.StatementKeyword, context.Block);
                    foreach (var word in context.ExpectedWords)
                    {
                        items.Add(new CompletionItemModel(word, CompletionKind.Word, context.StatementKeyword, statement?.Doc, word, false, replace));
                    }

                    if (context.ExpectsReference)
                    {
                        foreach (var candidate in view.Model.ReferenceCandidates(context))
                        {
                            items.Add(new CompletionItemModel(candidate.Text, CompletionKind.Reference, Describe(candidate), candidate.Symbol?.Note, candidate.Text, false, replace, candidate.Kind));
                        }
                    }

                    break;
            }

            return items;
        }

        /// <summary>"task 'Train the model'": the kind and the quoted name (the title, else the id).</summary>
        private static string Describe(ReferenceCandidate candidate)
        {
            var kind = Symbol.KindWord(candidate.Kind);
            if (candidate.Symbol is null) return kind;
            return kind + " '" + candidate.Symbol.DisplayName + "'" + (candidate.Symbol.Id != candidate.Text ? " (" + candidate.Symbol.Id + ")" : string.Empty);
        }

        /// <summary>The white space before the caret's line's first character: the indentation snippet lines continue with.</summary>
        private static string IndentationAt(string text, int offset)
        {
            int start = offset;
            while (start > 0 && text[start - 1] != '\n' && text[start - 1] != '\r') start--;
            int end = start;
            while (end < text.Length && (text[end] == ' ' || text[end] == '\t')) end++;
            return text.Substring(start, end - start);
        }

        private static CompletionItemModel Snippet(string keyword, string? doc, string indent, bool snippets, TextSpan replace)
        {
            // The body's lines are indented one level (tpm fmt's step) past the line the declaration starts on; the text is
            // written with that indentation, so clients that insert as-is and clients that adjust get the same layout.
            var inner = indent + new string(' ', PlanFormatter.IndentSize);
            string body;
            string plain;
            switch (keyword)
            {
                case Keywords.Task:
                    body = "task ${1:id} \"${2:Title}\" {\n" + inner + "effort ${3:5d}\n" + inner + "assign ${4:person}$0\n" + indent + "}";
                    plain = "task id \"Title\" {\n" + inner + "effort 5d\n" + indent + "}";
                    break;
                case Keywords.Milestone:
                    body = "milestone ${1:id} \"${2:Title}\" {\n" + inner + "after ${3:task}$0\n" + indent + "}";
                    plain = "milestone id \"Title\" {\n" + inner + "due 2027-01-01\n" + indent + "}";
                    break;
                case Keywords.Risk:
                    body = "risk ${1:id} \"${2:Title}\" {\n" + inner + "likelihood ${3|low,medium,high|}\n" + inner + "impact ${4:5d}\n" + inner + "owner ${5:person}\n" + inner + "mitigation \"${6:What is done about it}\"$0\n" + indent + "}";
                    plain = "risk id \"Title\" {\n" + inner + "likelihood medium\n" + inner + "impact 5d\n" + inner + "mitigation \"What is done about it\"\n" + indent + "}";
                    break;
                case Keywords.Person:
                    body = "person ${1:id} \"${2:Name}\" {\n" + inner + "skills ${3:skill}\n" + inner + "rate ${4:800}/d$0\n" + indent + "}";
                    plain = "person id \"Name\" {\n" + inner + "rate 800/d\n" + indent + "}";
                    break;
                default:
                    body = "workstream ${1:id} \"${2:Title}\" {\n" + inner + "$0\n" + indent + "}";
                    plain = "workstream id \"Title\" {\n" + indent + "}";
                    break;
            }

            return new CompletionItemModel(keyword + " …", CompletionKind.Snippet, keyword + " with a body", doc, snippets ? body : plain, snippets, replace);
        }
    }
}
