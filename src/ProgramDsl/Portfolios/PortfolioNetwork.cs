using System;
using System.Collections.Generic;
using ProgramDsl.Scheduling;
using ProgramDsl.Scheduling.Leveling;
using ProgramDsl.Semantics;

namespace ProgramDsl.Portfolios
{
    /// <summary>
    /// What a portfolio was leveled on, for the portfolio forecast: the joint problem on one axis of calendar days from
    /// <see cref="Start"/>, the activity list that decodes to the chosen schedule, and where each program's nodes sit in
    /// it. The forecast rewrites the program nodes' durations and fixed finishes per iteration and decodes the list again.
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

        /// <summary>The joint problem: every program's nodes (plus any helper nodes, e.g. lags), shared people and pools as one resource each.</summary>
        public RcpspProblem Problem { get; }

        /// <summary>The activity list (topological over <see cref="Problem"/>) whose serial decoding is the portfolio schedule.</summary>
        public int[] List { get; }

        /// <summary>Day 0 of the joint axis: the earliest program start. Joint day d is the calendar day <c>Start + d</c>.</summary>
        public CalendarDate Start { get; }

        /// <summary>Every program of the portfolio, in the portfolio's order (that of <see cref="PortfolioSchedule.Programs"/>).</summary>
        public IReadOnlyList<PortfolioNetworkProgram> Programs { get; }

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
        /// same duration (working days of its own calendar) and, when fixed, the same dates mapped to the joint axis.
        /// </summary>
        public int Offset { get; }

        /// <summary>The program's own network, on its own axis of working days (as <see cref="Schedule.Network"/> alone).</summary>
        public ScheduleNetwork Network { get; }

        /// <summary>The program's schedule in the portfolio's context.</summary>
        public Schedule Schedule { get; }
    }
}
