using System;
using System.Collections.Generic;
using System.Linq;
using ProgramDsl.LanguageServer.Features.Formatting;
using ProgramDsl.Scheduling;
using ProgramDsl.Semantics;
using ProgramDsl.Syntax;
using ProgramDsl.Syntax.Formatting;
using ProgramDsl.Text;
using Diagnostic = ProgramDsl.Diagnostics.Diagnostic;

namespace ProgramDsl.LanguageServer.Features.CodeActions
{
    /// <summary>A quick fix: a title and the edits of the buffer that make a diagnostic go away.</summary>
    public sealed class QuickFix
    {
        /// <summary>Creates a fix.</summary>
        public QuickFix(string title, Diagnostic diagnostic, IReadOnlyList<TextChange> edits, bool isPreferred)
        {
            Title = title;
            Diagnostic = diagnostic;
            Edits = edits;
            IsPreferred = isPreferred;
        }

        /// <summary>What the editor's menu shows.</summary>
        public string Title { get; }

        /// <summary>The diagnostic it fixes.</summary>
        public Diagnostic Diagnostic { get; }

        /// <summary>Edits of the buffer, not overlapping, in text order.</summary>
        public IReadOnlyList<TextChange> Edits { get; }

        /// <summary>True for the one obvious fix (a did-you-mean).</summary>
        public bool IsPreferred { get; }

        /// <inheritdoc />
        public override string ToString() => Title;
    }

    /// <summary>
    /// Quick fixes for diagnostics: the did-you-mean replacement the compiler proposed (<see cref="Diagnostic.Suggestion"/>:
    /// TPM1001 unknown names, TPM0001 unknown keywords, TPM1102 words), an owner or a mitigation for an unmanaged risk
    /// (TPM3001), and a review task the deployment depends on for missing reviews (TPM3005). Inserted statements are
    /// valid syntax, indented as <c>tpm fmt</c> lays the block out.
    /// </summary>
    public static class QuickFixService
    {
        /// <summary>The fixes of <paramref name="diagnostic"/>, a diagnostic of the view's buffer (empty when there is none).</summary>
        public static IReadOnlyList<QuickFix> FixesFor(DocumentView view, Diagnostic diagnostic)
        {
            var fixes = new List<QuickFix>();
            if (!(diagnostic.Location is SourceLocation at) || at.Span.End > view.Text.Length) return fixes;
            if (diagnostic.Suggestion is string suggestion)
            {
                var written = view.Text.Substring(at.Span.Start, at.Span.Length);
                fixes.Add(new QuickFix("Change '" + written + "' to '" + suggestion + "'", diagnostic, new[] { new TextChange(at.Span, suggestion) }, true));
            }

            // The fixes below read the compile's symbols at the diagnostic: only when the buffer is the compiled text.
            if (!view.IsCompiledTree || view.Compiled?.Program.Model is not ProgramSymbol program) return fixes;
            var model = view.Model;
            switch (diagnostic.Code)
            {
                case "TPM3001":
                    if (model.SymbolAt(view.Tree, at.Span.Start)?.Symbol is RiskSymbol risk && model.GetDeclaration(risk)?.Syntax is DeclarationSyntax riskSyntax)
                    {
                        if (risk.Owner is null && (program.People.FirstOrDefault() ?? (Symbol?)program.Teams.FirstOrDefault()) is Symbol owner &&
                            InsertIntoBlock(view.Text, riskSyntax, Keywords.Owner + " " + owner.Id) is TextChange addOwner)
                        {
                            fixes.Add(new QuickFix("Add an owner ('" + owner.Id + "')", diagnostic, new[] { addOwner }, false));
                        }

                        if (string.IsNullOrWhiteSpace(risk.Mitigation) &&
                            InsertIntoBlock(view.Text, riskSyntax, Keywords.Mitigation + " \"Describe what is done about the risk\"") is TextChange addMitigation)
                        {
                            fixes.Add(new QuickFix("Add a mitigation", diagnostic, new[] { addMitigation }, false));
                        }
                    }

                    break;
                case "TPM3005":
                    if (model.SymbolAt(view.Tree, at.Span.Start)?.Symbol is TaskSymbol deploy && model.GetDeclaration(deploy)?.Syntax is DeclarationSyntax deploySyntax &&
                        DeliveryChecks.MissingReviews(program, deploy) is { Count: > 0 } missing)
                    {
                        var id = FreeName(program, deploy.Name + "-review");
                        var kinds = string.Join(", ", missing);
                        var task = Keywords.Task + " " + id + " \"" + Capitalised(string.Join(", ", missing)) + " review\" { " + Keywords.Duration + " 1d  " + Keywords.Review + " " + kinds + " }";
                        if (InsertBefore(view.Text, deploySyntax, task) is TextChange addTask &&
                            InsertIntoBlock(view.Text, deploySyntax, Keywords.After + " " + id) is TextChange addAfter)
                        {
                            fixes.Add(new QuickFix("Add the missing review (" + kinds + ") as task '" + id + "' before '" + deploy.Name + "'", diagnostic, new[] { addTask, addAfter }, false));
                        }
                    }

                    break;
            }

            return fixes;
        }

        private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);

        /// <summary>A name no definition of the program has (names share one namespace per scope; unique anywhere is safe).</summary>
        private static string FreeName(ProgramSymbol program, string wanted)
        {
            var taken = new HashSet<string>(StringComparer.Ordinal);
            foreach (var s in program.Tasks) taken.Add(s.Name);
            foreach (var s in program.Workstreams) taken.Add(s.Name);
            foreach (var s in program.People) taken.Add(s.Name);
            foreach (var s in program.Teams) taken.Add(s.Name);
            foreach (var s in program.Roles) taken.Add(s.Name);
            foreach (var s in program.Resources) taken.Add(s.Name);
            foreach (var s in program.Metrics) taken.Add(s.Name);
            foreach (var s in program.Risks) taken.Add(s.Name);
            foreach (var s in program.Calendars) taken.Add(s.Name);
            var name = wanted;
            for (int i = 2; taken.Contains(name); i++) name = wanted + "-" + i;
            return name;
        }

        private static string LineEnding(string text) => text.Contains("\r\n") ? "\r\n" : "\n";

        private static int LineStart(string text, int offset)
        {
            while (offset > 0 && text[offset - 1] != '\n' && text[offset - 1] != '\r') offset--;
            return offset;
        }

        /// <summary>The white space from a line's start to <paramref name="offset"/>, or null when something else precedes it on the line.</summary>
        private static string? IndentBefore(string text, int offset)
        {
            int start = LineStart(text, offset);
            for (int p = start; p < offset; p++)
            {
                if (text[p] != ' ' && text[p] != '\t') return null;
            }

            return text.Substring(start, offset - start);
        }

        /// <summary>A statement on its own line before a declaration, at the declaration's indentation.</summary>
        private static TextChange? InsertBefore(string text, DeclarationSyntax declaration, string statement)
        {
            var indent = IndentBefore(text, declaration.Span.Start);
            if (indent is null) return new TextChange(new TextSpan(declaration.Span.Start, 0), statement + "  ");
            return new TextChange(new TextSpan(LineStart(text, declaration.Span.Start), 0), indent + statement + LineEnding(text));
        }

        /// <summary>
        /// A statement added at the end of a declaration's block: on its own line, indented as the block's statements, in a
        /// block written over several lines; after the last statement, two spaces apart, in a block on one line; in a new
        /// block after the header when there is none. Null for a block left unclosed (a syntax error).
        /// </summary>
        internal static TextChange? InsertIntoBlock(string text, DeclarationSyntax declaration, string statement)
        {
            if (!(declaration.OpenBrace is TextSpan open)) return new TextChange(new TextSpan(declaration.HeaderSpan.End, 0), " { " + statement + " }");
            if (!(declaration.CloseBrace is TextSpan close)) return null;
            bool oneLine = text.IndexOfAny(new[] { '\n', '\r' }, open.Start, close.Start - open.Start) < 0;
            var last = declaration.Body.Count > 0 ? declaration.Body[declaration.Body.Count - 1] : null;
            if (oneLine)
            {
                return last is null
                    ? new TextChange(new TextSpan(open.End, 0), " " + statement + (close.Start == open.End ? " " : string.Empty))
                    : new TextChange(new TextSpan(last.Span.End, 0), "  " + statement);
            }

            var closeIndent = IndentBefore(text, close.Start);
            var bodyIndent = last != null && IndentBefore(text, last.Span.Start) is string lastIndent
                ? lastIndent
                : (closeIndent ?? IndentBefore(text, declaration.Span.Start) ?? string.Empty) + new string(' ', PlanFormatter.IndentSize);
            if (closeIndent != null) return new TextChange(new TextSpan(LineStart(text, close.Start), 0), bodyIndent + statement + LineEnding(text));
            int after = last?.Span.End ?? open.End;
            return new TextChange(new TextSpan(after, 0), LineEnding(text) + bodyIndent + statement);
        }
    }
}
