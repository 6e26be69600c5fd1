using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ProgramDsl.Analyzers.CodeFixes
{
    /// <summary>
    /// TPM5001: replaces a misspelt id literal with the defined id the analyzer suggests ("did you mean 'train'?").
    /// Offered only when there is a suggestion and the id is written as a string literal (a named constant may be
    /// used elsewhere, so it is left alone).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(BuilderUnknownIdCodeFix))]
    [Shared]
    public sealed class BuilderUnknownIdCodeFix : CodeFixProvider
    {
        /// <inheritdoc />
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("TPM5001");

        /// <inheritdoc />
        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        /// <inheritdoc />
        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null) return;
            foreach (var diagnostic in context.Diagnostics)
            {
                if (!diagnostic.Properties.TryGetValue(BuilderAnalyzer.SuggestionProperty, out var suggestion) || suggestion is null) continue;
                var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
                if (node is not LiteralExpressionSyntax literal || !literal.IsKind(SyntaxKind.StringLiteralExpression)) continue;
                var title = "Use '" + suggestion + "'";
                context.RegisterCodeFix(
                    CodeAction.Create(title, ct => Replace(context.Document, root, literal, suggestion, ct), equivalenceKey: "TPM5001:" + suggestion),
                    diagnostic);
            }
        }

        private static Task<Document> Replace(Document document, SyntaxNode root, LiteralExpressionSyntax literal, string suggestion, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var replacement = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(suggestion))
                .WithTriviaFrom(literal);
            return Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(literal, replacement)));
        }
    }
}
