using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using Microsoft.Extensions.DependencyInjection;
using ProgramDsl.Cli.Tests.Infrastructure;
using ProgramDsl.Reports.Artefacts;

namespace ProgramDsl.Cli.Tests.Schemas
{
    /// <summary>
    /// Every JSON document the CLI prints or writes starts with <c>"format_version": 1</c> and has a schema. The commands
    /// that print JSON are found from the command tree itself (each command whose <c>--format</c> takes <c>json</c>), the
    /// files from the artefact catalogue and <c>tpm baseline save</c>: a new command or artefact without a known
    /// invocation and schema here fails.
    /// </summary>
    public class FormatVersionTests
    {
        private const string Plan = "plan.tpm";

        /// <summary>How each command that prints JSON is run on <see cref="Prepare"/>'s folder, and its document's schema.</summary>
        private static readonly IReadOnlyDictionary<string, (string[] Args, string Schema)> JsonCommands = new Dictionary<string, (string[], string)>(StringComparer.Ordinal)
        {
            ["check"] = (new[] { "check", Plan, "--format", "json" }, JsonSchemas.Diagnostics),
            ["schedule"] = (new[] { "schedule", Plan, "--format", "json" }, JsonSchemas.Schedule),
            ["forecast"] = (new[] { "forecast", Plan, "--format", "json", "--iterations", "20" }, JsonSchemas.Forecast),
            ["status"] = (new[] { "status", Plan, "--format", "json" }, JsonSchemas.Status),
            ["diff"] = (new[] { "diff", "old.tpm", Plan, "--format", "json" }, JsonSchemas.Diff),
        };

        /// <summary>The schema of each JSON file a command writes, by file name.</summary>
        private static readonly IReadOnlyDictionary<string, string> JsonFiles = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["schedule.json"] = JsonSchemas.Schedule,
        };

        /// <summary>The command paths (<c>baseline save</c>) whose <c>--format</c> accepts <c>json</c>, from the CLI's own command tree.</summary>
        public static IReadOnlyList<string> CommandsPrintingJson()
        {
            var services = new ServiceCollection().AddTpmCli();
            using var provider = services.BuildServiceProvider();
            var root = provider.GetRequiredService<CliApplication>().BuildRootCommand();
            var found = new List<string>();
            var work = new Stack<(Command Command, string Path)>();
            foreach (var c in root.Subcommands) work.Push((c, c.Name));
            while (work.Count > 0)
            {
                var (command, path) = work.Pop();
                foreach (var sub in command.Subcommands) work.Push((sub, path + " " + sub.Name));
                if (!command.Options.Any(o => o.Name == "--format" || o.Aliases.Contains("--format"))) continue;

                // Asked for json, the parser either takes it or says it is not one of the choices; other errors
                // (the missing file argument) do not name it.
                var parse = root.Parse(path.Split(' ').Concat(new[] { "--format", "json" }).ToArray());
                if (!parse.Errors.Any(e => e.Message.Contains("'json'", StringComparison.Ordinal))) found.Add(path);
            }

            return found.OrderBy(p => p, StringComparer.Ordinal).ToList();
        }

        [Fact]
        public void The_commands_that_print_json_are_found_from_the_command_tree()
        {
            var found = CommandsPrintingJson();
            // The known ones are found (so the search is not blind), and every one found is known here.
            found.Should().Contain(new[] { "check", "schedule", "status", "forecast", "diff" });
            found.Should().BeSubsetOf(JsonCommands.Keys,
                "each command whose --format takes json needs an invocation here, a schema in docs/schemas and format_version first");
            JsonCommands.Keys.Should().BeSubsetOf(found, "a command listed here no longer prints json");
        }

        public static IEnumerable<object[]> Commands() => CommandsPrintingJson().Select(c => new object[] { c });

        [Theory]
        [MemberData(nameof(Commands))]
        public void Every_json_a_command_prints_starts_with_format_version_1_and_follows_its_schema(string command)
        {
            JsonCommands.Should().ContainKey(command, "every command that prints json needs an invocation and a schema");
            var (args, schema) = JsonCommands[command];
            using var temp = Prepare();

            var result = Tpm.Run(temp.Path, args);

            result.ExitCode.Should().Be(0, result.ToString());
            FirstMemberIsVersion1(result.Out);
            JsonSchemas.Problems(result.Out, schema).Should().BeEmpty(result.Out);
        }

        [Fact]
        public void Every_json_file_the_build_writes_starts_with_format_version_1_and_follows_its_schema()
        {
            using var temp = Prepare();
            var result = Tpm.Run(temp.Path, "build", Plan, "--out", "out", "--emit", "all");
            result.ExitCode.Should().Be(0, result.ToString());

            var written = Directory.EnumerateFiles(Path.Combine(temp.Path, "out"), "*.json", SearchOption.AllDirectories).ToList();
            written.Select(Path.GetFileName).Should().BeEquivalentTo(
                ArtefactCatalog.All.SelectMany(e => e.FileNames).Where(f => f.EndsWith(".json", StringComparison.OrdinalIgnoreCase)),
                "each JSON artefact of the catalogue is written by --emit all");
            written.Should().NotBeEmpty();
            foreach (var file in written)
            {
                var name = Path.GetFileName(file);
                JsonFiles.Should().ContainKey(name, "every JSON artefact needs a schema in docs/schemas and format_version first");
                var text = File.ReadAllText(file);
                FirstMemberIsVersion1(text);
                JsonSchemas.Problems(text, JsonFiles[name]).Should().BeEmpty(name);
            }
        }

        [Fact]
        public void The_baseline_file_starts_with_format_version_1_and_follows_its_schema()
        {
            using var temp = Prepare();
            Tpm.Run(temp.Path, "baseline", "save", "old.tpm", "--name", "q1").ExitCode.Should().Be(0);
            var text = File.ReadAllText(Path.Combine(temp.Path, "old.baseline.q1.json"));
            FirstMemberIsVersion1(text);
            JsonSchemas.Problems(text, JsonSchemas.Baseline).Should().BeEmpty(text);
        }

        /// <summary>The JSON a command prints for a portfolio file (the command is in <see cref="JsonCommands"/> for a program), and its schema.</summary>
        private static readonly IReadOnlyDictionary<string, (string[] Args, string Schema)> PortfolioJsonCommands = new Dictionary<string, (string[], string)>(StringComparer.Ordinal)
        {
            ["schedule"] = (new[] { "schedule", "portfolio.tpm", "--format", "json" }, JsonSchemas.Portfolio),
            ["forecast"] = (new[] { "forecast", "portfolio.tpm", "--format", "json", "--iterations", "200" }, JsonSchemas.PortfolioForecast),
        };

        [Fact]
        public void Every_json_a_command_prints_for_a_portfolio_starts_with_format_version_1_and_follows_its_schema()
        {
            foreach (var (command, (args, schema)) in PortfolioJsonCommands)
            {
                using var temp = PortfolioCommandTests.Prepare();
                var result = Tpm.Run(temp.Path, args);
                result.ExitCode.Should().Be(0, command + ": " + result);
                FirstMemberIsVersion1(result.Out);
                JsonSchemas.Problems(result.Out, schema).Should().BeEmpty(result.Out);
            }
        }

        [Fact]
        public void Every_schema_in_docs_schemas_belongs_to_a_json_output()
        {
            var used = JsonCommands.Values.Select(c => c.Schema).Concat(PortfolioJsonCommands.Values.Select(c => c.Schema)).Concat(JsonFiles.Values).Append(JsonSchemas.Baseline)
                .ToHashSet(StringComparer.Ordinal);
            JsonSchemas.All.Should().BeEquivalentTo(used, "a schema no output uses is stale, and each output's schema must exist");
        }

        /// <summary>A tracked plan with a status date (so every command has something to print) and an older copy for diff.</summary>
        private static TempFolder Prepare()
        {
            var temp = new TempFolder();
            temp.Write("old.tpm", Plans.Valid);
            temp.Write(Plan, Plans.Valid
                .Replace("  currency EUR\n", "  currency EUR\n  status-date 2027-03-03\n")
                .Replace("{ effort 4d  assign ana }", "{ effort 4d  assign ana  actual-start 2027-03-01  progress 50% }")
                .Replace("{ duration 2d  after data.collect }", "{ estimate 1d 2d 4d  after data.collect }"));
            return temp;
        }

        private static void FirstMemberIsVersion1(string json)
        {
            json.Should().StartWith("{\n  \"format_version\": 1,\n", "format_version is the first member, so a reader can judge the document before reading the rest");
        }
    }
}
