using System;
using System.Globalization;
using System.Linq;
using System.Text;
using ProgramDsl.Reports.Artefacts;
using ProgramDsl.Reports.Mspdi;

namespace ProgramDsl.Reports.Tests
{
    /// <summary>
    /// Random small plans in the first and last weeks of the calendar (tracked, leveled, with holidays, due dates,
    /// deadlines and long working days), through every artefact and the MS Project round trip: nothing throws.
    /// </summary>
    public class CalendarEdgeRandomTests
    {
        [Fact]
        public void Plans_at_the_ends_of_the_calendar_go_through_every_artefact_and_the_mspdi_round_trip()
        {
            var rng = new Random(11);
            var failures = new StringBuilder();
            int scheduled = 0;
            string[] starts = { "0001-01-01", "0001-01-03", "9999-12-01", "9999-12-27", "9999-10-04", "9998-12-28" };
            for (int n = 0; n < 400; n++)
            {
                var start = starts[rng.Next(starts.Length)];
                bool low = start.StartsWith("0001", StringComparison.Ordinal);
                string Day() => (low ? "0001-01-" : "9999-12-") + rng.Next(1, low ? 28 : 32).ToString("00", CultureInfo.InvariantCulture);
                var text = new StringBuilder("program p \"P\" {\n  start " + start + "\n");
                if (rng.Next(2) == 0) text.Append("  deadline " + Day() + "\n");
                if (rng.Next(2) == 0) text.Append("  status-date " + Day() + "\n");
                if (rng.Next(2) == 0) text.Append("  holiday " + Day() + "\n");
                if (rng.Next(3) == 0) text.Append("  hours-per-day " + rng.Next(1, 25) + "\n");
                if (rng.Next(2) == 0) text.Append("  workdays mon..sun\n");
                text.Append("  person ana \"Ana\" { rate " + rng.Next(1, 1000) + "/d" + (rng.Next(3) == 0 ? "  vacation " + Day() : string.Empty) + " }\n");
                text.Append("  resource gpu \"G\" { capacity 2 }\n");
                int tasks = rng.Next(1, 5);
                for (int t = 0; t < tasks; t++)
                {
                    text.Append("  task t" + t + " \"T" + t + "\" { duration " + rng.Next(0, 30) + "d");
                    if (rng.Next(2) == 0) text.Append("  assign ana");
                    if (rng.Next(3) == 0) text.Append("  uses gpu 1");
                    if (t > 0 && rng.Next(2) == 0) text.Append("  after t" + (t - 1) + (rng.Next(3) == 0 ? " fs+" + rng.Next(0, 9) + "d" : string.Empty));
                    if (rng.Next(3) == 0) text.Append("  not-before " + Day());
                    if (rng.Next(3) == 0) text.Append("  due " + Day());
                    if (rng.Next(4) == 0) text.Append("  estimate 1d 2d 5d");
                    if (rng.Next(4) == 0) text.Append("  actual-start " + Day() + "  progress 50%");
                    text.Append(" }\n");
                }

                if (rng.Next(2) == 0) text.Append("  milestone m \"M\" { after t0 }\n");
                text.Append("}\n");
                var plan = text.ToString();
                try
                {
                    var compiled = TpmProgram.Parse(plan, "p.tpm");
                    if (compiled.Schedule is null || compiled.Diagnostics.Any(d => d.IsError)) continue;
                    scheduled++;
                    var context = ArtefactContext.Create(compiled, ArtefactCatalog.All, forecastIterations: 20);
                    foreach (var emitter in ArtefactCatalog.All) emitter.Emit(context);
                    var read = MspdiReader.Read(MspdiWriter.Write(compiled.Model!, compiled.Schedule));
                    read.Problems.Should().BeEmpty(plan);
                    var back = MspdiImporter.Import(read.Project!, "p.xml");
                    back.Problem.Should().BeNull(plan);
                    TpmProgram.Parse(back.Text!, "q.tpm");
                }
                catch (Exception ex)
                {
                    failures.Append(ex.GetType().Name + ": " + ex.Message + "\n" + ex.StackTrace + "\n" + plan + "\n");
                }
            }

            failures.ToString().Should().BeEmpty();
            scheduled.Should().BeGreaterThan(50, "enough of the plans schedule for the artefacts to be exercised");
        }
    }
}
