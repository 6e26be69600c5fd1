#if TPM_LSP
using System;
using System.Collections.Generic;
using System.IO;
using ProgramDsl.Cli.Commands;
using ProgramDsl.LanguageServer.Workspace;

namespace ProgramDsl.Cli.Infrastructure
{
    /// <summary>
    /// The language server's view of the disk, through the code the commands use: the same workspace rule
    /// (<see cref="PlanLoader.WorkspaceFor"/>), the same <c>.globalconfig</c> lookup and the same confined include reader.
    /// </summary>
    public sealed class CliPlanWorkspace : IPlanWorkspace
    {
        private readonly IFileSystem _fileSystem;
        private readonly PlanLoader _loader;

        public CliPlanWorkspace(IFileSystem fileSystem, PlanLoader loader)
        {
            _fileSystem = fileSystem;
            _loader = loader;
        }

        public string WorkspaceFor(string path)
        {
            try
            {
                return _loader.WorkspaceFor(path, isFolder: false, explicitWorkspace: null);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is UsageException || ex is ArgumentException)
            {
                return Path.GetDirectoryName(path) ?? path;
            }
        }

        public PlanSeverities SeveritiesFor(string path, string workspace)
        {
            try
            {
                // A locator per request: an edited .globalconfig applies at the next compile, and its problems are
                // reported with every compile (the CLI's locator reports each file's problems once per run).
                var config = new SeverityConfigLocator(_fileSystem).ForFile(path, explicitConfig: null, workspace);
                return new PlanSeverities(config.Severities, config.Diagnostics);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is UsageException)
            {
                return new PlanSeverities(ProgramDsl.Diagnostics.SeverityOptions.Default, Array.Empty<ProgramDsl.Diagnostics.Diagnostic>());
            }
        }

        public ISourceResolver DiskResolver(string workspace) => new FileSystemSourceResolver(_fileSystem, workspace);

        public IReadOnlyList<string> PlanFiles(string folder)
        {
            try
            {
                if (!_fileSystem.DirectoryExists(folder)) return Array.Empty<string>();
                var root = _loader.WorkspaceFor(folder, isFolder: true, explicitWorkspace: null);
                return _fileSystem.EnumerateFiles(folder, "*.tpm", root);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is UsageException)
            {
                return Array.Empty<string>();
            }
        }
    }
}
#endif
