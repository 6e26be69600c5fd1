using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ProgramDsl.Diagnostics;
using ProgramDsl.Semantics;

namespace ProgramDsl.Scheduling
{
    /// <summary>
    /// ML delivery checks (TPM3001–TPM3006): risks nobody manages, missing skills, deployment without an
    /// evaluation gate, monitoring or responsible-AI reviews, and gate metrics below target.
    /// </summary>
    /// <remarks>
    /// They judge the bound model, so they run whenever binding reports no error, with or without a schedule.
    /// "Upstream" and "downstream" follow the dependency graph transitively, whatever the dependency type, with a
    /// workstream's <c>after</c> applying to every task inside it and <c>after ws</c> meaning every task in <c>ws</c>.
    /// </remarks>
    public static class DeliveryChecks
    {
        /// <summary>
        /// TPM3001 threshold: an open risk whose exposure (likelihood × impact) is at least this many working days
        /// is high. Three days is a "medium" (30%) risk of two weeks or a "high" (60%) risk of a week.
        /// </summary>
        public const decimal HighRiskExposureDays = 3m;

        /// <summary>The review kinds TPM3005 asks for before deployment, in the order they are named.</summary>
        public static IReadOnlyList<string> RequiredReviews { get; } = new[] { "fairness", "privacy", "security" };

        /// <summary>Runs the checks. With a schedule, role assignments are judged by the person the scheduler chose.</summary>
        public static IReadOnlyList<Diagnostic> Run(ProgramSymbol program, Schedule? schedule = null)
        {
            if (program is null) throw new ArgumentNullException(nameof(program));
            var result = new List<Diagnostic>();
            CheckRisks(program, result);
            CheckSkills(program, schedule, result);
            CheckDeployments(program, result);
            CheckGateMetrics(program, result);
            return result;
        }

        private static void CheckRisks(ProgramSymbol program, List<Diagnostic> result)
        {
            foreach (var risk in program.Risks)
            {
                if (risk.Status != RiskStatus.Open) continue;
                var exposure = risk.Likelihood * risk.ImpactDays;
                if (exposure < HighRiskExposureDays) continue;
                bool noOwner = risk.Owner is null, noMitigation = string.IsNullOrWhiteSpace(risk.Mitigation);
                if (!noOwner && !noMitigation) continue;
                var missing = noOwner && noMitigation ? "no owner and no mitigation" : noOwner ? "no owner" : "no mitigation";
                var fix = noOwner && noMitigation ? "add an 'owner' and a 'mitigation'" : noOwner ? "add an 'owner'" : "add a 'mitigation'";
                result.Add(Diagnostic.Create(DiagnosticCatalog.UnmanagedRisk, risk.Location,
                    "open risk '" + risk.Id + "' has an exposure of " + Plural.WorkingDays(Math.Round(exposure, 2)) + " (" + Number(risk.Likelihood * 100) + "% × " +
                    Number(risk.ImpactDays) + "d) and " + missing + "; " + fix + ", or close the risk"));
            }
        }

        private static void CheckSkills(ProgramSymbol program, Schedule? schedule, List<Diagnostic> result)
        {
            foreach (var task in program.Tasks)
            {
                if (task.RequiredSkills.Count == 0) continue;
                foreach (var a in task.Assignments)
                {
                    var missing = Missing(a.Person, task.RequiredSkills);
                    if (missing.Count > 0)
                    {
                        result.Add(Diagnostic.Create(DiagnosticCatalog.MissingSkill, a.Location,
                            "'" + a.Person.Id + "' is assigned to task '" + task.Id + "' but lacks the required " + Skills(missing) + "; assign someone who has " + (missing.Count == 1 ? "it" : "them") + " or add " + (missing.Count == 1 ? "it" : "them") + " to '" + a.Person.Id + "'"));
                    }
                }

                // The people chosen for each role, grouped once: a scan of the assignees per role was quadratic.
                Dictionary<RoleSymbol, List<ScheduledAssignment>>? chosenFor = null;
                if (schedule != null && task.RoleAssignments.Count > 0)
                {
                    chosenFor = new Dictionary<RoleSymbol, List<ScheduledAssignment>>();
                    foreach (var x in schedule[task].Assigned)
                    {
                        if (x.ViaRole is null) continue;
                        if (!chosenFor.TryGetValue(x.ViaRole, out var list)) chosenFor[x.ViaRole] = list = new List<ScheduledAssignment>();
                        list.Add(x);
                    }
                }

                foreach (var ra in task.RoleAssignments)
                {
                    if (chosenFor != null)
                    {
                        // The scheduler picks a holder with the skills when there is one; judge whom it picked.
                        if (!chosenFor.TryGetValue(ra.Role, out var chosenForRole)) continue;
                        foreach (var chosen in chosenForRole)
                        {
                            var missing = Missing(chosen.Person, task.RequiredSkills);
                            if (missing.Count == 0) continue;
                            result.Add(Diagnostic.Create(DiagnosticCatalog.MissingSkill, ra.Location,
                                "'" + chosen.Person.Id + "', chosen for role '" + ra.Role.Id + "' on task '" + task.Id + "', lacks the required " + Skills(missing) + "; give the skill to a holder of the role or assign someone who has it"));
                        }
                    }
                    else
                    {
                        var holders = program.People.Where(p => p.Roles.Contains(ra.Role)).ToList();
                        if (holders.Count == 0 || holders.Any(p => Missing(p, task.RequiredSkills).Count == 0)) continue;
                        var missing = task.RequiredSkills.Where(s => !holders.Any(p => p.Skills.Contains(s))).ToList();
                        if (missing.Count == 0) missing = task.RequiredSkills.ToList();
                        result.Add(Diagnostic.Create(DiagnosticCatalog.MissingSkill, ra.Location,
                            "no holder of role '" + ra.Role.Id + "' on task '" + task.Id + "' has every required skill (" + string.Join(", ", task.RequiredSkills) + "); give the skills to a holder of the role or assign someone who has them"));
                    }
                }
            }
        }

        private static List<string> Missing(PersonSymbol person, IReadOnlyList<string> skills) =>
            skills.Where(s => !person.Skills.Contains(s)).Distinct(StringComparer.Ordinal).ToList();

        private static string Skills(List<string> missing) =>
            (missing.Count == 1 ? "skill " : "skills ") + string.Join(", ", missing.Select(s => "'" + s + "'"));

        private static void CheckDeployments(ProgramSymbol program, List<Diagnostic> result)
        {
            var deployments = program.Tasks.Where(t => !t.IsMilestone && t.Phase == Phase.Deployment).ToList();
            if (deployments.Count == 0) return;

            var predecessors = Predecessors(program);
            var successors = new List<TaskSymbol>[program.Tasks.Count];
            for (int i = 0; i < successors.Length; i++) successors[i] = new List<TaskSymbol>();
            foreach (var task in program.Tasks) foreach (var p in predecessors[task.Index]) successors[p.Index].Add(task);

            foreach (var deploy in deployments)
            {
                var upstream = Reach(deploy, predecessors);
                if (!upstream.Any(t => t.Gates.Count > 0))
                {
                    result.Add(Diagnostic.Create(DiagnosticCatalog.NoEvaluationGate, deploy.Location,
                        "deployment task '" + deploy.Id + "' has no milestone with a 'gate' upstream; make it depend ('after') on an evaluation milestone that gates a metric"));
                }

                var downstream = Reach(deploy, successors);
                if (!downstream.Any(t => t.Phase == Phase.Monitoring))
                {
                    result.Add(Diagnostic.Create(DiagnosticCatalog.NoMonitoring, deploy.Location,
                        "deployment task '" + deploy.Id + "' has no monitoring-phase task after it; add a task with 'phase monitoring' that depends on it"));
                }

                var missing = RequiredReviews.Where(k => !upstream.Any(t => t.Reviews.Contains(k))).ToList();
                if (missing.Count > 0)
                {
                    result.Add(Diagnostic.Create(DiagnosticCatalog.MissingReview, deploy.Location,
                        "deployment task '" + deploy.Id + "' has no " + string.Join(", ", missing) + " review upstream; add a task with 'review " + string.Join(", ", missing) + "' that it depends on"));
                }
            }
        }

        private static void CheckGateMetrics(ProgramSymbol program, List<Diagnostic> result)
        {
            foreach (var task in program.Tasks)
            {
                var gates = task.Gates;
                var locations = task.GateLocations;
                for (int i = 0; i < gates.Count; i++)
                {
                    var metric = gates[i];
                    if (!(metric.Target is MetricTarget target) || !(metric.Current is decimal current) || target.IsMetBy(current)) continue;
                    var unit = metric.Unit is null ? string.Empty : metric.Unit == "%" ? "%" : " " + metric.Unit;
                    result.Add(Diagnostic.Create(DiagnosticCatalog.GateMetricBelowTarget, i < locations.Count ? locations[i] : task.Location,
                        "metric '" + metric.Id + "' gating " + Symbol.KindWord(task.Kind) + " '" + task.Id + "' is at " + Number(current) + unit + ", which does not meet its target " + target + unit));
                }
            }
        }

        /// <summary>The direct predecessors of every task, by index: its own dependencies and its workstreams', expanded to tasks.</summary>
        private static List<TaskSymbol>[] Predecessors(ProgramSymbol program)
        {
            var members = new Dictionary<WorkstreamSymbol, List<TaskSymbol>>();
            foreach (var task in program.Tasks)
            {
                for (var ws = task.Container; ws != null; ws = ws.Container)
                {
                    if (!members.TryGetValue(ws, out var list)) members[ws] = list = new List<TaskSymbol>();
                    list.Add(task);
                }
            }

            void Add(List<TaskSymbol> into, IReadOnlyList<Dependency> dependencies)
            {
                foreach (var d in dependencies)
                {
                    if (d.Target is TaskSymbol t) into.Add(t);
                    else if (d.Target is WorkstreamSymbol ws && members.TryGetValue(ws, out var list)) into.AddRange(list);
                }
            }

            var result = new List<TaskSymbol>[program.Tasks.Count];
            foreach (var task in program.Tasks)
            {
                var list = new List<TaskSymbol>();
                Add(list, task.Dependencies);
                for (var ws = task.Container; ws != null; ws = ws.Container) Add(list, ws.Dependencies);
                result[task.Index] = list;
            }

            return result;
        }

        /// <summary>Every task reachable from <paramref name="start"/> through <paramref name="edges"/>, not counting itself.</summary>
        private static List<TaskSymbol> Reach(TaskSymbol start, List<TaskSymbol>[] edges)
        {
            var seen = new HashSet<TaskSymbol> { start };
            var found = new List<TaskSymbol>();
            var pending = new Stack<TaskSymbol>();
            pending.Push(start);
            while (pending.Count > 0)
            {
                foreach (var next in edges[pending.Pop().Index])
                {
                    if (!seen.Add(next)) continue;
                    found.Add(next);
                    pending.Push(next);
                }
            }

            return found;
        }

        private static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
    }
}
