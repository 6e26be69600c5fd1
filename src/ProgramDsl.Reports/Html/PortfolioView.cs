using System;
using System.Collections.Generic;
using System.Linq;
using ProgramDsl.Portfolios;
using ProgramDsl.Scheduling;
using ProgramDsl.Semantics;

namespace ProgramDsl.Reports.Html
{
    /// <summary>One program of the portfolio page: its schedule (in the portfolio's context when leveled together) and what its lane says.</summary>
    internal sealed class PortfolioLane
    {
        public PortfolioLane(int index, PortfolioMember member, Schedule? schedule)
        {
            Index = index;
            Member = member;
            Schedule = schedule;
        }

        /// <summary>Position in the portfolio (and the colour class <c>p{Index % 10}</c>).</summary>
        public int Index { get; }

        public PortfolioMember Member { get; }

        public string Id => Member.Id;

        public string Name => Member.Program.Model?.DisplayName ?? Member.Id;

        /// <summary>The schedule drawn, or null when the program could not be scheduled (errors).</summary>
        public Schedule? Schedule { get; }

        public ProgramSymbol? Program => Schedule?.Program;

        /// <summary>Working days from the finish to the deadline (negative when late), or null without a deadline.</summary>
        public int? MarginDays { get; set; }

        public bool Late => Schedule != null && Program!.Deadline is CalendarDate d && Schedule.FinishDate > d;

        public int WaitDays { get; set; }

        /// <summary>Waits by shared person or pool: its name, the working days, the programs that held it.</summary>
        public IReadOnlyList<(string Name, int Days, IReadOnlyList<string> HeldBy)> Waits { get; set; } = Array.Empty<(string, int, IReadOnlyList<string>)>();
    }

    /// <summary>A shared person's or pool's bookings by day, units per lane.</summary>
    internal sealed class PortfolioLoad
    {
        public PortfolioLoad(string id, string name, bool isPool, int capacity, IReadOnlyList<(CalendarDate Date, long[] Units)> days)
        {
            Id = id;
            Name = name;
            IsPool = isPool;
            Capacity = capacity;
            Days = days;
        }

        public string Id { get; }

        public string Name { get; }

        public bool IsPool { get; }

        /// <summary>Units a day: 1,000 for a person, the pool's units.</summary>
        public int Capacity { get; }

        /// <summary>Days with a booking, in date order; <c>Units[k]</c> is lane k's.</summary>
        public IReadOnlyList<(CalendarDate Date, long[] Units)> Days { get; }
    }

    /// <summary>
    /// What the portfolio page draws, from a compiled portfolio: the lanes and the shared loads of its leveled
    /// schedule, or, when the programs were not leveled together, of each program's own schedule (so the page shows
    /// where they collide).
    /// </summary>
    internal sealed class PortfolioView
    {
        private PortfolioView(TpmPortfolio portfolio, List<PortfolioLane> lanes, List<PortfolioLoad> loads, Timeline timeline)
        {
            Portfolio = portfolio;
            Lanes = lanes;
            Loads = loads;
            Timeline = timeline;
        }

        public TpmPortfolio Portfolio { get; }

        public PortfolioSchedule? Leveled => Portfolio.Schedule;

        public string Id => Portfolio.Model?.Id ?? Portfolio.SyntaxTree.Source.Path;

        public string Title => Portfolio.Model?.Title ?? Id;

        public IReadOnlyList<PortfolioLane> Lanes { get; }

        public IReadOnlyList<PortfolioLoad> Loads { get; }

        public Timeline Timeline { get; }

        public static PortfolioView Build(TpmPortfolio portfolio)
        {
            var leveled = portfolio.Schedule;
            var inContext = new Dictionary<PortfolioMember, PortfolioProgramSchedule>();
            if (leveled != null) foreach (var p in leveled.Programs) inContext[p.Member] = p;

            var lanes = new List<PortfolioLane>();
            var laneOf = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var member in portfolio.Members)
            {
                inContext.TryGetValue(member, out var result);
                var lane = new PortfolioLane(lanes.Count, member, result?.Schedule ?? member.Program.Schedule);
                if (lane.Schedule is { } schedule && lane.Program!.Deadline is CalendarDate deadline)
                {
                    lane.MarginDays = result?.DeadlineMarginDays ?? schedule.WorkingDaysBetween(schedule.FinishDate, deadline);
                }

                if (result != null)
                {
                    lane.WaitDays = result.WaitDays;
                    lane.Waits = result.Waits.Select(w => (EntityName(w.Entity), w.Days, w.HeldBy)).ToList();
                }

                if (!laneOf.ContainsKey(lane.Id)) laneOf[lane.Id] = lane.Index;
                lanes.Add(lane);
            }

            var loads = leveled != null ? LeveledLoads(portfolio.Shared, leveled, lanes, laneOf) : StandingLoads(portfolio, lanes);
            return new PortfolioView(portfolio, lanes, loads, Axis(lanes, loads));
        }

        /// <summary>A shared entity's name: the title the programs bind (one declaration, so one title).</summary>
        public static string EntityName(SharedEntity entity) => entity.Uses.Count > 0 ? entity.Uses[0].Symbol.DisplayName : entity.Id;

        /// <summary>The leveled schedule's loads, a row for every shared person and pool in the portfolio's order (those booked on no day too).</summary>
        private static List<PortfolioLoad> LeveledLoads(IReadOnlyList<SharedEntity> shared, PortfolioSchedule leveled, List<PortfolioLane> lanes, Dictionary<string, int> laneOf)
        {
            var byEntity = new Dictionary<SharedEntity, SharedLoad>();
            foreach (var load in leveled.Loads) byEntity[load.Entity] = load;
            var entities = shared.ToList();
            foreach (var load in leveled.Loads) if (!shared.Contains(load.Entity)) entities.Add(load.Entity);

            var loads = new List<PortfolioLoad>();
            foreach (var e in entities)
            {
                if (!byEntity.TryGetValue(e, out var load))
                {
                    loads.Add(new PortfolioLoad(e.Id, EntityName(e), e.Kind == SymbolKind.Resource, Math.Max(1, e.CapacityUnits), Array.Empty<(CalendarDate, long[])>()));
                    continue;
                }

                var days = new List<(CalendarDate, long[])>(load.Days.Count);
                foreach (var day in load.Days)
                {
                    var units = new long[lanes.Count];
                    foreach (var (program, u) in day.ByProgram)
                    {
                        if (laneOf.TryGetValue(program, out int k)) units[k] += u;
                    }

                    days.Add((day.Date, units));
                }

                days.Sort((a, b) => a.Item1.CompareTo(b.Item1));
                loads.Add(new PortfolioLoad(e.Id, EntityName(e), e.Kind == SymbolKind.Resource, Math.Max(1, e.CapacityUnits), days));
            }

            return loads;
        }

        /// <summary>
        /// Loads of programs that stand alone (not leveled together), counted as the Gantt chart's load view counts them:
        /// a task books its share or units on each of its working days on which all its assignees work.
        /// </summary>
        private static List<PortfolioLoad> StandingLoads(TpmPortfolio portfolio, List<PortfolioLane> lanes)
        {
            var laneOfMember = new Dictionary<PortfolioMember, PortfolioLane>();
            foreach (var lane in lanes) laneOfMember[lane.Member] = lane;
            var loads = new List<PortfolioLoad>();
            foreach (var entity in portfolio.Shared)
            {
                var byDay = new SortedDictionary<int, (CalendarDate Date, long[] Units)>();
                foreach (var (member, symbol) in entity.Uses)
                {
                    if (!laneOfMember.TryGetValue(member, out var lane) || lane.Schedule is not { } schedule) continue;
                    var program = schedule.Program;
                    var calendars = new Dictionary<PersonSymbol, WorkingCalendar>();
                    foreach (var t in schedule.Tasks)
                    {
                        if (t.Finish <= t.Start) continue;
                        long units = 0;
                        if (symbol is PersonSymbol person)
                        {
                            foreach (var a in t.Assigned)
                            {
                                if (ReferenceEquals(a.Person, person)) units += (long)Math.Round(a.Share * ResourceLoad.PersonUnits, MidpointRounding.AwayFromZero);
                            }
                        }
                        else
                        {
                            foreach (var use in t.Task.ResourceUses)
                            {
                                if (ReferenceEquals(use.Resource, symbol)) units += use.Units;
                            }
                        }

                        if (units == 0) continue;
                        var people = new WorkingCalendar[t.Assigned.Count];
                        for (int k = 0; k < people.Length; k++)
                        {
                            var p = t.Assigned[k].Person;
                            if (!calendars.TryGetValue(p, out var c)) calendars[p] = c = ResourceLoad.PersonCalendar(program, schedule.Calendar, p);
                            people[k] = c;
                        }

                        for (int i = t.Start; i < t.Finish; i++)
                        {
                            var date = schedule.Calendar.DateOf(i);
                            if (!people.All(c => c.IsWorkingDay(date))) continue;
                            if (!byDay.TryGetValue(date.DayNumber, out var day)) byDay[date.DayNumber] = day = (date, new long[lanes.Count]);
                            day.Units[lane.Index] += units;
                        }
                    }
                }

                loads.Add(new PortfolioLoad(entity.Id, EntityName(entity), entity.Kind == SymbolKind.Resource, Math.Max(1, entity.CapacityUnits), byDay.Values.ToList()));
            }

            return loads;
        }

        /// <summary>One axis for every lane: the Gantt chart's rules over all the programs' dates, deadlines and bookings.</summary>
        private static Timeline Axis(List<PortfolioLane> lanes, List<PortfolioLoad> loads)
        {
            CalendarDate? first = null, last = null;
            void Take(CalendarDate date)
            {
                if (first is null || date < first) first = date;
                if (last is null || date > last) last = date;
            }

            foreach (var lane in lanes)
            {
                if (lane.Schedule is not { } schedule) continue;
                Take(schedule.Program.Start);
                Take(schedule.FinishDate);
                foreach (var t in schedule.Tasks)
                {
                    Take(t.StartDate);
                    Take(t.FinishDate);
                }
            }

            foreach (var load in loads)
            {
                if (load.Days.Count == 0) continue;
                Take(load.Days[0].Date);
                Take(load.Days[load.Days.Count - 1].Date);
            }

            if (first is null || last is null) throw new ArgumentException("No program of the portfolio has a schedule to draw.", "portfolio");
            var end = last.Value;
            var reach = CalendarDate.MaxValue.DayNumber - end.DayNumber < Timeline.ReachDays ? CalendarDate.MaxValue : end.AddDays(Timeline.ReachDays);
            foreach (var lane in lanes)
            {
                if (lane.Program?.Deadline is CalendarDate d && d > end && d <= reach) end = d;
            }

            return Timeline.Spanning(first.Value, end);
        }
    }
}
