using System.Linq;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using ProgramDsl.Cli.Tests.Schemas;
using ProgramDsl.LanguageServer.Tests.Infrastructure;

namespace ProgramDsl.LanguageServer.Tests
{
    /// <summary>
    /// <c>tpm/schedule</c> answers with the schedule JSON of <c>tpm schedule --format json</c>: format_version first, and
    /// valid against docs/schemas/schedule.schema.json (read closed) as it arrives over the wire.
    /// </summary>
    public sealed class ScheduleRequestSchemaTests
    {
        [Fact]
        public async Task The_schedule_of_the_example_program_follows_the_schedule_schema()
        {
            await using var s = await HoverTests.Session.StartAsync();

            var answer = (JObject)await s.Client.RequestAsync("tpm/schedule", HoverTests.Session.Document(s.Plan));

            answer.Properties().First().Name.Should().Be("format_version");
            answer["format_version"]!.Value<int>().Should().Be(1);
            answer["baseline"].Should().NotBeNull("the example is measured against its frozen baseline");
            JsonSchemas.Problems(answer.ToString(Formatting.None), JsonSchemas.Schedule).Should().BeEmpty();
        }

        [Fact]
        public async Task The_schedule_of_a_plan_with_errors_follows_the_schedule_schema()
        {
            using var workspace = new TempWorkspace();
            var plan = workspace.Write("program.tpm", "program p \"P\" {\n  start 2027-03-01\n  task a { duration 2d  after nowhere }\n}\n");
            await using var client = await LspClient.StartAsync(workspace.Root);
            await client.OpenAsync(plan);

            var answer = (JObject)await client.RequestAsync("tpm/schedule", HoverTests.Session.Document(plan));

            answer["diagnostics"]!.Select(d => (string?)d["code"]).Should().Contain("TPM1001");
            JsonSchemas.Problems(answer.ToString(Formatting.None), JsonSchemas.Schedule).Should().BeEmpty();
        }
    }
}
