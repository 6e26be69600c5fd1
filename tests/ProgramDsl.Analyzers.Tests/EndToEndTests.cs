using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace ProgramDsl.Analyzers.Tests
{
    /// <summary>
    /// The analyzers in a real <c>dotnet build</c>: copies of examples/embedded-csharp, wired to the repository's projects,
    /// build clean as they are and fail with the canonical diagnostics when the .tpm file and the embedded plan text have
    /// an unknown reference. Slow (two builds, about half a minute), hence one fixture for both tests.
    /// </summary>
    [Trait("Category", "EndToEnd")]
    public class EndToEndTests : IClassFixture<EndToEndTests.SampleBuilds>
    {
        private readonly SampleBuilds _builds;

        public EndToEndTests(SampleBuilds builds) => _builds = builds;

        [Fact]
        public void The_sample_builds_clean_with_the_analyzers_loaded()
        {
            var clean = _builds.Clean;
            clean.ExitCode.Should().Be(0, clean.Output);
            clean.Diagnostics.Should().BeEmpty(clean.Output);
            // The analyzers were handed to the compiler with the assemblies they load (else AD0001/CS8032, errors in the sample).
            clean.Output.Should().NotContainAny("AD0001", "CS8032", "CS9057");
        }

        [Fact]
        public void Mistakes_in_the_tpm_file_and_in_the_embedded_text_fail_the_build_at_their_place()
        {
            var broken = _builds.Broken;
            broken.ExitCode.Should().NotBe(0, broken.Output);

            // plan.tpm line 10 is "  task retrain "Retrain the model" { effort 8d  assign ana  after extrct }": 'extrct' starts
            // at column 67. Program.cs line 29 is the raw string's "task label" line, indented 18 spaces in the source: 'gide'
            // starts at column 83 of the C# file.
            broken.Diagnostics.Should().BeEquivalentTo(new[]
            {
                new BuildDiagnostic(Path.Combine(_builds.BrokenDirectory, "plan.tpm"), 10, 67, "error", "TPM1001", "unknown task 'extrct'; did you mean 'extract'?"),
                new BuildDiagnostic(Path.Combine(_builds.BrokenDirectory, "Program.cs"), 29, 83, "error", "TPM1001", "unknown task 'gide'; did you mean 'guide'?"),
            }, broken.Output);
        }

        /// <summary>One diagnostic line of the build output, without the help link and project suffix.</summary>
        public sealed record BuildDiagnostic(string File, int Line, int Column, string Severity, string Code, string Message);

        /// <summary>Exit code, full output and the distinct diagnostics (MSBuild repeats them in its summary).</summary>
        public sealed record BuildResult(int ExitCode, string Output, IReadOnlyList<BuildDiagnostic> Diagnostics);

        /// <summary>
        /// Builds both copies once, one after the other with one artifacts folder (the second build finds ProgramDsl and the
        /// analyzers up to date), everything under a fresh temp folder so parallel runs and the repository are untouched.
        /// </summary>
        public sealed class SampleBuilds : IDisposable
        {
            private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);

            // path(line,col): severity CODE: message (help link) [project]
            private static readonly Regex DiagnosticLine = new Regex(
                @"^\s*(?<file>[^\s].*?)\((?<line>\d+),(?<col>\d+)\): (?<sev>error|warning|info) (?<code>[A-Z]+\d+): (?<msg>.*?)( \(https?://[^ ]*\))?( \[[^\]]*\])?\s*$",
                RegexOptions.Multiline);

            private readonly string _root;

            public SampleBuilds()
            {
                _root = Path.Combine(Path.GetTempPath(), "tpm-e2e-" + Guid.NewGuid().ToString("N"));
                var repository = RepositoryRoot();
                var sample = Path.Combine(repository, "examples", "embedded-csharp");
                var artifacts = Path.Combine(_root, "artifacts");

                // Stops MSBuild's search for Directory.Build.* above the temp folder and keeps the repository's strictness.
                Directory.CreateDirectory(_root);
                File.WriteAllText(Path.Combine(_root, "Directory.Build.props"),
                    "<Project><PropertyGroup><Nullable>enable</Nullable><TreatWarningsAsErrors>true</TreatWarningsAsErrors></PropertyGroup></Project>");
                File.WriteAllText(Path.Combine(_root, "Directory.Build.targets"), "<Project />");

                var clean = Path.Combine(_root, "clean");
                CopySample(sample, clean, repository);
                Clean = Build(Path.Combine(clean, "EmbeddedCSharp.csproj"), artifacts);

                // A second project name keeps its outputs apart from the clean copy's in the shared artifacts folder.
                BrokenDirectory = Path.Combine(_root, "broken");
                CopySample(sample, BrokenDirectory, repository);
                File.Move(Path.Combine(BrokenDirectory, "EmbeddedCSharp.csproj"), Path.Combine(BrokenDirectory, "EmbeddedCSharpBroken.csproj"));
                Replace(Path.Combine(BrokenDirectory, "plan.tpm"), "after extract", "after extrct");
                Replace(Path.Combine(BrokenDirectory, "Program.cs"), "after guide", "after gide");
                Broken = Build(Path.Combine(BrokenDirectory, "EmbeddedCSharpBroken.csproj"), artifacts);
            }

            public BuildResult Clean { get; }

            public BuildResult Broken { get; }

            public string BrokenDirectory { get; }

            public void Dispose()
            {
                try
                {
                    Directory.Delete(_root, recursive: true);
                }
                catch (IOException)
                {
                    // A build server may still hold a file; the temp folder is cleaned eventually.
                }
                catch (UnauthorizedAccessException)
                {
                }
            }

            private static void CopySample(string from, string to, string repository)
            {
                Directory.CreateDirectory(to);
                foreach (var file in Directory.GetFiles(from))
                {
                    File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
                }

                // The sample reaches the repository's projects by relative paths; the copy needs absolute ones.
                var project = Path.Combine(to, "EmbeddedCSharp.csproj");
                var text = File.ReadAllText(project);
                Regex.Matches(text, Regex.Escape("Include=\"../../")).Count.Should().Be(2, "the sample references src/ProgramDsl and the analyzers");
                File.WriteAllText(project, text.Replace("Include=\"../../", "Include=\"" + repository.Replace('\\', '/').TrimEnd('/') + "/"));
            }

            private static void Replace(string path, string from, string to)
            {
                var text = File.ReadAllText(path);
                Regex.Matches(text, Regex.Escape(from)).Count.Should().Be(1, path + " has '" + from + "' once");
                File.WriteAllText(path, text.Replace(from, to));
            }

            private static BuildResult Build(string project, string artifacts)
            {
                var start = new ProcessStartInfo(DotnetHost())
                {
                    WorkingDirectory = Path.GetDirectoryName(project)!,
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                    UseShellExecute = false,
                };
                foreach (var argument in new[] { "build", project, "--artifacts-path", artifacts, "-nologo", "--disable-build-servers", "-clp:NoSummary" })
                {
                    start.ArgumentList.Add(argument);
                }

                // The test host runs under dotnet test: its MSBuild settings must not leak into the nested build.
                foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
                {
                    start.Environment.Remove(key);
                }

                start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
                start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
                start.Environment["DOTNET_NOLOGO"] = "1";
                start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";

                using var process = Process.Start(start)!;
                var output = new StringBuilder();
                var stdout = Task.Run(() => process.StandardOutput.ReadToEnd());
                var stderr = Task.Run(() => process.StandardError.ReadToEnd());
                if (!process.WaitForExit((int)Timeout.TotalMilliseconds))
                {
                    process.Kill(entireProcessTree: true);
                    throw new TimeoutException("dotnet build " + project + " took longer than " + Timeout);
                }

                process.WaitForExit();
                output.Append(stdout.Result).Append(stderr.Result);
                var text = output.ToString();
                var diagnostics = DiagnosticLine.Matches(text)
                    .Select(m => new BuildDiagnostic(m.Groups["file"].Value, int.Parse(m.Groups["line"].Value), int.Parse(m.Groups["col"].Value),
                        m.Groups["sev"].Value, m.Groups["code"].Value, m.Groups["msg"].Value))
                    .Distinct()
                    .ToList();
                return new BuildResult(process.ExitCode, text, diagnostics);
            }

            private static string DotnetHost()
            {
                // Set by the dotnet CLI for the processes it starts: the same SDK host that runs the tests.
                var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
                return !string.IsNullOrEmpty(host) && File.Exists(host) ? host : "dotnet";
            }

            private static string RepositoryRoot()
            {
                // Test output may be outside the tree (--artifacts-path): the project records where the sources were.
                var recorded = typeof(EndToEndTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
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
}
