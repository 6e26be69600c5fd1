using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace ProgramDsl.Analyzers.Tests
{
    /// <summary>Code fix tests with the same offline references as <see cref="Verify.Analyzer{TAnalyzer}"/>.</summary>
    internal static class BuilderVerify
    {
        public static CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier> CodeFix<TAnalyzer, TCodeFix>(string source, string fixedSource)
            where TAnalyzer : DiagnosticAnalyzer, new()
            where TCodeFix : CodeFixProvider, new()
        {
            var test = new CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
            {
                TestCode = source,
                FixedCode = fixedSource,
                ReferenceAssemblies = new ReferenceAssemblies("net10.0"),
            };
            test.TestState.AdditionalReferences.AddRange(Net100.References.All);
            test.TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(TpmProgram).Assembly.Location));
            test.FixedState.AdditionalReferences.AddRange(Net100.References.All);
            test.FixedState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(TpmProgram).Assembly.Location));
            return test;
        }

        /// <summary>An expected builder diagnostic at markup location <paramref name="markup"/>, with the catalogue's severity.</summary>
        public static DiagnosticResult At(string code, int markup, string? message = null)
        {
            var severity = ProgramDsl.Diagnostics.DiagnosticCatalog.Find(code)!.DefaultSeverity == ProgramDsl.Diagnostics.DiagnosticSeverity.Error
                ? DiagnosticSeverity.Error
                : DiagnosticSeverity.Warning;
            var result = new DiagnosticResult(code, severity).WithLocation(markup);
            return message is null ? result : result.WithMessage(message);
        }
    }
}
