using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using ProgramDsl.Reports.Artefacts;

namespace ProgramDsl.Reports.Tests
{
    /// <summary>
    /// Issue 11, <c>tpm build</c> at the input limits: every artefact is written to its stream as it is made, the bytes
    /// are the text's, and a plan ten times larger gives ten times the output (no item dropped, nothing quadratic).
    /// </summary>
    public class LargePlanArtefactTests
    {
        private static readonly UTF8Encoding Utf8 = new UTF8Encoding(false);

        private static byte[] Bytes(ArtefactFile file)
        {
            using var stream = new MemoryStream();
            file.WriteTo(stream);
            return stream.ToArray();
        }

        [Fact]
        public void Every_artefact_streams_the_same_bytes_as_its_text()
        {
            var compiled = ArtefactPlans.MlPlatform();
            var context = ArtefactContext.Create(compiled, ArtefactCatalog.All, forecastIterations: 200, toolVersion: "1.2.3");
            foreach (var file in ArtefactCatalog.All.SelectMany(e => e.Emit(context)))
            {
                Bytes(file).Should().Equal(Utf8.GetBytes(file.Text), file.FileName);
            }
        }

        [Fact]
        public void A_stream_that_is_written_twice_gets_the_same_bytes()
        {
            var compiled = ArtefactPlans.Compile(IcsCalendarEquivalenceTests.Generated(500));
            var context = ArtefactContext.Create(compiled, ArtefactCatalog.All, forecastIterations: 50);
            foreach (var file in ArtefactCatalog.All.SelectMany(e => e.Emit(context)))
            {
                Bytes(file).Should().Equal(Bytes(file), file.FileName);
            }
        }

        /// <summary>How many items of the plan each artefact holds: tasks, events, rows, lines.</summary>
        private static Dictionary<string, int> Counts(int tasks)
        {
            var compiled = ArtefactPlans.Compile(IcsCalendarEquivalenceTests.Generated(tasks));
            var context = ArtefactContext.Create(compiled, ArtefactCatalog.All, forecastIterations: 0);
            var files = ArtefactCatalog.All.SelectMany(e => e.Emit(context)).ToDictionary(f => f.FileName, f => Utf8.GetString(Bytes(f)));
            int Occurrences(string text, string what)
            {
                int n = 0;
                for (int at = text.IndexOf(what, StringComparison.Ordinal); at >= 0; at = text.IndexOf(what, at + what.Length, StringComparison.Ordinal)) n++;
                return n;
            }

            using var json = JsonDocument.Parse(files["schedule.json"]);
            return new Dictionary<string, int>
            {
                ["schedule.json"] = json.RootElement.GetProperty("tasks").GetArrayLength(),
                ["gantt.html"] = Occurrences(files["gantt.html"], "<title>Task ") + Occurrences(files["gantt.html"], "class=\"bar"),
                ["calendar.ics"] = Occurrences(files["calendar.ics"], "BEGIN:VEVENT\r\n"),
                ["gantt.mmd"] = files["gantt.mmd"].Split('\n').Count(l => l.StartsWith("    Task ", StringComparison.Ordinal)),
                ["project.xml"] = Occurrences(files["project.xml"], "<Task>"),
                ["schedule.csv"] = files["schedule.csv"].Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length - 1,
            };
        }

        [Fact]
        public void A_plan_of_30000_tasks_has_every_task_in_every_artefact()
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var small = Counts(3_000);
            var large = Counts(30_000);

            small["schedule.json"].Should().Be(3_000);
            large["schedule.json"].Should().Be(30_000);
            large["calendar.ics"].Should().Be(30_001, "a task or milestone each, and the deadline");
            large["project.xml"].Should().Be(30_001, "a task each, and the project summary");
            large["schedule.csv"].Should().Be(30_000);
            large["gantt.mmd"].Should().Be(30_000);
            // 27,000 more tasks: as many more items (the Gantt chart counts a tooltip and a bar per task), whatever the file.
            foreach (var (name, count) in small) (large[name] - count).Should().Be(27_000 * (name == "gantt.html" ? 2 : 1), name + " grows with the plan");

            // Not a timing, a guard against a hang: the whole takes about a second.
            clock.Elapsed.Should().BeLessThan(TimeSpan.FromMinutes(2));
        }
    }
}
