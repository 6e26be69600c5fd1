using System;
using System.Linq;
using System.Text.RegularExpressions;
using CsCheck;
using ProgramDsl.Forecasting;
using ProgramDsl.Scheduling;

namespace ProgramDsl.Tests.Properties
{
    /// <summary>Properties of forecasts of random valid programs (see <see cref="PlanGenerator"/>).</summary>
    public class ForecastProperties
    {
        private static string Print(PlanSpec spec) => PlanGenerator.Build(spec).Text;

        private static void Check(bool condition, Func<string> message)
        {
            if (!condition) throw new Exception(message());
        }

        [Fact]
        public void Without_uncertainty_every_iteration_reproduces_the_schedule()
        {
            // With every estimate's spread removed (o = m = p) and no risks, each iteration re-schedules the planned
            // durations, so the forecast must land exactly on the planned finish and milestone dates, leveled or not.
            PlanGenerator.Plans().Sample(spec =>
            {
                var text = Regex.Replace(PlanGenerator.Build(spec).Text, @"estimate (\S+) (\S+) (\S+)", "estimate $2 $2 $2");
                var program = TpmProgram.Parse(text, "gen.tpm");
                var schedule = program.Schedule ?? throw new Exception("no schedule");
                var forecast = MonteCarloForecast.Run(schedule, new ForecastOptions { Iterations = 3 });
                Check(forecast.EstimatedTasks == 0 && forecast.OpenRisks == 0, () => "the generator now writes risks: update this property");
                Check(forecast.Finish.P95 == schedule.FinishDate && forecast.Finish.P50 == schedule.FinishDate,
                    () => $"finish: planned {schedule.FinishDate}, forecast P50 {forecast.Finish.P50} P95 {forecast.Finish.P95}");
                foreach (var m in forecast.Milestones)
                {
                    Check(m.Finish.P50 == m.Finish.Planned, () => $"{m.Milestone.Id}: planned {m.Finish.Planned}, forecast {m.Finish.P50}");
                }
            }, iter: 200, print: Print);
        }
    }
}
