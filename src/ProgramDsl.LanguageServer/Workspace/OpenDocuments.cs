using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;

namespace ProgramDsl.LanguageServer.Workspace
{
    /// <summary>A buffer the editor has open: its text wins over the file on disk.</summary>
    public sealed class OpenDocument
    {
        /// <summary>Creates a snapshot of a buffer.</summary>
        public OpenDocument(string path, string uri, string text, int? version)
        {
            Path = path;
            Uri = uri;
            Text = text;
            Version = version;
        }

        /// <summary>The absolute, normalised file path.</summary>
        public string Path { get; }

        /// <summary>The URI as the client sent it (answers use it unchanged).</summary>
        public string Uri { get; }

        /// <summary>The buffer's text.</summary>
        public string Text { get; }

        /// <summary>The client's version number of this text.</summary>
        public int? Version { get; }
    }

    /// <summary>The open buffers, by path. Each update replaces a whole immutable snapshot, so readers never see a half edit.</summary>
    public sealed class OpenDocuments
    {
        private readonly ConcurrentDictionary<string, OpenDocument> _documents = new ConcurrentDictionary<string, OpenDocument>(StringComparer.Ordinal);

        /// <summary>Raised after a buffer is opened, changed or closed, with its path.</summary>
        public event Action<string>? Changed;

        /// <summary>Records the text of a buffer.</summary>
        public void Set(OpenDocument document)
        {
            _documents[document.Path] = document;
            Changed?.Invoke(document.Path);
        }

        /// <summary>Forgets a buffer: its file is read from disk again.</summary>
        public void Remove(string path)
        {
            if (_documents.TryRemove(path, out _)) Changed?.Invoke(path);
        }

        /// <summary>The buffer at a path, or null.</summary>
        public OpenDocument? Get(string path) => _documents.TryGetValue(path, out var document) ? document : null;

        /// <summary>Every open buffer, in path order.</summary>
        public IReadOnlyList<OpenDocument> All => _documents.Values.OrderBy(d => d.Path, StringComparer.Ordinal).ToList();
    }
}
