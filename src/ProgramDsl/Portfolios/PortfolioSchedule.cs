using System;
using System.Collections.Generic;
using ProgramDsl.Scheduling;
using ProgramDsl.Semantics;

namespace ProgramDsl.Portfolios
{
    /// <summary>The programs of a portfolio leveled together (docs/portfolios.md, the leveling rule).</summary>
    public sealed class PortfolioSchedule
    {
        internal PortfolioSchedule(IReadOnlyList<PortfolioProgramSchedule> programs, IReadOnlyList<SharedLoad> loads, CalendarDate start, CalendarDate finish)
        {
            Programs = programs;
            Loads = loads;
            StartDate = start;
            FinishDate = finish;
        }

        /// <summary>Each program's result, in the portfolio's order.</summary>
        public IReadOnlyList<PortfolioProgramSchedule> Programs { get; }

        /// <summary>Each shared person's and pool's load by day across the programs.</summary>
        public IReadOnlyList<SharedLoad> Loads { get; }

        /// <summary>The earliest program start.</summary>
        public CalendarDate StartDate { get; }

        /// <summary>The latest program finish.</summary>
        public CalendarDate FinishDate { get; }

        /// <summary>Schedules the leveler generated (0 when every program shares nobody and was leveled alone).</summary>
        public int LevelingSchedules { get; internal set; }

        /// <summary>The leveler's work, in its work units.</summary>
        public long LevelingWork { get; internal set; }

        /// <summary>The seed the leveling used.</summary>
        public int Seed { get; internal set; }

        /// <summary>
        /// The objective the leveler minimised, per priority level from the highest: the working days past their deadlines
        /// of the programs at that priority (docs/portfolios.md). Equal vectors are then ordered by the finishes.
        /// </summary>
        public IReadOnlyList<(int Priority, int LateDays)> Lateness { get; internal set; } = Array.Empty<(int, int)>();

        /// <summary>Every scheduled program as one network on one day axis (the portfolio forecast re-decodes it), or null.</summary>
        internal PortfolioNetwork? Network { get; set; }
    }

    /// <summary>One program's result in a portfolio leveled together.</summary>
    public sealed class PortfolioProgramSchedule
    {
        internal PortfolioProgramSchedule(PortfolioMember member, Schedule schedule)
        {
            Member = member;
            Schedule = schedule;
        }

        /// <summary>The program as the portfolio names it; <see cref="PortfolioMember.Program"/> is compiled in context.</summary>
        public PortfolioMember Member { get; }

        /// <summary>The program's schedule leveled in the portfolio's context (its usual model: tasks, floats, critical path, cost).</summary>
        public Schedule Schedule { get; }

        /// <summary>The program's finish.</summary>
        public CalendarDate FinishDate => Schedule.FinishDate;

        /// <summary>The program's deadline, if any.</summary>
        public CalendarDate? Deadline => Schedule.Program.Deadline;

        /// <summary>Working days (program calendar) from the finish to the deadline: negative when late; null without a deadline.</summary>
        public int? DeadlineMarginDays { get; internal set; }

        /// <summary>The planned cost.</summary>
        public decimal Cost => Schedule.Cost;

        /// <summary>
        /// Working days on which at least one of the program's tasks could have started but waited for a shared person or
        /// pool that another program held (the union over its tasks, so parallel waits count once).
        /// </summary>
        public int WaitDays { get; internal set; }

        /// <summary>The waits by shared person or pool: the days, and the programs that held it.</summary>
        public IReadOnlyList<PortfolioWait> Waits { get; internal set; } = Array.Empty<PortfolioWait>();
    }

    /// <summary>Days a program waited for one shared person or pool.</summary>
    public sealed class PortfolioWait
    {
        internal PortfolioWait(SharedEntity entity, int days, IReadOnlyList<string> heldBy)
        {
            Entity = entity;
            Days = days;
            HeldBy = heldBy;
        }

        /// <summary>The person or pool.</summary>
        public SharedEntity Entity { get; }

        /// <summary>Working days waited (union over the program's tasks).</summary>
        public int Days { get; }

        /// <summary>The ids of the programs that held it then, in portfolio order.</summary>
        public IReadOnlyList<string> HeldBy { get; }
    }

    /// <summary>A shared person's or pool's booked units by calendar day, per program.</summary>
    public sealed class SharedLoad
    {
        internal SharedLoad(SharedEntity entity, IReadOnlyList<SharedLoadDay> days)
        {
            Entity = entity;
            Days = days;
        }

        /// <summary>The person or pool.</summary>
        public SharedEntity Entity { get; }

        /// <summary>Days with a booking, in date order.</summary>
        public IReadOnlyList<SharedLoadDay> Days { get; }
    }

    /// <summary>One day's booking of a shared person or pool.</summary>
    public readonly struct SharedLoadDay
    {
        internal SharedLoadDay(CalendarDate date, IReadOnlyList<(string ProgramId, int Units)> byProgram)
        {
            Date = date;
            ByProgram = byProgram;
        }

        /// <summary>The day.</summary>
        public CalendarDate Date { get; }

        /// <summary>Units booked per program (a person's day is 1,000), in portfolio order, programs with none left out.</summary>
        public IReadOnlyList<(string ProgramId, int Units)> ByProgram { get; }
    }
}
