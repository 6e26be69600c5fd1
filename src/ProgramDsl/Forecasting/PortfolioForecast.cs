using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ProgramDsl.Portfolios;
using ProgramDsl.Scheduling;
using ProgramDsl.Scheduling.Leveling;
using ProgramDsl.Semantics;
using ProgramDsl.Text;

namespace ProgramDsl.Forecasting
{
    /// <summary>
    /// Monte Carlo forecast of a portfolio leveled together: one simulation over the joint network. Each iteration
    /// samples every program's remaining estimated tasks and open risks exactly as <see cref="MonteCarloForecast"/> does
    /// (programs in the portfolio's order, each its tasks then its risks), and decodes the joint activity list again,
    /// so a shared person's delay in one program moves the programs that wait for that person.
    /// <para>
    /// Deterministic for a seed whatever the number of threads (fixed blocks of iterations, each with its own random
    /// stream; integer totals), bounded by the same work budget as the single-program forecast, and cancellable.
    /// </para>
    /// </summary>
    public static class PortfolioForecast
    {
        /// <summary>
        /// Forecasts a compiled portfolio: one joint simulation when its programs were leveled together, else each
        /// scheduled program alone (<see cref="MonteCarloForecast"/>, the work budget split between them).
        /// </summary>
        public static PortfolioForecastResult Run(TpmPortfolio portfolio, ForecastOptions? options = null)
        {
            if (portfolio is null) throw new ArgumentNullException(nameof(portfolio));
            options ??= new ForecastOptions();
            SourceLocation? location = portfolio.Model?.Location ?? (portfolio.Members.Count > 0 ? portfolio.Members[0].Location : (SourceLocation?)null);
            if (portfolio.Schedule?.Network != null) return Joint(portfolio.Schedule, options, location);
            return Alone(portfolio.Members.Where(m => m.Program.Schedule?.Network != null).ToList(), options);
        }

        /// <summary>Forecasts the programs of a portfolio leveled together (<see cref="TpmPortfolio.Schedule"/>).</summary>
        public static PortfolioForecastResult Run(PortfolioSchedule schedule, ForecastOptions? options = null)
        {
            if (schedule is null) throw new ArgumentNullException(nameof(schedule));
            options ??= new ForecastOptions();
            SourceLocation? location = schedule.Programs.Count > 0 ? schedule.Programs[0].Member.Location : (SourceLocation?)null;
            return Joint(schedule, options, location);
        }

        private static void Validate(ForecastOptions options)
        {
            if (options.Iterations < 1 || options.Iterations > MonteCarloForecast.MaxIterations)
            {
                throw new ArgumentOutOfRangeException(nameof(options), "Iterations must be between 1 and " + MonteCarloForecast.MaxIterations + ".");
            }

            if (options.WorkBudget < 1) throw new ArgumentOutOfRangeException(nameof(options), "WorkBudget must be positive.");
        }

        private static PortfolioForecastResult Joint(PortfolioSchedule schedule, ForecastOptions options, SourceLocation? location)
        {
            Validate(options);
            var network = schedule.Network ?? throw new ArgumentException("The portfolio was not leveled together.", nameof(schedule));
            options.CancellationToken.ThrowIfCancellationRequested();
            try
            {
                return RunModel(new Model(network, options), options, location);
            }
            catch (Exception ex) when (IsPastTheCalendar(ex))
            {
                if (location is null) throw;
                throw new ForecastRangeException(Diagnostics.DiagnosticCatalog.ForecastBeyondCalendar(location.Value));
            }
        }

        private static bool IsPastTheCalendar(Exception ex) =>
            ex is CalendarRangeException || ex is OverflowException ||
            (ex is AggregateException aggregate && aggregate.InnerExceptions.All(IsPastTheCalendar));

        /// <summary>Leveling off: each program alone, as <c>tpm forecast program.tpm</c> would (the budget shared out).</summary>
        private static PortfolioForecastResult Alone(IReadOnlyList<PortfolioMember> members, ForecastOptions options)
        {
            Validate(options);
            var programs = new List<PortfolioProgramForecast>();
            long perIteration = 0;
            int iterations = options.Iterations;
            ProgramDsl.Diagnostics.Diagnostic? warning = null;
            foreach (var member in members)
            {
                var schedule = member.Program.Schedule!;
                var own = new ForecastOptions
                {
                    Iterations = options.Iterations,
                    Seed = options.Seed,
                    Calibration = options.Calibration,
                    History = options.History,
                    MinimumHistory = options.MinimumHistory,
                    WorkBudget = Math.Max(1, options.WorkBudget / Math.Max(1, members.Count)),
                    MaxDegreeOfParallelism = options.MaxDegreeOfParallelism,
                    CancellationToken = options.CancellationToken,
                };
                var result = MonteCarloForecast.Run(schedule, own);
                perIteration += result.WorkPerIteration;
                iterations = Math.Min(iterations, result.Iterations);
                warning ??= result.BudgetWarning;
                programs.Add(new PortfolioProgramForecast(member, result.Finish, schedule.Program.Deadline, result.DeadlineProbability, result.EstimatedTasks, result.OpenRisks));
            }

            var start = members.Count == 0 ? default : members.Min(m => m.Program.Schedule!.StartDate);
            return new PortfolioForecastResult(programs, false, iterations, options.Seed, start, null, null)
            {
                IterationsAsked = options.Iterations,
                WorkPerIteration = perIteration,
                BudgetWarning = warning,
            };
        }

        private static PortfolioForecastResult RunModel(Model model, ForecastOptions options, SourceLocation? location)
        {
            int asked = options.Iterations;
            long perIteration = Math.Max(1, new Worker(model).WorstCaseWork());
            int iterations = (int)Math.Max(MonteCarloForecast.MinimumIterations, Math.Min(asked, options.WorkBudget / perIteration));
            int programCount = model.Programs.Length;
            var finishes = Enumerable.Range(0, programCount).Select(_ => new int[iterations]).ToArray();
            var totals = new long[programCount + 1];
            IterationBlocks.Run(iterations, options, () => new Worker(model),
                (worker, random, i) => worker.Iterate(random, i, finishes),
                worker =>
                {
                    for (int k = 0; k < totals.Length; k++) totals[k] += worker.DeadlinesMet[k];
                });

            var result = Summarise(model, options, finishes, totals, iterations, location);
            result.IterationsAsked = asked;
            result.WorkPerIteration = perIteration;
            if (iterations < asked && location != null)
            {
                result.BudgetWarning = Diagnostics.DiagnosticCatalog.ForecastIterationsCut(location.Value, iterations, asked, perIteration, options.WorkBudget);
            }

            return result;
        }

        private static PortfolioForecastResult Summarise(Model model, ForecastOptions options, int[][] finishes, long[] totals, int n, SourceLocation? location)
        {
            var network = model.Network;
            int origin = network.Start.DayNumber;

            // An axis day past the last date a calendar can name (9999-12-31): such a forecast has no answer.
            long lastFinish = (long)CalendarDate.MaxValue.DayNumber - origin + 1;
            var overall = new int[n];
            long beyond = 0;
            for (int i = 0; i < n; i++)
            {
                int latest = int.MinValue;
                bool past = false;
                foreach (var values in finishes)
                {
                    latest = Math.Max(latest, values[i]);
                    past |= values[i] > lastFinish;
                }

                overall[i] = latest;
                if (past) beyond++;
            }

            if (beyond > 0)
            {
                if (location is null) throw new CalendarRangeException();
                throw new ForecastRangeException(Diagnostics.DiagnosticCatalog.ForecastBeyondCalendar(location.Value, beyond, n));
            }

            var programs = new List<PortfolioProgramForecast>();
            bool anyDeadline = false;
            for (int p = 0; p < model.Programs.Length; p++)
            {
                var program = model.Programs[p];
                var axis = program.Axis;
                int startDay = axis.EndDay(0);
                long workingDays = 0;
                foreach (int f in finishes[p]) workingDays += axis.Index(Math.Max(f, startDay));
                var finish = Distribution(finishes[p], startDay, network.Start, (double)workingDays / n, program.Schedule.FinishDate);
                double? deadline = program.DeadlineLimit is int ? (double)totals[p] / n : (double?)null;
                anyDeadline |= program.DeadlineLimit is int;
                programs.Add(new PortfolioProgramForecast(program.Member, finish, program.Schedule.Program.Deadline, deadline,
                    program.Sampling.Sampled.Length, program.Sampling.Risks.Length));
            }

            var planned = model.Programs.Length == 0 ? network.Start : model.Programs.Max(p => p.Schedule.FinishDate);
            long calendarDays = 0;
            foreach (int f in overall) calendarDays += f;
            var start = model.Programs.Length == 0 ? network.Start : model.Programs.Min(p => p.Schedule.StartDate);
            var total = Distribution(overall, start.DayNumber - origin, network.Start, (double)calendarDays / n - (start.DayNumber - origin), planned);
            return new PortfolioForecastResult(programs, true, n, options.Seed, start, total, anyDeadline ? (double)totals[model.Programs.Length] / n : (double?)null);
        }

        /// <summary>Percentiles (nearest rank) of exclusive finishes on the axis, as dates: the last day before each, or the start.</summary>
        private static FinishDistribution Distribution(int[] values, int startDay, CalendarDate origin, double meanDays, CalendarDate planned)
        {
            var sorted = (int[])values.Clone();
            Array.Sort(sorted);
            CalendarDate Rank(int percent)
            {
                int f = sorted[Math.Max(0, (int)Math.Ceiling(percent / 100.0 * sorted.Length) - 1)];
                return f <= startDay ? origin.AddDays(startDay) : origin.AddDays(f - 1);
            }

            return new FinishDistribution(Rank(50), Rank(80), Rank(95), meanDays, planned);
        }

        /// <summary>One program of the joint network, with what its iterations draw.</summary>
        private sealed class ProgramPart
        {
            public ProgramPart(PortfolioNetworkProgram entry, CalendarDate origin, ForecastOptions options)
            {
                Member = entry.Member ?? throw new ArgumentException("A program of the network has no member.");
                Schedule = entry.Schedule;
                Offset = entry.Offset;
                Network = entry.Network;
                Axis = entry.Axis ?? throw new ArgumentException("A program of the network has no axis.");
                Sampling = new ProgramSampling(Schedule, Network, options);
                TaskCount = Network.TaskCount;
                StartDay = Axis.EndDay(0);

                // Finishing on the deadline's day meets it: an exclusive finish at most the day after.
                DeadlineLimit = Schedule.Program.Deadline is CalendarDate deadline ? deadline.DayNumber - origin.DayNumber + 1 : (int?)null;
            }

            public PortfolioMember Member { get; }

            public Schedule Schedule { get; }

            public int Offset { get; }

            public ScheduleNetwork Network { get; }

            public ProgramAxis Axis { get; }

            public ProgramSampling Sampling { get; }

            public int TaskCount { get; }

            /// <summary>The program's start on the axis: the finish of a program that has nothing to do.</summary>
            public int StartDay { get; }

            /// <summary>The latest exclusive axis finish that meets the deadline.</summary>
            public int? DeadlineLimit { get; }
        }

        /// <summary>Everything an iteration reads, prepared once: shared, read-only, by all workers.</summary>
        private sealed class Model
        {
            public Model(PortfolioNetwork network, ForecastOptions options)
            {
                Network = network;
                Cancellation = options.CancellationToken;
                Programs = network.Programs.Select(p => new ProgramPart(p, network.Start, options)).ToArray();
                RiskWork = Programs.Sum(p => p.Sampling.RiskWork);
            }

            public PortfolioNetwork Network { get; }

            public CancellationToken Cancellation { get; }

            public ProgramPart[] Programs { get; }

            /// <summary>Drawing and applying every program's risks, which the engine's work units do not see.</summary>
            public long RiskWork { get; }
        }

        /// <summary>One thread's engine and scratch: it samples every program, decodes the joint list and scores.</summary>
        private sealed class Worker
        {
            private readonly Model _model;
            private readonly Engine _engine;
            private readonly int[] _duration;
            private readonly int[] _fixedFinish;
            private readonly SamplingScratch[] _scratch;

            // Each program's nodes on its own axis, rewritten by its draws, then carried onto the joint arrays.
            private readonly int[][] _localDuration;
            private readonly int[][] _localFinish;

            public Worker(Model model)
            {
                _model = model;
                var p = model.Network.Problem;
                _duration = (int[])p.Duration.Clone();
                _fixedFinish = (int[])p.FixedFinish.Clone();
                var own = new RcpspProblem(_duration, p.Capacity, p.DemandResource, p.DemandAmount, p.Precedences, p.Release, p.FixedStart, _fixedFinish, p.Priority, p.Calendars);
                _engine = new Engine(own, model.Cancellation);
                _scratch = model.Programs.Select(x => new SamplingScratch(x.Sampling)).ToArray();
                _localDuration = model.Programs.Select(x => new int[x.Network.NodeCount]).ToArray();
                _localFinish = model.Programs.Select(x => new int[x.Network.NodeCount]).ToArray();
                DeadlinesMet = new long[model.Programs.Length + 1];
            }

            /// <summary>Per program, iterations that met its deadline; last, iterations in which every deadline was met.</summary>
            public long[] DeadlinesMet { get; }

            /// <summary>The work of one iteration at its most costly (see <see cref="MonteCarloForecast.WorkBudget"/>).</summary>
            public long WorstCaseWork()
            {
                var model = _model;
                long before = _engine.Work;
                try
                {
                    Reset();
                    for (int q = 0; q < model.Programs.Length; q++)
                    {
                        var graph = model.Programs[q].Network.Graph;
                        _scratch[q].WorstCase(_localDuration[q], _localFinish[q], graph.FixedStart);
                        Carry(q);
                    }

                    _engine.Forward(model.Network.List);
                }
                catch (Exception ex) when (IsPastTheCalendar(ex))
                {
                    foreach (var scratch in _scratch) scratch.Reset();
                    Reset();
                    before = _engine.Work;
                    _engine.Forward(model.Network.List);
                }

                return _engine.Work - before + model.RiskWork;
            }

            public void Iterate(ForecastRandom random, int iteration, int[][] finishes)
            {
                var model = _model;
                Reset();

                // Programs in portfolio order, each its tasks then its risks: a block's stream gives the same iteration every time.
                for (int q = 0; q < model.Programs.Length; q++)
                {
                    _scratch[q].Draw(random, _localDuration[q], _localFinish[q], model.Programs[q].Network.Graph.FixedStart);
                    Carry(q);
                }

                var finish = _engine.Forward(model.Network.List).Finish;
                bool all = true;
                for (int q = 0; q < model.Programs.Length; q++)
                {
                    var program = model.Programs[q];
                    int latest = program.StartDay;
                    for (int v = 0; v < program.TaskCount; v++) latest = Math.Max(latest, finish[program.Offset + v]);
                    finishes[q][iteration] = latest;
                    if (program.DeadlineLimit is int limit)
                    {
                        if (latest <= limit) DeadlinesMet[q]++;
                        else all = false;
                    }
                }

                if (all) DeadlinesMet[model.Programs.Length]++;
            }

            /// <summary>The base problem's durations and fixed finishes, jointly and per program.</summary>
            private void Reset()
            {
                var p = _model.Network.Problem;
                Array.Copy(p.Duration, _duration, _duration.Length);
                Array.Copy(p.FixedFinish, _fixedFinish, _fixedFinish.Length);
                for (int q = 0; q < _model.Programs.Length; q++)
                {
                    var graph = _model.Programs[q].Network.Graph;
                    Array.Copy(graph.Duration, _localDuration[q], _localDuration[q].Length);
                    Array.Copy(graph.FixedFinish, _localFinish[q], _localFinish[q].Length);
                }
            }

            /// <summary>Writes a program's drawn durations and fixed finishes (mapped to the axis) onto the joint problem.</summary>
            private void Carry(int q)
            {
                var program = _model.Programs[q];
                var graph = program.Network.Graph;
                var duration = _localDuration[q];
                var fixedFinish = _localFinish[q];
                int offset = program.Offset;
                for (int v = 0; v < duration.Length; v++)
                {
                    if (duration[v] != graph.Duration[v]) _duration[offset + v] = duration[v];
                    if (fixedFinish[v] != graph.FixedFinish[v]) _fixedFinish[offset + v] = program.Axis.EndDay(fixedFinish[v]);
                }
            }
        }
    }
}
