using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Security;
using System.Text;

namespace ProgramDsl.Build.Tests.Infrastructure
{
    /// <summary>
    /// Packs the whole solution once into a fresh local feed with a version no earlier run used, and prepares a temp folder
    /// where projects restore from that feed (plus the machine's usual package source) into a private package cache.
    /// Everything lives under one temp folder, deleted at the end: the repository and the user's NuGet cache are untouched.
    /// </summary>
    public sealed class PackedFeed : IDisposable
    {
        /// <summary>
        /// Whether this machine packs the native tool: on linux-x64, ProgramDsl.Tool points to ProgramDsl.Tool.linux-x64 (the
        /// Native AOT tpm) and ProgramDsl.Tool.any (the framework-dependent one), and ProgramDsl.Build carries the native tpm too.
        /// </summary>
        public static readonly bool PacksNative = RuntimeInformation.RuntimeIdentifier == "linux-x64";

        /// <summary>The packages `dotnet pack ProgramDsl.sln` must produce, and no other.</summary>
        public static readonly string[] PackageIds = PacksNative
            ? new[] { "ProgramDsl", "ProgramDsl.Analyzers", "ProgramDsl.Build", "ProgramDsl.Tool", "ProgramDsl.Tool.linux-x64", "ProgramDsl.Tool.any" }
            : new[] { "ProgramDsl", "ProgramDsl.Analyzers", "ProgramDsl.Build", "ProgramDsl.Tool" };

        /// <summary>The package that holds the framework-dependent tpm.dll of the tool.</summary>
        public static string JitToolPackageId => PacksNative ? "ProgramDsl.Tool.any" : "ProgramDsl.Tool";

        // The native tool's Native AOT compile takes one to two minutes of the pack on two cores.
        public static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(15);
        public static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(4);

        private readonly Lazy<ProcessResult> _pack;
        private readonly Lazy<ProcessResult> _toolInstall;

        public PackedFeed()
        {
            Repository = RepositoryRoot();
            Root = Path.Combine(Path.GetTempPath(), "tpm-pkg-e2e-" + Guid.NewGuid().ToString("N").Substring(0, 12));
            Feed = Path.Combine(Root, "feed");
            Packages = Path.Combine(Root, "packages");
            Work = Path.Combine(Root, "work");
            Directory.CreateDirectory(Feed);
            Directory.CreateDirectory(Packages);
            Directory.CreateDirectory(Work);

            // A version no earlier run packed: whatever cache a restore looks in, only this run's packages can match it.
            Version = "0.1.0-e2e." + DateTime.UtcNow.ToString("yyyyMMddHHmmss") + ".r" + Guid.NewGuid().ToString("N").Substring(0, 8);

            // Stop MSBuild's search for Directory.Build.* and Directory.Packages.props above the work folder: the consumer
            // projects must see only what the packages give them, as in a user's fresh repository.
            File.WriteAllText(Path.Combine(Work, "Directory.Build.props"), "<Project />");
            File.WriteAllText(Path.Combine(Work, "Directory.Build.targets"), "<Project />");
            File.WriteAllText(Path.Combine(Work, "Directory.Packages.props"), "<Project />");

            // The machine's package sources, asked before the work folder has a nuget.config of its own.
            UpstreamSources = MachineSources(Work);
            File.WriteAllText(Path.Combine(Work, "nuget.config"), NuGetConfig(Feed, UpstreamSources));

            _pack = new Lazy<ProcessResult>(PackSolution);
            _toolInstall = new Lazy<ProcessResult>(InstallTool);
        }

        /// <summary>The repository (where ProgramDsl.sln is).</summary>
        public string Repository { get; }

        /// <summary>The temp folder holding everything below.</summary>
        public string Root { get; }

        /// <summary>The local feed the solution is packed into.</summary>
        public string Feed { get; }

        /// <summary>The private global packages folder (NUGET_PACKAGES) of every restore and tool install in the tests.</summary>
        public string Packages { get; }

        /// <summary>Where the consumer projects go: has the nuget.config and the Directory.* stoppers.</summary>
        public string Work { get; }

        /// <summary>The unique version of this run's packages.</summary>
        public string Version { get; }

        /// <summary>The enabled package sources of the machine, besides the local feed.</summary>
        public IReadOnlyList<string> UpstreamSources { get; }

        /// <summary>The result of <c>dotnet pack ProgramDsl.sln</c> (run on first use).</summary>
        public ProcessResult Pack => _pack.Value;

        /// <summary>
        /// The README's command that installs the tool from a local folder of packages (its Install section), installed once
        /// for every test that runs tpm: into <see cref="ToolPath"/> instead of <c>--global</c>, from <see cref="Feed"/>
        /// instead of <c>./packages</c>, at this run's version. Needs <see cref="Pack"/> to have succeeded.
        /// </summary>
        public ProcessResult ToolInstall => _toolInstall.Value;

        /// <summary>The folder the tool is installed into (<c>--tool-path</c>).</summary>
        public string ToolPath => Path.Combine(Root, "tools");

        /// <summary>The installed tpm command.</summary>
        public string Tpm => Path.Combine(ToolPath, OperatingSystem.IsWindows() ? "tpm.exe" : "tpm");

        /// <summary>The Install section's <c>dotnet tool install</c> command from a local folder, as its words.</summary>
        public IReadOnlyList<string> ReadmeToolInstallCommand()
        {
            var readme = File.ReadAllText(Path.Combine(Repository, "README.md")).Replace("\r\n", "\n");
            int start = readme.IndexOf("\n## Install\n", StringComparison.Ordinal);
            if (start < 0) throw new InvalidOperationException("README.md has no Install section");
            int end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
            var section = end < 0 ? readme.Substring(start) : readme.Substring(start, end - start);
            var line = section.Split('\n').Select(l => l.Trim())
                .FirstOrDefault(l => l.StartsWith("dotnet tool install ", StringComparison.Ordinal) && l.Contains("--add-source", StringComparison.Ordinal))
                ?? throw new InvalidOperationException("README.md's Install section has no 'dotnet tool install ... --add-source' line");
            return line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        }

        /// <summary>The environment of every consumer-side process: the private package cache.</summary>
        public IReadOnlyDictionary<string, string?> ConsumerEnvironment => new Dictionary<string, string?>
        {
            ["NUGET_PACKAGES"] = Packages,
            // The tool's apphost finds the runtime here, as after a normal .NET install.
            ["DOTNET_ROOT"] = Path.GetDirectoryName(Path.GetFullPath(Dotnet.Host)) is { Length: > 0 } dir && File.Exists(Path.Combine(dir, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet")) ? dir : null,
        };

        public string PackagePath(string id) => Path.Combine(Feed, id + "." + Version + ".nupkg");

        public void Dispose()
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
                // A process killed on timeout may still hold a file; the temp folder is cleaned eventually.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        private ProcessResult PackSolution()
        {
            // The pack restores third-party packages from the user's cache (their versions are pinned, so nothing stale can
            // hide a change there); the packages it makes carry this run's version, and only the consumer side, which
            // extracts them, needs the private cache.
            return Dotnet.Run(Repository, new Dictionary<string, string?>(), PackTimeout,
                "pack", Path.Combine(Repository, "ProgramDsl.sln"),
                "-c", "Release",
                "-o", Feed,
                "-p:Version=" + Version,
                "--artifacts-path", Path.Combine(Root, "artifacts"),
                "-nologo", "-tl:off", "-v:minimal", "-nodeReuse:false");
        }

        private ProcessResult InstallTool()
        {
            // The README's words with this run's places and version; "dotnet" itself is the test's host.
            var words = ReadmeToolInstallCommand().Skip(1).ToList();
            var args = new List<string>();
            for (int i = 0; i < words.Count; i++)
            {
                if (words[i] == "--global") args.AddRange(new[] { "--tool-path", ToolPath });
                else if (words[i] == "--add-source" && i + 1 < words.Count) { args.AddRange(new[] { "--add-source", Feed }); i++; }
                else if (words[i] == "--version" && i + 1 < words.Count) { args.AddRange(new[] { "--version", Version }); i++; }
                else args.Add(words[i]);
            }

            // From a folder without the work folder's nuget.config: --add-source cannot be combined with its source mapping,
            // and a user installing a tool relies on the machine's configuration plus the feed.
            return Dotnet.Run(Root, ConsumerEnvironment, BuildTimeout, args.ToArray());
        }

        private static IReadOnlyList<string> MachineSources(string directory)
        {
            // `dotnet nuget list source --format short` prints one "E <url>" line per enabled source (D for disabled).
            var result = Dotnet.Run(directory, new Dictionary<string, string?>(), TimeSpan.FromMinutes(1), "nuget", "list", "source", "--format", "short");
            var sources = result.ExitCode != 0
                ? new List<string>()
                : result.Output.Split('\n')
                    .Select(l => l.Trim())
                    .Where(l => l.StartsWith("E ", StringComparison.Ordinal))
                    .Select(l => l.Substring(2).Trim())
                    .Where(s => s.Length > 0)
                    .Distinct()
                    .ToList();
            if (sources.Count == 0) sources.Add("https://api.nuget.org/v3/index.json");
            return sources;
        }

        private static string NuGetConfig(string feed, IReadOnlyList<string> upstream)
        {
            var text = new StringBuilder();
            text.AppendLine("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
            text.AppendLine("<configuration>");
            text.AppendLine("  <packageSources>");
            text.AppendLine("    <clear />");
            text.AppendLine("    <add key=\"e2e-feed\" value=\"" + SecurityElement.Escape(feed) + "\" />");
            for (var i = 0; i < upstream.Count; i++)
            {
                text.AppendLine("    <add key=\"upstream" + i + "\" value=\"" + SecurityElement.Escape(upstream[i]) + "\" />");
            }

            text.AppendLine("  </packageSources>");
            // ProgramDsl packages come only from the local feed, whatever an upstream source serves under those names.
            text.AppendLine("  <packageSourceMapping>");
            text.AppendLine("    <packageSource key=\"e2e-feed\"><package pattern=\"ProgramDsl\" /><package pattern=\"ProgramDsl.*\" /></packageSource>");
            for (var i = 0; i < upstream.Count; i++)
            {
                text.AppendLine("    <packageSource key=\"upstream" + i + "\"><package pattern=\"*\" /></packageSource>");
            }

            text.AppendLine("  </packageSourceMapping>");
            text.AppendLine("</configuration>");
            return text.ToString();
        }

        private static string RepositoryRoot()
        {
            // Test output may be outside the tree (--artifacts-path): the project records where the sources were.
            var recorded = typeof(PackedFeed).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .FirstOrDefault(a => a.Key == "ProgramDslRepositoryRoot")?.Value;
            foreach (var start in new[] { AppContext.BaseDirectory, recorded })
            {
                for (var d = string.IsNullOrEmpty(start) ? null : new DirectoryInfo(start); d != null; d = d.Parent)
                {
                    if (File.Exists(Path.Combine(d.FullName, "ProgramDsl.sln"))) return d.FullName;
                }
            }

            throw new InvalidOperationException("ProgramDsl.sln not found above " + AppContext.BaseDirectory + " or " + recorded);
        }
    }
}
