using System;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using TpmLocation = ProgramDsl.Text.SourceLocation;

namespace ProgramDsl.Analyzers
{
    /// <summary>
    /// Checks plan text written in C#: every constant string passed to a parameter marked
    /// <c>[StringSyntax("tpm")]</c> (such as <c>TpmProgram.Parse</c>'s) is compiled, and each diagnostic is reported at
    /// its place inside the literal: regular, verbatim and raw literals without escape sequences map character for
    /// character; a literal with escapes, or a constant built from several pieces, gets the diagnostic on the whole
    /// argument.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class TpmStringAnalyzer : DiagnosticAnalyzer
    {
        private const string StringSyntaxAttribute = "System.Diagnostics.CodeAnalysis.StringSyntaxAttribute";

        /// <summary>The file name the embedded text is compiled under (it appears in no message).</summary>
        internal const string EmbeddedPath = "embedded.tpm";

        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => TpmDescriptors.Compiler;

        /// <inheritdoc />
        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterOperationAction(AnalyzeArgument, OperationKind.Argument);
        }

        private static void AnalyzeArgument(OperationAnalysisContext context)
        {
            var argument = (IArgumentOperation)context.Operation;
            if (argument.Parameter is not { } parameter || !IsTpm(parameter)) return;
            if (argument.Value.ConstantValue is not { HasValue: true, Value: string text }) return;
            var expression = argument.Value.Syntax;
            var map = LiteralMap.For(expression, text);
            var options = TpmDescriptors.CompileOptions(context.Compilation, context.CancellationToken);
            var program = TpmProgram.Parse(text, EmbeddedPath, options);
            foreach (var d in program.Diagnostics)
            {
                var location = d.Location is TpmLocation at && at.Path == EmbeddedPath
                    ? map.Locate(expression, at.Span.Start, at.Span.Length)
                    : expression.GetLocation();
                context.ReportDiagnostic(TpmDescriptors.ToRoslyn(d, location));
            }
        }

        private static bool IsTpm(IParameterSymbol parameter) =>
            parameter.GetAttributes().Any(a =>
                a.AttributeClass?.ToDisplayString() == StringSyntaxAttribute &&
                a.ConstructorArguments.Length > 0 &&
                a.ConstructorArguments[0].Value is string syntax &&
                string.Equals(syntax, "tpm", StringComparison.OrdinalIgnoreCase));

        /// <summary>Where each character of a literal's value sits in the source, when that can be said exactly.</summary>
        internal sealed class LiteralMap
        {
            private readonly int[]? _sourceOffset;

            private LiteralMap(int[]? sourceOffset) => _sourceOffset = sourceOffset;

            /// <summary>
            /// Builds the map for a single string literal by re-deriving its value from the token text; when the
            /// result is not the constant (escapes, concatenation, anything unexpected) there is no map.
            /// </summary>
            public static LiteralMap For(SyntaxNode expression, string value)
            {
                while (expression is ParenthesizedExpressionSyntax p) expression = p.Expression;
                if (expression is not LiteralExpressionSyntax literal) return new LiteralMap(null);
                var token = literal.Token;
                var offsets = token.Kind() switch
                {
                    SyntaxKind.StringLiteralToken => Quoted(token.Text),
                    SyntaxKind.SingleLineRawStringLiteralToken => SingleLineRaw(token.Text),
                    SyntaxKind.MultiLineRawStringLiteralToken => MultiLineRaw(token.Text),
                    _ => null,
                };
                if (offsets is null || !Matches(token.Text, offsets, value)) return new LiteralMap(null);
                var absolute = offsets.Select(o => token.SpanStart + o).ToArray();
                return new LiteralMap(absolute);
            }

            /// <summary>The source location of a span of the value, or the whole expression when unmapped.</summary>
            public Location Locate(SyntaxNode expression, int start, int length)
            {
                if (_sourceOffset is null) return expression.GetLocation();
                int last = _sourceOffset.Length - 1;
                int from = _sourceOffset[Math.Min(Math.Max(start, 0), last)];
                int to = length == 0 ? from : _sourceOffset[Math.Min(start + length - 1, last)] + 1;
                return Location.Create(expression.SyntaxTree, TextSpan.FromBounds(from, Math.Max(from, to)));
            }

            // Offsets, relative to the token, of each value character and one past the end.
            private static int[]? Quoted(string token)
            {
                bool verbatim = token.StartsWith("@", StringComparison.Ordinal);
                int open = verbatim ? 2 : 1;
                if (token.Length < open + 1) return null;
                var body = token.Substring(open, token.Length - open - 1);
                if (!verbatim && body.IndexOf('\\') >= 0) return null;
                if (verbatim && body.IndexOf("\"\"", StringComparison.Ordinal) >= 0) return null;
                return Enumerable.Range(open, body.Length + 1).ToArray();
            }

            private static int[]? SingleLineRaw(string token)
            {
                int quotes = token.TakeWhile(c => c == '"').Count();
                int length = token.Length - 2 * quotes;
                return length < 0 ? null : Enumerable.Range(quotes, length + 1).ToArray();
            }

            private static int[]? MultiLineRaw(string token)
            {
                var lines = new System.Collections.Generic.List<(int Start, int End, int Break)>();
                int i = 0;
                while (i <= token.Length)
                {
                    int end = i;
                    while (end < token.Length && token[end] != '\r' && token[end] != '\n') end++;
                    int next = end < token.Length && token[end] == '\r' && end + 1 < token.Length && token[end + 1] == '\n' ? end + 2 : end + 1;
                    lines.Add((i, end, next));
                    if (end >= token.Length) break;
                    i = next;
                }

                if (lines.Count < 3) return null;
                var closing = lines[lines.Count - 1];
                int indent = 0;
                while (closing.Start + indent < closing.End && char.IsWhiteSpace(token[closing.Start + indent])) indent++;
                var offsets = new System.Collections.Generic.List<int>();
                for (int k = 1; k < lines.Count - 1; k++)
                {
                    var line = lines[k];
                    int contentStart = Math.Min(line.Start + indent, line.End);
                    for (int c = contentStart; c < line.End; c++) offsets.Add(c);
                    if (k < lines.Count - 2)
                    {
                        for (int c = line.End; c < line.Break; c++) offsets.Add(c);
                    }
                }

                offsets.Add(lines[lines.Count - 2].End);
                return offsets.ToArray();
            }

            private static bool Matches(string token, int[] offsets, string value)
            {
                if (offsets.Length != value.Length + 1) return false;
                var rebuilt = new StringBuilder(value.Length);
                for (int k = 0; k < value.Length; k++)
                {
                    if (offsets[k] < 0 || offsets[k] >= token.Length) return false;
                    rebuilt.Append(token[offsets[k]]);
                }

                return rebuilt.ToString() == value;
            }
        }
    }
}
