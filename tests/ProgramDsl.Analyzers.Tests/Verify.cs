using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace ProgramDsl.Analyzers.Tests
{
    /// <summary>Analyzer tests that run offline: .NET 10 reference assemblies from Basic.Reference.Assemblies, plus the core library.</summary>
    internal static class Verify
    {
        public static CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> Analyzer<TAnalyzer>(string source = "class C { }")
            where TAnalyzer : DiagnosticAnalyzer, new()
        {
            var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
            {
                TestCode = source,
                ReferenceAssemblies = new ReferenceAssemblies("net10.0"),
            };
            test.TestState.AdditionalReferences.AddRange(Net100.References.All);
            test.TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(TpmProgram).Assembly.Location));
            return test;
        }

        /// <summary>An expected compiler diagnostic at 1-based line and column bounds, with its exact message.</summary>
        public static DiagnosticResult Tpm(string code, string path, int line, int column, int endLine, int endColumn, string message) =>
            new DiagnosticResult(code, TpmSeverity(code)).WithSpan(path, line, column, endLine, endColumn).WithMessage(message);

        private static DiagnosticSeverity TpmSeverity(string code) =>
            ProgramDsl.Diagnostics.DiagnosticCatalog.Find(code)!.DefaultSeverity switch
            {
                ProgramDsl.Diagnostics.DiagnosticSeverity.Error => DiagnosticSeverity.Error,
                ProgramDsl.Diagnostics.DiagnosticSeverity.Warning => DiagnosticSeverity.Warning,
                ProgramDsl.Diagnostics.DiagnosticSeverity.Info => DiagnosticSeverity.Info,
                _ => DiagnosticSeverity.Hidden,
            };
    }
}
