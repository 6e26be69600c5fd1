using OmniSharp.Extensions.LanguageServer.Protocol.Models;

namespace ProgramDsl.LanguageServer
{
    /// <summary>Which documents the server serves.</summary>
    public static class TpmDocuments
    {
        /// <summary>The language id editors give <c>.tpm</c> files.</summary>
        public const string LanguageId = "tpm";

        /// <summary><c>.tpm</c> files by language id or by name, so a client that never set the file type is still served.</summary>
        public static TextDocumentSelector Selector { get; } = new TextDocumentSelector(
            new TextDocumentFilter { Language = LanguageId },
            new TextDocumentFilter { Pattern = "**/*.tpm" });
    }
}
