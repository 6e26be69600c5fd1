using System;
using System.IO;
using ProgramDsl.Diagnostics;

namespace ProgramDsl.Cli.Infrastructure
{
    /// <summary>How <c>tpm</c> prints a usage error: one line, escaped as diagnostics are.</summary>
    internal static class CliErrors
    {
        /// <summary>
        /// Writes <c>tpm: error: message</c>. The message quotes paths and arguments, which a plan or a pull request
        /// controls: a file name holding a line break must not start a second line (a CI service reads
        /// <c>::error::</c> at the start of a line as a command), so it is escaped by <see cref="Diagnostic.Printable"/>.
        /// </summary>
        public static void Write(TextWriter error, string message) => error.WriteLine("tpm: error: " + Diagnostic.Printable(message));

        /// <summary>
        /// A .NET exception message as a clause inside a longer sentence: without its final period, so that
        /// "… already exists; the folder is as it was" does not read "exists.; the folder".
        /// </summary>
        public static string Clause(string exceptionMessage) => exceptionMessage.TrimEnd().TrimEnd('.');
    }
}
