using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using ProgramDsl.Build.Tests.Infrastructure;

namespace ProgramDsl.Build.Tests
{
    /// <summary>
    /// The packages as a user meets them: `dotnet pack ProgramDsl.sln` into a local feed, a console project that references
    /// ProgramDsl, ProgramDsl.Build and ProgramDsl.Analyzers from it, and the tpm tool installed from it. Slow (a solution
    /// pack and a handful of builds, two to three minutes), hence one fixture for all the tests.
    /// </summary>
    [Trait("Category", "EndToEnd")]
    public class PackageEndToEndTests : IClassFixture<PackedFeed>
    {
        // Program 'e2e-plan', hand-scheduled: start Mon 2027-01-04; extract 3 days (Jan 4-6), train 5 days after it
        // (Thu Jan 7 - Wed Jan 13, over the weekend), milestone done on train's finish day. Finish 2027-01-13.
        private const string Plan = """
            // A small plan for the end-to-end test.
            program e2e-plan "End-to-end plan" {
              start 2027-01-04
              person ana "Ana Ruiz"
              task extract "Extract the data" { effort 3d  assign ana }
              task train "Train the model" { effort 5d  assign ana  after extract }
              milestone done "Model ready" { after train }
            }
            """;

        // The builder plan 'pilot': collect 2 days (Jan 4-5), fit 3 days after it (Jan 6-8): finishes 2027-01-08.
        // Draft() drops a builder chain: the analyzers must report it (TPM5005), which shows the analyzer package loads.
        private const string ProgramWithDraft = """
            using ProgramDsl;
            using ProgramDsl.Building;

            internal static class Program
            {
                private static int Main()
                {
                    var plan = Plan.Program("pilot", "Pilot")
                        .Start("2027-01-04")
                        .Person("ana", "Ana Ruiz")
                        .Task("collect", "Collect the data", t => t.Effort(2).Assign("ana"))
                        .Task("fit", "Fit the model", t => t.Effort(3).Assign("ana").After("collect"))
                        .Build();
                    foreach (var diagnostic in plan.Diagnostics) System.Console.WriteLine(diagnostic);
                    System.Console.WriteLine("pilot finishes " + plan.Schedule?.FinishDate);
                    return plan.HasErrors ? 1 : 0;
                }

                internal static void Draft()
                {
                    Plan.Program("draft", "Draft")
                        .Start("2027-01-04")
                        .Task("sketch", "Sketch the idea", t => t.Duration(1));
                }
            }
            """;

        private const string PlainProgram = """
            internal static class Program
            {
                private static int Main() => 0;
            }
            """;

        private readonly PackedFeed _feed;

        public PackageEndToEndTests(PackedFeed feed) => _feed = feed;

        [Fact]
        public void Packing_the_solution_gives_exactly_the_packages_with_their_metadata()
        {
            Packed();
            Directory.GetFiles(_feed.Feed).Select(Path.GetFileName).Should().BeEquivalentTo(
                PackedFeed.PackageIds.Select(id => id + "." + _feed.Version + ".nupkg"), _feed.Pack.ToString());

            foreach (var id in PackedFeed.PackageIds)
            {
                var package = ReadPackage(id);
                var because = id + " (" + string.Join(", ", package.Files) + ")";
                package.Metadata("id").Should().Be(id, because);
                package.Metadata("version").Should().Be(_feed.Version, because);
                package.Metadata("authors").Should().Be("ProgramDsl", because);
                package.Metadata("license").Should().Be("MIT", because);
                package.Element("license")!.Attribute("type")!.Value.Should().Be("expression", because);
                package.Metadata("description").Should().NotBeNullOrWhiteSpace(because);
                package.Metadata("tags").Should().Contain("program-management", because);
                package.Element("repository")!.Attribute("type")!.Value.Should().Be("git", because);
                package.Element("repository")!.Attribute("url")!.Value.Should().StartWith("https://", because);
                var readme = package.Metadata("readme");
                readme.Should().NotBeNullOrEmpty(because);
                package.Files.Should().Contain(readme, because);
            }

            var library = ReadPackage("ProgramDsl");
            library.Files.Should().Contain(new[] { "lib/netstandard2.0/ProgramDsl.dll", "lib/net10.0/ProgramDsl.dll", "lib/net10.0/ProgramDsl.xml" });
            library.Dependencies().Should().Contain("Sprache");

            // Analyzers and the assemblies they load, nothing the consumer would reference.
            var analyzers = ReadPackage("ProgramDsl.Analyzers");
            analyzers.Files.Should().Contain(new[]
            {
                "analyzers/dotnet/cs/ProgramDsl.Analyzers.dll", "analyzers/dotnet/cs/ProgramDsl.Analyzers.CodeFixes.dll",
                "analyzers/dotnet/cs/ProgramDsl.dll", "analyzers/dotnet/cs/Sprache.dll",
            });
            analyzers.Files.Should().NotContain(f => f.StartsWith("lib/", StringComparison.Ordinal));
            analyzers.Dependencies().Should().BeEmpty();

            // Build logic and the tpm CLI it runs; no reference for the consumer, no dependency to drag along.
            var build = ReadPackage("ProgramDsl.Build");
            build.Files.Should().Contain(new[] { "build/ProgramDsl.Build.props", "build/ProgramDsl.Build.targets" });
            build.Files.Should().Contain(f => f.EndsWith("/tpm.dll", StringComparison.Ordinal));
            build.Files.Should().NotContain(f => f.StartsWith("lib/", StringComparison.Ordinal));
            build.Dependencies().Should().BeEmpty();

            // The tool carries the CLI with everything it loads (ProgramDsl.Reports is no package of its own). On linux-x64
            // ProgramDsl.Tool only points to the native package and to the framework-dependent one, for every other machine.
            var tool = ReadPackage(PackedFeed.JitToolPackageId);
            tool.Element("packageTypes")!.Elements().Select(e => e.Attribute("name")!.Value).Should().Equal(PackedFeed.PacksNative ? "DotnetToolRidPackage" : "DotnetTool");
            if (PackedFeed.PacksNative)
            {
                var pointer = ReadPackage("ProgramDsl.Tool");
                pointer.Element("packageTypes")!.Elements().Select(e => e.Attribute("name")!.Value).Should().Equal("DotnetTool");
                pointer.Files.Should().NotContain(f => f.EndsWith(".dll", StringComparison.Ordinal) || f.EndsWith("/tpm", StringComparison.Ordinal));
                var pointerSettings = XDocument.Parse(pointer.Read("tools/any/any/DotnetToolSettings.xml"));
                pointerSettings.Descendants().Where(e => e.Name.LocalName == "RuntimeIdentifierPackage")
                    .Select(e => e.Attribute("RuntimeIdentifier")!.Value + "=" + e.Attribute("Id")!.Value)
                    .Should().Equal("linux-x64=ProgramDsl.Tool.linux-x64", "any=ProgramDsl.Tool.any");

                // The native tpm alone, no debug files, and the framework-dependent tpm beside it for the language server.
                var native = ReadPackage("ProgramDsl.Tool.linux-x64");
                native.Element("packageTypes")!.Elements().Select(e => e.Attribute("name")!.Value).Should().Equal("DotnetToolRidPackage");
                native.Files.Should().Contain(new[] { "tools/any/linux-x64/tpm", "tools/any/linux-x64/DotnetToolSettings.xml", "tools/any/linux-x64/lsp/tpm.dll", "tools/any/linux-x64/lsp/ProgramDsl.LanguageServer.dll" });
                native.Files.Should().NotContain(f => f.EndsWith(".dbg", StringComparison.Ordinal) || f.EndsWith(".pdb", StringComparison.Ordinal));
                native.Files.Where(f => f.StartsWith("tools/any/linux-x64/", StringComparison.Ordinal) && !f.StartsWith("tools/any/linux-x64/lsp/", StringComparison.Ordinal))
                    .Should().BeEquivalentTo(new[] { "tools/any/linux-x64/tpm", "tools/any/linux-x64/DotnetToolSettings.xml" });
                var nativeSettings = XDocument.Parse(native.Read("tools/any/linux-x64/DotnetToolSettings.xml")).Descendants().Single(e => e.Name.LocalName == "Command");
                nativeSettings.Attribute("Runner")!.Value.Should().Be("executable");
                nativeSettings.Attribute("EntryPoint")!.Value.Should().Be("tpm");

                build.Files.Should().Contain("tools/tpm/linux-x64/tpm");
            }

            tool.Files.Should().Contain(new[]
            {
                "tools/net10.0/any/tpm.dll", "tools/net10.0/any/ProgramDsl.dll", "tools/net10.0/any/ProgramDsl.Reports.dll",
                "tools/net10.0/any/Sprache.dll", "tools/net10.0/any/System.CommandLine.dll", "tools/net10.0/any/DotnetToolSettings.xml",
            });
            var settings = XDocument.Parse(tool.Read("tools/net10.0/any/DotnetToolSettings.xml"));
            settings.Descendants().Single(e => e.Name.LocalName == "Command").Attribute("Name")!.Value.Should().Be("tpm");

            // tpm runs on a later .NET when .NET 10 is missing: the tool's and the Build package's copies both roll forward
            // to the next major version there is (and stay on .NET 10 where it is installed).
            foreach (var (package, config) in new[] { (tool, "tools/net10.0/any/tpm.runtimeconfig.json"), (build, "tools/tpm/tpm.runtimeconfig.json") })
            {
                using var runtimeConfig = JsonDocument.Parse(package.Read(config));
                var options = runtimeConfig.RootElement.GetProperty("runtimeOptions");
                options.GetProperty("rollForward").GetString().Should().Be("Major", config);
                options.GetProperty("tfm").GetString().Should().Be("net10.0", config);
            }
        }

        [Fact]
        public void A_console_project_with_the_packages_compiles_its_plan_on_build_skips_it_when_up_to_date_and_cleans_it()
        {
            Packed();
            var app = CreateConsumer("app", Plan, ProgramWithDraft);

            var first = Build(app, "build");
            first.ExitCode.Should().Be(0, first.ToString());
            first.Output.Should().NotContainAny(new[] { "AD0001", "CS8032", "CS9057" }, "the analyzers load in the consumer's compiler");
            // The only diagnostic is the analyzers' TPM5005 on the dropped builder chain in Draft(): the plan file is clean.
            var program = File.ReadAllLines(Path.Combine(app, "Program.cs"));
            var line = Array.FindIndex(program, l => l.Contains("Plan.Program(\"draft\"", StringComparison.Ordinal));
            BuildDiagnostic.Parse(first.Output, app).Should().BeEquivalentTo(new[]
            {
                new BuildDiagnostic(Path.Combine(app, "Program.cs"), line + 1, program[line].IndexOf("Plan.Program", StringComparison.Ordinal) + 1,
                    "warning", "TPM5005", "the plan 'draft' is set up but never used; call Build() or ToText() on it, or pass the builder on"),
            }, first.ToString());

            // ProgramDsl.Build wrote every artefact of the plan (TpmEmit defaults to all) under the output folder, one
            // folder per program id.
            var folder = Path.Combine(app, "bin", "Debug", "net10.0", "tpm", "e2e-plan");
            var schedule = Path.Combine(folder, "schedule.json");
            File.Exists(schedule).Should().BeTrue(first.ToString());
            Directory.GetFiles(folder).Select(Path.GetFileName).Should().BeEquivalentTo(
                new[] { "schedule.json", "gantt.html", "report.html", "report.md", "calendar.ics", "gantt.mmd", "project.xml", "schedule.csv" }, first.ToString());
            using (var json = JsonDocument.Parse(File.ReadAllText(schedule)))
            {
                var root = json.RootElement;
                root.GetProperty("program").GetProperty("id").GetString().Should().Be("e2e-plan");
                root.GetProperty("program").GetProperty("start").GetString().Should().Be("2027-01-04");
                root.GetProperty("program").GetProperty("finish").GetString().Should().Be("2027-01-13");
                root.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("id").GetString()).Should().Equal("extract", "train", "done");
                root.GetProperty("critical_path").EnumerateArray().Select(t => t.GetString()).Should().Equal("extract", "train", "done");
            }

            // The ProgramDsl package works at run time: the builder plan compiles and schedules.
            var run = Dotnet.Run(app, _feed.ConsumerEnvironment, PackedFeed.BuildTimeout, Path.Combine(app, "bin", "Debug", "net10.0", "app.dll"));
            run.ExitCode.Should().Be(0, run.ToString());
            run.Output.Trim().Should().Be("pilot finishes 2027-01-08", run.ToString());

            // Nothing changed: the second build skips the plan compilation and leaves the schedule as it was.
            var written = File.GetLastWriteTimeUtc(schedule);
            var second = Build(app, "build", "-v:n");
            second.ExitCode.Should().Be(0, second.ToString());
            second.Output.Should().MatchRegex(@"Skipping target ""TpmCompile"" because all output files are up-to-date", second.ToString());
            File.GetLastWriteTimeUtc(schedule).Should().Be(written, "the second build must not rewrite the schedule");

            // A baseline saved beside the plan (tpm baseline save's name) is an input: the slips it gives may change.
            File.WriteAllText(Path.Combine(app, "plan.baseline.q1.json"), "{}\n");
            var third = Build(app, "build", "-v:n");
            third.ExitCode.Should().Be(0, third.ToString());
            third.Output.Should().NotMatchRegex(@"Skipping target ""TpmCompile""", third.ToString());

            var clean = Build(app, "clean");
            clean.ExitCode.Should().Be(0, clean.ToString());
            File.Exists(schedule).Should().BeFalse("dotnet clean removes what the build wrote\n" + clean);
            (Directory.Exists(folder) ? Directory.GetFiles(folder) : Array.Empty<string>()).Should().BeEmpty("dotnet clean removes every artefact\n" + clean);
        }

        [Fact]
        public void An_unknown_reference_in_a_plan_fails_the_build_with_the_canonical_error_at_its_place()
        {
            Packed();
            // Line 6 is "  task train ... after extrct }": 'extrct' starts at column 63.
            var broken = Plan.Replace("after extract", "after extrct", StringComparison.Ordinal);
            broken.Should().NotBe(Plan);
            var app = CreateConsumer("broken", broken, PlainProgram);

            var plan = Path.Combine(app, "plan.tpm");
            var expected = plan + "(6,63): error TPM1001: unknown task 'extrct'; did you mean 'extract'?";

            // With both packages the analyzers see the plan first (an AdditionalFiles item) and fail the compilation.
            var withAnalyzers = Build(app, "build");
            AssertFailsWithOnly(withAnalyzers);

            // Without the plan in AdditionalFiles the compilation succeeds and ProgramDsl.Build's tpm run reports the same error.
            var withBuildOnly = Build(app, "build", "-p:ProgramDslAddTpmFiles=false", "-p:TpmAddAdditionalFiles=false");
            AssertFailsWithOnly(withBuildOnly);
            withBuildOnly.Output.Should().Contain("broken.dll", "the compilation ran and the plan failed after it\n" + withBuildOnly);
            withBuildOnly.Output.Should().NotContain("exited with code", "each tpm error is one build error at its place\n" + withBuildOnly);

            void AssertFailsWithOnly(ProcessResult result)
            {
                result.ExitCode.Should().NotBe(0, result.ToString());
                result.Output.Should().Contain(expected, result.ToString());
                BuildDiagnostic.Parse(result.Output, app).Should().BeEquivalentTo(new[]
                {
                    new BuildDiagnostic(plan, 6, 63, "error", "TPM1001", "unknown task 'extrct'; did you mean 'extract'?"),
                }, result.ToString());
                File.Exists(Path.Combine(app, "bin", "Debug", "net10.0", "tpm", "e2e-plan", "schedule.json")).Should().BeFalse("a plan with errors has no schedule");
            }
        }

        [Fact]
        public void The_tool_package_installs_a_tpm_that_schedules_the_sample_program()
        {
            Packed();
            // The README's command (Install), for this package id at the version the repository packs.
            var words = _feed.ReadmeToolInstallCommand();
            words.Should().Contain("ProgramDsl.Tool").And.Contain("--global").And.Contain("--add-source");
            var packedVersion = XDocument.Load(Path.Combine(_feed.Repository, "Directory.Build.props")).Descendants("Version").Single().Value;
            words.SkipWhile(w => w != "--version").Skip(1).FirstOrDefault().Should().Be(packedVersion, "the README installs the version dotnet pack makes");

            var install = _feed.ToolInstall;
            install.ExitCode.Should().Be(0, install.ToString());
            var tpm = _feed.Tpm;
            File.Exists(tpm).Should().BeTrue(install.ToString());

            // On linux-x64 the installed command is the native tpm (the package for this machine), elsewhere tpm.dll's apphost.
            var installedFrom = new FileInfo(tpm).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? tpm;
            if (PackedFeed.PacksNative) installedFrom.Should().EndWith(Path.Combine("tools", "any", "linux-x64", "tpm"), install.ToString());

            // The installed command is this run's build, not one from a cache.
            var version = Dotnet.Start(tpm, _feed.Root, _feed.ConsumerEnvironment, TimeSpan.FromMinutes(1), "--version");
            version.ExitCode.Should().Be(0, version.ToString());
            version.Output.Trim().Should().StartWith(_feed.Version, version.ToString());

            var sample = Path.Combine(_feed.Repository, "examples", "ml-platform", "program.tpm");
            var schedule = Dotnet.Start(tpm, _feed.Root, _feed.ConsumerEnvironment, TimeSpan.FromMinutes(2), "schedule", sample);
            schedule.ExitCode.Should().Be(0, schedule.ToString());
            schedule.Output.Should().StartWith("Program fraud-v3 \"Fraud Scoring v3\"", schedule.ToString());
            schedule.Output.Should().MatchRegex(@"(?m)^\s*start 2027-01-04\s+finish 2027-\d\d-\d\d\s+\d+ working days\s+deadline 2027-10-29", schedule.ToString());
        }

        [Fact]
        public void Package_descriptions_name_every_command_of_the_tool_and_every_artefact_of_the_build()
        {
            Packed();
            _feed.ToolInstall.ExitCode.Should().Be(0, _feed.ToolInstall.ToString());

            // The commands as the installed tpm lists them (tpm --help), not a copy of the list.
            var help = Dotnet.Start(_feed.Tpm, _feed.Root, _feed.ConsumerEnvironment, TimeSpan.FromMinutes(1), "--help");
            help.ExitCode.Should().Be(0, help.ToString());
            var commandsSection = help.Output.Substring(help.Output.IndexOf("Commands:", StringComparison.Ordinal));
            var commands = Regex.Matches(commandsSection, @"(?m)^  ([a-z]+)\b").Select(m => m.Groups[1].Value).ToList();
            commands.Should().Contain(new[] { "check", "schedule", "build", "lsp" }, help.ToString());

            // The artefact files as tpm build lists them (its --emit help names each file).
            var buildHelp = Dotnet.Start(_feed.Tpm, _feed.Root, _feed.ConsumerEnvironment, TimeSpan.FromMinutes(1), "build", "--help");
            buildHelp.ExitCode.Should().Be(0, buildHelp.ToString());
            var emitHelp = Regex.Replace(buildHelp.Output.Substring(buildHelp.Output.IndexOf("--emit", StringComparison.Ordinal)), @"\s+", " ");
            emitHelp = emitHelp.Substring(0, emitHelp.IndexOf("[default: all]", StringComparison.Ordinal));
            var artefacts = Regex.Matches(emitHelp, @"\b[a-z]+\.(?:json|html|md|ics|mmd|xml|csv)\b").Select(m => m.Value).Distinct().ToList();
            artefacts.Should().Contain(new[] { "schedule.json", "gantt.html", "project.xml" }, buildHelp.ToString());

            var tool = ReadPackage("ProgramDsl.Tool");
            var build = ReadPackage("ProgramDsl.Build");
            foreach (var (package, text) in new[]
                     {
                         ("ProgramDsl.Tool description", tool.Metadata("description")!), ("ProgramDsl.Tool readme", tool.Read(tool.Metadata("readme")!)),
                     })
            {
                foreach (var command in commands) text.Should().MatchRegex(@"\b" + command + @"\b", package + " names the command " + command);
            }

            foreach (var (package, text) in new[]
                     {
                         ("ProgramDsl.Build description", build.Metadata("description")!), ("ProgramDsl.Build readme", build.Read(build.Metadata("readme")!)),
                     })
            {
                foreach (var artefact in artefacts) text.Should().Contain(artefact, package + " names the artefact " + artefact);
                text.Should().Contain("publish", package + " says dotnet publish takes the artefacts");
            }

            // The analyzers and the library say how they work beside the build package.
            ReadPackage("ProgramDsl.Analyzers").Metadata("description").Should().Contain("ProgramDsl.Build").And.Contain("once");
            ReadPackage("ProgramDsl").Metadata("description").Should().Contain("forecast").And.Contain("baselines");
        }

        [Fact]
        public void With_the_analyzers_and_the_build_package_each_plan_problem_is_reported_once_with_its_help_link()
        {
            Packed();
            _feed.ToolInstall.ExitCode.Should().Be(0, _feed.ToolInstall.ToString());
            // Milestone 'done' finishes 2027-01-13, after its due date 2027-01-08 (TPM2201, reported by the analyzers). A
            // frozen baseline from the plan with train one day shorter makes it slip by a day (TPM2203): the analyzers'
            // compiler reads no baselines, so the build package reports that one.
            var due = Plan.Replace("milestone done \"Model ready\" { after train }", "milestone done \"Model ready\" { after train  due 2027-01-08 }", StringComparison.Ordinal);
            due.Should().NotBe(Plan);
            var app = CreateConsumer("once", due.Replace("effort 5d", "effort 4d", StringComparison.Ordinal), PlainProgram);
            var plan = Path.Combine(app, "plan.tpm");
            var save = Dotnet.Start(_feed.Tpm, app, _feed.ConsumerEnvironment, TimeSpan.FromMinutes(1), "baseline", "save", "plan.tpm");
            save.ExitCode.Should().Be(0, save.ToString());
            File.WriteAllText(plan, due.Replace("  start 2027-01-04", "  start 2027-01-04\n  baseline \"plan.baseline.json\"", StringComparison.Ordinal) + "\n");

            // MSBuild repeats every warning in its summary, after "Build succeeded.": the lines before it are the reports. The
            // summary counts them too: the due date and the slip, nothing else.
            var build = Build(app, "build");
            build.ExitCode.Should().Be(0, build.ToString());
            build.Output.Should().MatchRegex(@"(?m)^\s*2 Warning\(s\)", build.ToString());
            var lines = Reported(build);
            var dueDate = lines.Where(l => l.Contains(": warning TPM2201: ", StringComparison.Ordinal)).ToList();
            dueDate.Should().ContainSingle(build.ToString());
            dueDate[0].Should().StartWith(plan + "(8,47): warning TPM2201: milestone 'done' finishes on 2027-01-13, 3 working days after its due date 2027-01-08", build.ToString());
            dueDate[0].Should().Contain("(https://github.com/programdsl/programdsl/blob/main/docs/diagnostics/TPM2201.md)", "the copy that stays is the analyzers', with its help link");
            var slipped = lines.Where(l => l.Contains(": warning TPM2203: ", StringComparison.Ordinal)).ToList();
            slipped.Should().ContainSingle(build.ToString());
            slipped[0].Should().StartWith(plan + "(8,13): warning TPM2203: milestone 'done' is now on 2027-01-13, 1 working day after its baseline date 2027-01-12", build.ToString());
            File.Exists(Path.Combine(app, "bin", "Debug", "net10.0", "tpm", "e2e-plan", "schedule.json")).Should().BeTrue(build.ToString());

            // Without the analyzers running, the build package reports the due date itself, once.
            var withoutAnalyzers = Build(app, "build", "-p:RunAnalyzers=false");
            withoutAnalyzers.ExitCode.Should().Be(0, withoutAnalyzers.ToString());
            Reported(withoutAnalyzers).Where(l => l.Contains(": warning TPM2201: ", StringComparison.Ordinal)).Should().ContainSingle(withoutAnalyzers.ToString());

            static List<string> Reported(ProcessResult result) =>
                result.Output.Split('\n').Select(l => l.TrimEnd('\r')).TakeWhile(l => l.Trim() != "Build succeeded." && l.Trim() != "Build FAILED.").ToList();
        }

        [Fact]
        public void Dotnet_publish_copies_the_artefacts_the_build_package_writes()
        {
            Packed();
            var app = Path.Combine(_feed.Work, "published");
            Directory.CreateDirectory(app);
            File.WriteAllText(Path.Combine(app, "published.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="ProgramDsl.Build" Version="{_feed.Version}" PrivateAssets="all" />
                  </ItemGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(app, "plan.tpm"), Plan + "\n");
            File.WriteAllText(Path.Combine(app, "Program.cs"), PlainProgram + "\n");

            var publish = Build(app, "publish", "-o", "out");
            publish.ExitCode.Should().Be(0, publish.ToString());
            var built = Path.Combine(app, "bin", "Release", "net10.0", "tpm", "e2e-plan");
            var published = Path.Combine(app, "out", "tpm", "e2e-plan");
            Directory.Exists(built).Should().BeTrue(publish.ToString());
            var names = Directory.GetFiles(built).Select(Path.GetFileName).ToList();
            names.Should().HaveCount(8, publish.ToString());
            Directory.Exists(published).Should().BeTrue(publish.ToString());
            Directory.GetFiles(published).Select(Path.GetFileName).Should().BeEquivalentTo(names, publish.ToString());
            foreach (var name in names)
            {
                File.ReadAllBytes(Path.Combine(published, name!)).Should().Equal(File.ReadAllBytes(Path.Combine(built, name!)), name);
            }

            File.Exists(Path.Combine(app, "out", "published.dll")).Should().BeTrue(publish.ToString());
        }

        [Fact]
        public void A_portfolio_among_the_plans_is_built_as_a_portfolio_and_clean_keeps_the_output_folder()
        {
            Packed();
            var app = Path.Combine(_feed.Work, "portfolio");
            Directory.CreateDirectory(Path.Combine(app, "shared"));
            File.WriteAllText(Path.Combine(app, "portfolio.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <TpmEmit>json</TpmEmit>
                    <TpmOutputPath>site/</TpmOutputPath>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="ProgramDsl.Build" Version="{_feed.Version}" PrivateAssets="all" />
                  </ItemGroup>
                </Project>
                """);
            // Two programs sharing Ana through one fragment: leveled together, alpha (priority 800) has her first, Jan
            // 4-8, and beta's 5 days follow, Jan 11-15.
            File.WriteAllText(Path.Combine(app, "shared", "people.tpm"), "person ana \"Ana\"\n");
            foreach (var (id, task) in new[] { ("alpha", "build"), ("beta", "prep") })
            {
                Directory.CreateDirectory(Path.Combine(app, id));
                File.WriteAllText(Path.Combine(app, id, "program.tpm"),
                    "program " + id + " {\n  start 2027-01-04\n  include \"../shared/people.tpm\"\n  task " + task + " { duration 5d  assign ana }\n}\n");
            }

            File.WriteAllText(Path.Combine(app, "portfolio.tpm"), "portfolio org {\n  program \"alpha/program.tpm\" { priority 800 }\n  program \"beta/program.tpm\" { priority 600 }\n}\n");
            File.WriteAllText(Path.Combine(app, "Program.cs"), PlainProgram + "\n");
            // The output folder is the project's own: the page goes beside its files, and clean leaves them.
            var output = Path.Combine(app, "site");
            Directory.CreateDirectory(output);
            File.WriteAllText(Path.Combine(output, "keep.txt"), "mine\n");

            var build = Build(app, "build");
            build.ExitCode.Should().Be(0, build.ToString());
            File.Exists(Path.Combine(output, "index.html")).Should().BeTrue(build.ToString());
            Directory.GetDirectories(output).Select(Path.GetFileName).Should().BeEquivalentTo(new[] { "alpha", "beta" }, build.ToString());
            using (var beta = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "beta", "schedule.json"))))
            {
                beta.RootElement.GetProperty("program").GetProperty("finish").GetString().Should().Be("2027-01-15", "beta is leveled in the portfolio, after alpha");
            }

            var clean = Build(app, "clean");
            clean.ExitCode.Should().Be(0, clean.ToString());
            File.Exists(Path.Combine(output, "index.html")).Should().BeFalse(clean.ToString());
            Directory.Exists(Path.Combine(output, "beta")).Should().BeFalse(clean.ToString());
            File.Exists(Path.Combine(output, "keep.txt")).Should().BeTrue("clean removes the program folders and the page, not the output folder they were in\n" + clean);
        }

        [Fact]
        public void On_linux_x64_the_build_package_runs_its_native_tpm_and_TpmUseNative_false_runs_tpm_dll()
        {
            if (!PackedFeed.PacksNative) return;
            Packed();
            var app = CreateConsumer("native-app", Plan, PlainProgram);
            var schedule = Path.Combine(app, "bin", "Debug", "net10.0", "tpm", "e2e-plan", "schedule.json");

            // Exec logs its command line at normal verbosity.
            var native = Build(app, "build", "-v:n");
            native.ExitCode.Should().Be(0, native.ToString());
            native.Output.Should().MatchRegex(@"""[^""\n]*/tools/tpm/linux-x64/tpm"" @""", native.ToString());
            native.Output.Should().NotContain("tpm.dll\" @", native.ToString());
            var nativeSchedule = File.ReadAllText(schedule);

            // The portable tpm.dll on request (a changed property is a changed command: the plans compile again).
            var jit = Build(app, "build", "-v:n", "-p:TpmUseNative=false");
            jit.ExitCode.Should().Be(0, jit.ToString());
            jit.Output.Should().MatchRegex(@"/tools/tpm/tpm\.dll"" @""", jit.ToString());
            File.ReadAllText(schedule).Should().Be(nativeSchedule, "the native and the portable tpm write the same schedule");
        }

        [Fact]
        public void The_installed_native_tool_writes_the_same_bytes_as_the_framework_dependent_one()
        {
            if (!PackedFeed.PacksNative) return;
            Packed();
            _feed.ToolInstall.ExitCode.Should().Be(0, _feed.ToolInstall.ToString());

            // The framework-dependent tool as ProgramDsl.Tool.any carries it, run with dotnet.
            var jit = Path.Combine(_feed.Root, "jit-tool");
            using (var zip = ZipFile.OpenRead(_feed.PackagePath(PackedFeed.JitToolPackageId)))
            {
                foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("tools/net10.0/any/", StringComparison.Ordinal) && e.Name.Length > 0))
                {
                    var target = Path.Combine(jit, entry.FullName.Substring("tools/net10.0/any/".Length));
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    entry.ExtractToFile(target);
                }
            }

            // tests/native-check.sh compares every artefact of tpm build, the forecast, an import and hostile files, and
            // checks both tools' lsp runs the JIT server.
            var environment = new Dictionary<string, string?>(_feed.ConsumerEnvironment)
            {
                ["TPM_NATIVE"] = _feed.Tpm,
                ["TPM_JIT_DLL"] = Path.Combine(jit, "tpm.dll"),
            };
            var check = Dotnet.Start("bash", _feed.Repository, environment, TimeSpan.FromMinutes(5), Path.Combine(_feed.Repository, "tests", "native-check.sh"));
            check.ExitCode.Should().Be(0, check.ToString());
            check.Output.Should().Contain("same       ./fraud-v3/schedule.json", check.ToString()).And.NotContain("DIFFERENT", check.ToString());
        }

        /// <summary>Packs on first use and fails every test with the pack's output when the pack fails.</summary>
        private void Packed() => _feed.Pack.ExitCode.Should().Be(0, _feed.Pack.ToString());

        /// <summary>A console project as a user writes it: the three packages at this run's version, a plan and a Program.cs.</summary>
        private string CreateConsumer(string name, string plan, string program)
        {
            var directory = Path.Combine(_feed.Work, name);
            Directory.CreateDirectory(directory);
            File.WriteAllText(Path.Combine(directory, name + ".csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <!-- An analyzer that cannot load is only a warning by default: make it fail. -->
                    <WarningsAsErrors>$(WarningsAsErrors);AD0001;CS8032;CS9057</WarningsAsErrors>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="ProgramDsl" Version="{_feed.Version}" />
                    <PackageReference Include="ProgramDsl.Build" Version="{_feed.Version}" PrivateAssets="all" />
                    <PackageReference Include="ProgramDsl.Analyzers" Version="{_feed.Version}" PrivateAssets="all" />
                  </ItemGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(directory, "plan.tpm"), plan + "\n");
            File.WriteAllText(Path.Combine(directory, "Program.cs"), program + "\n");
            return directory;
        }

        private ProcessResult Build(string project, string command, params string[] extra) =>
            Dotnet.Run(project, _feed.ConsumerEnvironment, PackedFeed.BuildTimeout,
                new[] { command, "-nologo", "-tl:off", "-nodeReuse:false" }.Concat(extra).ToArray());

        private NuGetPackage ReadPackage(string id) => new NuGetPackage(_feed.PackagePath(id));

        /// <summary>The file list and nuspec of a .nupkg.</summary>
        private sealed class NuGetPackage
        {
            private readonly string _path;
            private readonly XElement _metadata;

            public NuGetPackage(string path)
            {
                _path = path;
                using var zip = ZipFile.OpenRead(path);
                Files = zip.Entries.Select(e => e.FullName).ToList();
                var nuspec = zip.Entries.Single(e => !e.FullName.Contains('/') && e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
                using var stream = nuspec.Open();
                _metadata = XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
            }

            public IReadOnlyList<string> Files { get; }

            public XElement? Element(string name) => _metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name);

            public string? Metadata(string name) => Element(name)?.Value;

            public IReadOnlyList<string> Dependencies() =>
                _metadata.Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => e.Attribute("id")!.Value).Distinct().ToList();

            public string Read(string file)
            {
                using var zip = ZipFile.OpenRead(_path);
                using var reader = new StreamReader(zip.GetEntry(file)!.Open());
                return reader.ReadToEnd();
            }
        }
    }
}
