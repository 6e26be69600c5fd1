using System.Collections.Generic;
using System.Linq;
using CsCheck;
using ProgramDsl.Semantics;
using Xunit.Abstractions;

namespace ProgramDsl.Tests.Properties
{
    /// <summary>The plan generator reaches every feature the properties are meant to cover.</summary>
    public class GeneratorCoverageTests
    {
        private readonly ITestOutputHelper _output;

        public GeneratorCoverageTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public void Generated_plans_cover_the_features()
        {
            var plans = new List<GeneratedPlan>();
            PlanGenerator.Plans().Sample(spec => { lock (plans) plans.Add(PlanGenerator.Build(spec)); }, iter: 300, threads: 1);
            var taskDeps = plans.SelectMany(p => p.TaskDependencies.SelectMany(d => d)).ToList();
            var wsDeps = plans.SelectMany(p => p.WorkstreamDependencies.SelectMany(d => d)).ToList();
            var counts = new Dictionary<string, int>
            {
                ["tasks"] = plans.Sum(p => p.TaskCount),
                ["milestones"] = plans.Sum(p => Enumerable.Range(0, p.TaskCount).Count(p.IsMilestone)),
                ["started"] = plans.Sum(p => Enumerable.Range(0, p.TaskCount).Count(i => p.ActualStart(i) != null)),
                ["not-before"] = plans.Sum(p => Enumerable.Range(0, p.TaskCount).Count(i => p.NotBefore(i) != null)),
                ["assigned tasks"] = plans.Sum(p => p.Assignees.Count(a => a.Length > 0)),
                ["people with calendars"] = plans.Sum(p => p.PersonCalendar.Count(c => c >= 0)),
                ["vacations"] = plans.Sum(p => p.Vacations.Sum(v => v.Length)),
                ["nested workstreams"] = plans.Sum(p => p.WorkstreamParent.Count(w => w >= 0)),
                ["fs"] = taskDeps.Count(d => d.Type == DependencyType.FinishToStart),
                ["ss"] = taskDeps.Count(d => d.Type == DependencyType.StartToStart),
                ["ff"] = taskDeps.Count(d => d.Type == DependencyType.FinishToFinish),
                ["sf"] = taskDeps.Count(d => d.Type == DependencyType.StartToFinish),
                ["leads"] = taskDeps.Count(d => d.Lag < 0),
                ["lags"] = taskDeps.Count(d => d.Lag > 0),
                ["after a workstream"] = taskDeps.Count(d => d.Workstream != null),
                ["workstream after"] = wsDeps.Count,
                ["tasks in workstreams"] = plans.Sum(p => p.TaskWorkstream.Count(w => w >= 0)),
            };
            foreach (var kv in counts) _output.WriteLine(kv.Key + ": " + kv.Value);
            counts.Where(kv => kv.Value < 20).Select(kv => kv.Key).Should().BeEmpty("every feature should appear often in 300 plans");
            plans.Max(p => p.TaskCount).Should().BeGreaterThan(45);
        }
    }
}
