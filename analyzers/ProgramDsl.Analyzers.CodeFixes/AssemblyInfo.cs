using System.Runtime.CompilerServices;

// The code fix tests reach the fix providers' internals the same way the analyzer tests do.
[assembly: InternalsVisibleTo("ProgramDsl.Analyzers.Tests")]
