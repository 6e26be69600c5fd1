using System;
using System.Collections.Generic;
using System.Linq;
using ProgramDsl.Scheduling;
using ProgramDsl.Scheduling.Leveling;
using ProgramDsl.Semantics;

namespace ProgramDsl.Portfolios
{
    /// <summary>
    /// One program's place on the portfolio's day axis: absolute calendar days from <see cref="Origin"/>. A program's
    /// dates are working-day indices of its own calendar; an index is a start (the day itself) or an end (the day after
    /// the last working day before it).
    /// </summary>
    internal sealed class ProgramAxis
    {
        public ProgramAxis(WorkingCalendar calendar, CalendarDate origin)
        {
            Calendar = calendar;
            Origin = origin;
        }

        /// <summary>The program's working days (index 0 = its first working day on or after its start).</summary>
        public WorkingCalendar Calendar { get; }

        /// <summary>Day 0 of the axis.</summary>
        public CalendarDate Origin { get; }

        /// <summary>The axis day of working day <paramref name="index"/>.</summary>
        public int StartDay(int index) => Calendar.DateOf(Math.Max(0, index)).DayNumber - Origin.DayNumber;

        /// <summary>The axis day just after working day <paramref name="index"/> − 1 (the program start for 0): an exclusive finish.</summary>
        public int EndDay(int index) => index <= 0 ? Calendar.Start.DayNumber - Origin.DayNumber : Calendar.DateOf(index - 1).DayNumber + 1 - Origin.DayNumber;

        /// <summary>The working-day index of an axis day: the working days before it (a start or an exclusive finish alike).</summary>
        public int Index(int day) => Calendar.FirstIndexOnOrAfter(Origin.AddDays(day));

        /// <summary>The calendar date of an axis day.</summary>
        public CalendarDate DateOf(int day) => Origin.AddDays(day);
    }

    /// <summary>
    /// A working-day calendar on the portfolio's axis: the days of <see cref="WorkingCalendar"/> (less those a task's
    /// people do not work, through its <see cref="TaskTime"/>), as axis days for the leveler.
    /// </summary>
    internal sealed class AxisCalendar : IActivityCalendar, IWorkingDayMarker
    {
        private readonly WorkingCalendar _calendar;
        private readonly TaskTime? _time;
        private readonly CalendarDate _origin;

        public AxisCalendar(WorkingCalendar calendar, TaskTime? time, CalendarDate origin)
        {
            _calendar = calendar;
            _time = time is { IsProgramTime: false } ? time : null;
            _origin = origin;
        }

        private int Day(int index) => _calendar.DateOf(index).DayNumber - _origin.DayNumber;

        private int IndexAtOrAfter(int day) => _calendar.FirstIndexOnOrAfter(_origin.AddDays(day));

        public int NextAvailable(int day)
        {
            int i = IndexAtOrAfter(Math.Max(0, day));
            if (_time != null) i = _time.NextAvailable(i);
            return Day(i);
        }

        public int PreviousAvailable(int day)
        {
            if (day < 0) return -1;
            int i = _calendar.LastIndexOnOrBefore(_origin.AddDays(day));
            if (i >= 0 && _time != null) i = _time.PreviousAvailable(i);
            return i < 0 ? -1 : Day(i);
        }

        public void MarkWorkingDays(int from, int to, ulong[] bits)
        {
            // A task's people work a subset of the program's days: theirs are the axis days.
            var days = _time?.Own ?? _calendar;
            int origin = _origin.DayNumber;
            days.MarkWorkingDays(origin + Math.Max(0, from), (int)Math.Min((long)origin + to, int.MaxValue), bits, origin);
        }

        public int Advance(int start, int days)
        {
            if (days <= 0) return start;
            int i = IndexAtOrAfter(start);
            int f = _time?.Advance(i, days) ?? checked(i + days);
            return Day(f - 1) + 1;
        }

        public int Retreat(int finish, int days)
        {
            if (days <= 0) return finish;
            int f = IndexAtOrAfter(finish - 1) + 1;
            int s = _time?.Retreat(f, days) ?? f - days;
            // Before the calendar's first day: no such start (the leveler rejects a negative one).
            return s < 0 ? s - 1 : Day(s);
        }
    }

    /// <summary>How a program takes part in one joint problem.</summary>
    internal enum JointRole
    {
        /// <summary>Left out (a lower priority level not yet leveled).</summary>
        Absent,

        /// <summary>Leveled: its nodes, lag nodes and precedences.</summary>
        Free,

        /// <summary>Held where an earlier level put it: its nodes fixed, holding their resources, without precedences.</summary>
        Fixed,
    }

    /// <summary>One program as the joint problem builder reads it.</summary>
    internal sealed class JointProgram
    {
        public JointProgram(int member, ProgramScheduler.LevelingGraph graph, WorkingCalendar calendar, CalendarDate origin, bool withDemands = true)
        {
            Member = member;
            Graph = graph;
            WithDemands = withDemands;
            Axis = new ProgramAxis(calendar, origin);
            var program = graph.Program;
            LagCalendar = new AxisCalendar(new WorkingCalendar(origin, program.Calendar.Workdays, program.Calendar.Holidays.Select(h => h.Range)), null, origin);

            // One axis calendar per distinct working time, so the leveler tabulates each once.
            var byTime = new Dictionary<TaskTime, AxisCalendar>();
            var programDays = new AxisCalendar(calendar, null, origin);
            var calendars = new IActivityCalendar[graph.NodeCount];
            for (int v = 0; v < calendars.Length; v++)
            {
                var time = graph.Time[v];
                if (time.IsProgramTime)
                {
                    calendars[v] = programDays;
                    continue;
                }

                if (!byTime.TryGetValue(time, out var axisTime)) byTime[time] = axisTime = new AxisCalendar(calendar, time, origin);
                calendars[v] = axisTime;
            }

            Calendars = calendars;
        }

        /// <summary>The member's index in the portfolio.</summary>
        public int Member { get; }

        public ProgramScheduler.LevelingGraph Graph { get; }

        /// <summary>False for a program scheduled without leveling: its people and pools do not constrain it.</summary>
        public bool WithDemands { get; }

        public ProgramAxis Axis { get; }

        /// <summary>The program's working days on the whole axis (before its start too): lags count them.</summary>
        public AxisCalendar LagCalendar { get; }

        /// <summary>The joint resource of each of the program's people and pools.</summary>
        public Dictionary<Symbol, int> Resources { get; } = new Dictionary<Symbol, int>();

        /// <summary>Each program node's calendar on the axis (one object per distinct working time).</summary>
        public IActivityCalendar[] Calendars { get; }
    }

    /// <summary>A joint problem and where each program's nodes and lag nodes are in it.</summary>
    internal sealed class JointProblem
    {
        public JointProblem(RcpspProblem problem, int[] nodeOffset, List<int>[] lagNodes, int[] owner, int[] lagTarget, Symbol?[][] resourceSymbols)
        {
            Problem = problem;
            NodeOffset = nodeOffset;
            LagNodes = lagNodes;
            Owner = owner;
            LagTarget = lagTarget;
            ResourceSymbols = resourceSymbols;
        }

        public RcpspProblem Problem { get; }

        /// <summary>Per program: the activity of its node 0 (its nodes follow in order), or -1 when absent.</summary>
        public int[] NodeOffset { get; }

        /// <summary>Per program: its lag nodes' activities, in the order they were made.</summary>
        public List<int>[] LagNodes { get; }

        /// <summary>Per activity: the program (index into the builder's list) it belongs to.</summary>
        public int[] Owner { get; }

        /// <summary>Per activity: for a lag node, the program node (activity) its chain leads to; else -1.</summary>
        public int[] LagTarget { get; }

        /// <summary>Per program: the symbol of each joint resource in that program (null where the program has none).</summary>
        public Symbol?[][] ResourceSymbols { get; }
    }

    /// <summary>
    /// Builds the joint leveling problem of programs on one day axis: each program's nodes with their working days as
    /// axis calendars, people and pools as resources (a shared one once), and each dependency exactly as the program's
    /// scheduler reads it: a lag counts the owning program's working days, through lag nodes that hold nothing.
    /// </summary>
    internal static class JointProblemBuilder
    {
        /// <summary>A person's day, as in the program scheduler.</summary>
        public const int PersonUnits = 1000;

        /// <summary>
        /// The problem. <paramref name="capacity"/> lists the joint resources (each
        /// program's <see cref="JointProgram.Resources"/> index them); <paramref name="fixedDates"/> gives, for a fixed
        /// program, each node's axis start and finish.
        /// </summary>
        public static JointProblem Build(IReadOnlyList<JointProgram> programs, IReadOnlyList<int> capacity, JointRole[] roles,
            IReadOnlyList<(int[] Start, int[] Finish)?> fixedDates, System.Threading.CancellationToken cancellationToken)
        {
            var builder = new RcpspBuilder();
            foreach (int c in capacity) builder.AddResource(c);
            var nodeOffset = new int[programs.Count];
            var lagNodes = new List<int>[programs.Count];
            var owner = new List<int>();
            var lagTarget = new List<int>();
            var symbols = new Symbol?[programs.Count][];
            for (int p = 0; p < programs.Count; p++)
            {
                var program = programs[p];
                lagNodes[p] = new List<int>();
                symbols[p] = new Symbol?[capacity.Count];
                foreach (var kv in program.Resources) symbols[p][kv.Value] = kv.Key;
                nodeOffset[p] = -1;
                if (roles[p] == JointRole.Absent) continue;
                var graph = program.Graph;
                var axis = program.Axis;
                var tasks = graph.Tasks;
                int offset = nodeOffset[p] = owner.Count;
                for (int v = 0; v < graph.NodeCount; v++)
                {
                    if ((v & 4095) == 4095) cancellationToken.ThrowIfCancellationRequested();
                    int priority = v < tasks.Count ? tasks[v].Priority : 500;
                    int a = builder.AddActivity(graph.Duration[v], axis.StartDay(graph.NotBefore[v]), priority, program.Calendars[v]);
                    owner.Add(p);
                    lagTarget.Add(-1);
                    if (roles[p] == JointRole.Fixed)
                    {
                        var dates = fixedDates[p]!.Value;
                        builder.Fix(a, dates.Start[v], dates.Finish[v]);
                    }
                    else if (graph.FixedStart[v] >= 0)
                    {
                        int s = graph.Duration[v] > 0 ? axis.StartDay(graph.FixedStart[v]) : axis.EndDay(graph.FixedStart[v]);
                        builder.Fix(a, s, graph.FixedFinish[v] >= 0 ? axis.EndDay(graph.FixedFinish[v]) : -1);
                    }

                    if (v >= tasks.Count || !program.WithDemands) continue;
                    foreach (var person in graph.Assigned[v])
                    {
                        int units = (int)Math.Max(1, Math.Round(person.Share * PersonUnits, MidpointRounding.AwayFromZero));
                        builder.AddDemand(a, program.Resources[person.Person], units);
                    }

                    foreach (var use in tasks[v].ResourceUses) builder.AddDemand(a, program.Resources[use.Resource], use.Units);
                }

                if (roles[p] == JointRole.Fixed) continue;
                int LagNode(int duration, int target)
                {
                    int x = builder.AddActivity(duration, 0, 500, program.LagCalendar);
                    owner.Add(p);
                    lagTarget.Add(target);
                    lagNodes[p].Add(x);
                    return x;
                }

                foreach (var e in graph.Edges) AddEdge(builder, e.From + offset, e.To + offset, e.Type, e.Lag, graph.Duration[e.From] > 0, LagNode);
            }

            cancellationToken.ThrowIfCancellationRequested();
            return new JointProblem(builder.Build(), nodeOffset, lagNodes, owner.ToArray(), lagTarget.ToArray(), symbols);
        }

        /// <summary>
        /// One dependency, exact in the owning program's working days. The leveler adds a lag as plain days; here the
        /// bound is made by nodes on the program's calendar instead. A node P that starts at the anchor (S ≥ anchor) and
        /// lasts d days ends just after working day a + d − 1, where a is the anchor's index; a node Q that must end by
        /// P's end and lasts d days starts on working day a + 1 − d. A start is bounded by any day that maps to its
        /// index; a finish needs the end form (the day after the previous working day), hence the extra node R.
        /// </summary>
        private static void AddEdge(RcpspBuilder builder, int from, int to, DependencyType type, int lag, bool fromWorks, Func<int, int, int> lagNode)
        {
            bool anchorIsStart = type == DependencyType.StartToStart || type == DependencyType.StartToFinish;
            bool targetIsStart = type == DependencyType.FinishToStart || type == DependencyType.StartToStart;

            // An anchor already in end form: the finish of a node that works.
            bool anchorIsEnd = !anchorIsStart && fromWorks;
            if (lag == 0 && (targetIsStart || anchorIsEnd))
            {
                builder.AddPrecedence(from, to, type, 0);
                return;
            }

            // P: starts at the anchor's working day.
            var startAfterAnchor = anchorIsStart ? DependencyType.StartToStart : DependencyType.FinishToStart;
            var intoTarget = targetIsStart ? DependencyType.FinishToStart : DependencyType.FinishToFinish;
            if (lag > 0)
            {
                int p = lagNode(lag, to);
                builder.AddPrecedence(from, p, startAfterAnchor, 0);
                builder.AddPrecedence(p, to, intoTarget, 0);
                return;
            }

            // lag ≤ 0: P of one day ends after working day a; Q ends there and reaches back.
            int first = lagNode(1, to);
            builder.AddPrecedence(from, first, startAfterAnchor, 0);
            if (targetIsStart)
            {
                // Q starts on working day a + lag.
                int q = lagNode(1 - lag, to);
                builder.AddPrecedence(first, q, DependencyType.FinishToFinish, 0);
                builder.AddPrecedence(q, to, DependencyType.StartToStart, 0);
            }
            else
            {
                // Q starts on working day a + lag − 1; R, one day from there, ends in the end form of a + lag.
                int q = lagNode(2 - lag, to);
                builder.AddPrecedence(first, q, DependencyType.FinishToFinish, 0);
                int r = lagNode(1, to);
                builder.AddPrecedence(q, r, DependencyType.StartToStart, 0);
                builder.AddPrecedence(r, to, DependencyType.FinishToFinish, 0);
            }
        }
    }

    /// <summary>
    /// What a portfolio was leveled on, for the portfolio forecast: the joint problem on one axis of calendar days from
    /// <see cref="Start"/>, the activity list of the chosen schedule, and where each program's nodes sit in it. The
    /// forecast rewrites the program nodes' durations and fixed finishes per iteration and decodes the list again; lag
    /// nodes (after every program's nodes) keep their durations: they are the lags, in their program's working days.
    /// </summary>
    internal sealed class PortfolioNetwork
    {
        public PortfolioNetwork(RcpspProblem problem, int[] list, CalendarDate start, IReadOnlyList<PortfolioNetworkProgram> programs)
        {
            Problem = problem ?? throw new ArgumentNullException(nameof(problem));
            List = list ?? throw new ArgumentNullException(nameof(list));
            Start = start;
            Programs = programs ?? throw new ArgumentNullException(nameof(programs));
        }

        /// <summary>The joint problem: every program's nodes, then lag nodes; shared people and pools are one resource each.</summary>
        public RcpspProblem Problem { get; }

        /// <summary>The schedule's activities in the order of their starts (a topological order over <see cref="Problem"/>).</summary>
        public int[] List { get; }

        /// <summary>
        /// Day 0 of the joint axis: a margin (two weeks) before the earliest program start, so leads before a program's
        /// start have working days to count. Joint day d is the calendar day <c>Start + d</c>.
        /// </summary>
        public CalendarDate Start { get; }

        /// <summary>Every scheduled program of the portfolio, in the portfolio's order (that of <see cref="PortfolioSchedule.Programs"/>).</summary>
        public IReadOnlyList<PortfolioNetworkProgram> Programs { get; }

        /// <summary>Each activity's start in the schedule (joint days).</summary>
        public int[] StartDays { get; internal set; } = Array.Empty<int>();

        /// <summary>Each activity's finish (exclusive, joint days) in the schedule.</summary>
        public int[] FinishDays { get; internal set; } = Array.Empty<int>();

        /// <summary>The joint day index of a calendar date.</summary>
        public int DayOf(CalendarDate date) => date.DayNumber - Start.DayNumber;

        /// <summary>The calendar date of a joint day index.</summary>
        public CalendarDate DateOf(int day) => Start.AddDays(day);
    }

    /// <summary>One program's place in a <see cref="PortfolioNetwork"/>.</summary>
    internal sealed class PortfolioNetworkProgram
    {
        public PortfolioNetworkProgram(int offset, ScheduleNetwork network, Schedule schedule)
        {
            Offset = offset;
            Network = network ?? throw new ArgumentNullException(nameof(network));
            Schedule = schedule ?? throw new ArgumentNullException(nameof(schedule));
        }

        /// <summary>
        /// The joint node of the program's node 0: program node v (task, workstream or gate node of
        /// <see cref="Network"/>) is joint node <c>Offset + v</c>, for every v below <c>Network.NodeCount</c>, with the
        /// same duration (working days of its own calendar) and, when fixed, the same dates mapped to the joint axis
        /// (<see cref="Axis"/>: a start to <see cref="ProgramAxis.StartDay"/>, a finish to <see cref="ProgramAxis.EndDay"/>).
        /// </summary>
        public int Offset { get; }

        /// <summary>The program's own network, on its own axis of working days (as <see cref="Schedule.Network"/> alone).</summary>
        public ScheduleNetwork Network { get; }

        /// <summary>The program's schedule in the portfolio's context.</summary>
        public Schedule Schedule { get; }

        /// <summary>The program as the portfolio names it.</summary>
        public PortfolioMember? Member { get; internal set; }

        /// <summary>Maps the program's working-day indices to joint days and back.</summary>
        public ProgramAxis? Axis { get; internal set; }

        public int NodeCount => Network.NodeCount;
    }
}
