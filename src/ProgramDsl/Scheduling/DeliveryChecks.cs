using System;
using System.Collections.Generic;
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
        /// <param name="program">The bound program.</param>
        /// <param name="schedule">Its schedule, when there is one.</param>
        /// <param name="cancellationToken">Stops the checks with <see cref="OperationCanceledException"/>, looked at between them.</param>
        public static IReadOnlyList<Diagnostic> Run(ProgramSymbol program, Schedule? schedule = null, System.Threading.CancellationToken cancellationToken = default)
        {
            if (program is null) throw new ArgumentNullException(nameof(program));
            var result = new List<Diagnostic>();
            CheckRisks(program, result);
            cancellationToken.ThrowIfCancellationRequested();
            CheckSkills(program, schedule, result);
            cancellationToken.ThrowIfCancellationRequested();
            CheckDeployments(program, result, cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
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
                result.Add(DiagnosticCatalog.RiskUnmanaged(risk.Location, risk.Id, risk.Likelihood, risk.ImpactDays, noOwner, noMitigation));
            }
        }

        private static void CheckSkills(ProgramSymbol program, Schedule? schedule, List<Diagnostic> result)
        {
            Dictionary<RoleSymbol, List<PersonSymbol>>? holdersByRole = null;
            var unskilledRole = new Dictionary<(RoleSymbol, string), bool>();
            foreach (var task in program.Tasks)
            {
                if (task.RequiredSkills.Count == 0) continue;
                foreach (var a in task.Assignments)
                {
                    var missing = Missing(a.Person, task.RequiredSkills);
                    if (missing.Count > 0)
                    {
                        result.Add(DiagnosticCatalog.AssigneeLacksSkills(a.Location, a.Person.Id, task.Id, missing));
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
                            result.Add(DiagnosticCatalog.RoleHolderLacksSkills(ra.Location, chosen.Person.Id, ra.Role.Id, task.Id, missing));
                        }
                    }
                    else
                    {
                        // Whether some holder has every skill depends on the role and the skills only: judged once per pair
                        // (a scan of all people per role assignment was quadratic).
                        holdersByRole ??= HoldersByRole(program);
                        var key = (ra.Role, string.Join("\n", task.RequiredSkills));
                        if (!unskilledRole.TryGetValue(key, out bool unskilled))
                        {
                            var holders = holdersByRole.TryGetValue(ra.Role, out var list) ? list : new List<PersonSymbol>();
                            unskilledRole[key] = unskilled = holders.Count > 0 && !holders.Any(p => Missing(p, task.RequiredSkills).Count == 0);
                        }

                        if (!unskilled) continue;
                        result.Add(DiagnosticCatalog.NoRoleHolderHasSkills(ra.Location, ra.Role.Id, task.Id, task.RequiredSkills));
                    }
                }
            }
        }

        private static Dictionary<RoleSymbol, List<PersonSymbol>> HoldersByRole(ProgramSymbol program)
        {
            var holders = new Dictionary<RoleSymbol, List<PersonSymbol>>();
            foreach (var person in program.People)
            {
                foreach (var role in person.Roles.Distinct())
                {
                    if (!holders.TryGetValue(role, out var list)) holders[role] = list = new List<PersonSymbol>();
                    list.Add(person);
                }
            }

            return holders;
        }

        private static List<string> Missing(PersonSymbol person, IReadOnlyList<string> skills) =>
            skills.Where(s => !person.Skills.Contains(s)).Distinct(StringComparer.Ordinal).ToList();

        // What a task contributes to the checks, as bits: upstream a gate and each required review kind, downstream monitoring.
        private const int GateBit = 1, MonitoringBit = 1;

        private static int ReviewBit(int kind) => 2 << kind;

        private static void CheckDeployments(ProgramSymbol program, List<Diagnostic> result, System.Threading.CancellationToken cancellationToken)
        {
            var deployments = program.Tasks.Where(t => !t.IsMilestone && t.Phase == Phase.Deployment).ToList();
            if (deployments.Count == 0) return;

            var graph = new DeliveryGraph(program);
            var upstreamOwn = new int[graph.NodeCount];
            var downstreamOwn = new int[graph.NodeCount];
            foreach (var task in program.Tasks)
            {
                int bits = task.Gates.Count > 0 ? GateBit : 0;
                for (int k = 0; k < RequiredReviews.Count; k++) if (task.Reviews.Contains(RequiredReviews[k])) bits |= ReviewBit(k);
                upstreamOwn[task.Index] = bits;
                downstreamOwn[task.Index] = task.Phase == Phase.Monitoring ? MonitoringBit : 0;
            }

            cancellationToken.ThrowIfCancellationRequested();
            var upstream = graph.Reach(upstreamOwn, downstream: false);
            var downstream = graph.Reach(downstreamOwn, downstream: true);
            for (int k = 0; k < deployments.Count; k++)
            {
                if ((k & 1023) == 1023) cancellationToken.ThrowIfCancellationRequested();
                var deploy = deployments[k];
                int up = upstream[deploy.Index];
                if ((up & GateBit) == 0)
                {
                    result.Add(DiagnosticCatalog.DeploymentWithoutGate(deploy.Location, deploy.Id));
                }

                if ((downstream[deploy.Index] & MonitoringBit) == 0)
                {
                    result.Add(DiagnosticCatalog.DeploymentWithoutMonitoring(deploy.Location, deploy.Id));
                }

                var missing = MissingIn(up);
                if (missing.Count > 0)
                {
                    result.Add(DiagnosticCatalog.DeploymentWithoutReviews(deploy.Location, deploy.Id, missing));
                }
            }
        }

        private static List<string> MissingIn(int upstreamBits) =>
            Enumerable.Range(0, RequiredReviews.Count).Where(k => (upstreamBits & ReviewBit(k)) == 0).Select(k => RequiredReviews[k]).ToList();

        /// <summary>
        /// The kinds of <see cref="RequiredReviews"/> no task upstream of <paramref name="deployment"/> reviews,
        /// in the order TPM3005 names them: what a fix must add for the diagnostic to go. Empty when none is missing or the
        /// task is not the program's.
        /// </summary>
        public static IReadOnlyList<string> MissingReviews(ProgramSymbol program, TaskSymbol deployment)
        {
            if (program is null) throw new ArgumentNullException(nameof(program));
            if (deployment is null) throw new ArgumentNullException(nameof(deployment));
            if (deployment.Index < 0 || deployment.Index >= program.Tasks.Count || !ReferenceEquals(program.Tasks[deployment.Index], deployment)) return Array.Empty<string>();
            var graph = new DeliveryGraph(program);
            var own = new int[graph.NodeCount];
            foreach (var task in program.Tasks)
            {
                for (int k = 0; k < RequiredReviews.Count; k++) if (task.Reviews.Contains(RequiredReviews[k])) own[task.Index] |= ReviewBit(k);
            }

            return MissingIn(graph.Reach(own, downstream: false)[deployment.Index]);
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
                    result.Add(DiagnosticCatalog.GateMetricMissesTarget(i < locations.Count ? locations[i] : task.Location, metric.Id, Symbol.KindWord(task.Kind), task.Id, current, target, metric.Unit));
                }
            }
        }
    }
}
