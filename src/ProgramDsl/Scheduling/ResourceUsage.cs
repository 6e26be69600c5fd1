using System;
using System.Collections.Generic;
using System.Linq;
using ProgramDsl.Semantics;

namespace ProgramDsl.Scheduling
{
    /// <summary>A run of consecutive working days on which a person or pool is booked for more than it has.</summary>
    public sealed class ResourceOverload
    {
        internal ResourceOverload(CalendarDate first, CalendarDate last, int days, decimal peak, IReadOnlyList<TaskSymbol> tasks)
        {
            First = first;
            Last = last;
            Days = days;
            Peak = peak;
            Tasks = tasks;
        }

        /// <summary>The first day of the run.</summary>
        public CalendarDate First { get; }

        /// <summary>The last day of the run.</summary>
        public CalendarDate Last { get; }

        /// <summary>Working days in the run.</summary>
        public int Days { get; }

        /// <summary>The most booked on one day of the run: a share of a person's day (1.5 = 150%), or a pool's units.</summary>
        public decimal Peak { get; }

        /// <summary>The tasks booked on the run's days, in declaration order.</summary>
        public IReadOnlyList<TaskSymbol> Tasks { get; }
    }

    /// <summary>What a schedule books on one person or resource pool.</summary>
    public sealed class ResourceLoad
    {
        internal ResourceLoad(Symbol resource, int capacity, IReadOnlyList<TaskSymbol> tasks, int busyDays, decimal booked, decimal peak, IReadOnlyList<ResourceOverload> overloads, bool complete)
        {
            Resource = resource;
            Capacity = capacity;
            Tasks = tasks;
            BusyDays = busyDays;
            Booked = booked;
            Peak = peak;
            Overloads = overloads;
            IsComplete = complete;
        }

        /// <summary>The person or pool.</summary>
        public Symbol Resource { get; }

        /// <summary>True for a resource pool (loads in units), false for a person (loads as shares of a day).</summary>
        public bool IsPool => Resource is ResourceSymbol;

        /// <summary>What one day holds: 1 for a person (a whole day), the capacity for a pool.</summary>
        public int Capacity { get; }

        /// <summary>The tasks that book it, in declaration order.</summary>
        public IReadOnlyList<TaskSymbol> Tasks { get; }

        /// <summary>Working days on which any of its tasks books it.</summary>
        public int BusyDays { get; }

        /// <summary>The work booked: person-days for a person, unit-days for a pool.</summary>
        public decimal Booked { get; }

        /// <summary>The most booked on one day: a share of a person's day (1.5 = 150%), or a pool's units.</summary>
        public decimal Peak { get; }

        /// <summary>The runs of days on which more is booked than it has, in date order (none on a leveled schedule).</summary>
        public IReadOnlyList<ResourceOverload> Overloads { get; }

        /// <summary>False when the walk over the booked days stopped at its work limit (a plan of very long tasks): the figures cover only part of the schedule.</summary>
        public bool IsComplete { get; }
    }

    /// <summary>
    /// The load of a person or a resource pool in a schedule, counted the way the scheduler counts over-allocation
    /// (TPM2101): a task books its assignees' shares and its pool units on each of its days on which all its assignees
    /// work (the task's own working time); a person holds one day's work a day, a pool its capacity.
    /// </summary>
    public static class ResourceUsage
    {
        /// <summary>A person's day in the units shares are counted in (thousandths, as the scheduler counts them).</summary>
        private const int PersonUnits = 1000;

        /// <summary>The most task-days one call walks (a hover must answer within milliseconds): beyond it the result says it is incomplete.</summary>
        public const long MaxWork = 2_000_000;

        /// <summary>
        /// The load of <paramref name="resource"/> (a person or a resource pool of the schedule's program) in
        /// <paramref name="schedule"/>: the tasks that book it, its busy days, its peak and its over-allocations.
        /// </summary>
        public static ResourceLoad Of(Schedule schedule, Symbol resource)
        {
            if (schedule is null) throw new ArgumentNullException(nameof(schedule));
            if (resource is null) throw new ArgumentNullException(nameof(resource));
            if (!(resource is PersonSymbol) && !(resource is ResourceSymbol)) throw new ArgumentException("Only people and resource pools carry load.", nameof(resource));

            int capacityUnits = resource is ResourceSymbol pool ? Math.Max(1, pool.Capacity) : PersonUnits;
            var bookings = new List<(ScheduledTask Task, long Units)>();
            foreach (var t in schedule.Tasks)
            {
                long units = 0;
                foreach (var a in t.Assigned)
                {
                    if (a.Person == resource) units += (long)Math.Round(a.Share * PersonUnits, MidpointRounding.AwayFromZero);
                }

                foreach (var u in t.Task.ResourceUses)
                {
                    if (u.Resource == resource) units += u.Units;
                }

                if (units > 0 && t.Finish > t.Start) bookings.Add((t, units));
            }

            // Each booking's days: the task's span, on the days its own working time allows (its assignees' calendars).
            var perDay = new Dictionary<int, long>();
            var tasksOnDay = new Dictionary<int, List<int>>();
            long work = 0;
            bool complete = true;
            for (int b = 0; b < bookings.Count && complete; b++)
            {
                var (t, units) = bookings[b];
                var time = schedule.Network?.Graph.Time[t.Task.Index];
                for (int day = Next(time, t.Start); day < t.Finish; day = Next(time, day + 1))
                {
                    if (++work > MaxWork)
                    {
                        complete = false;
                        break;
                    }

                    perDay[day] = perDay.TryGetValue(day, out var booked) ? booked + units : units;
                    if (!tasksOnDay.TryGetValue(day, out var list)) tasksOnDay[day] = list = new List<int>();
                    list.Add(b);
                }
            }

            long total = 0, peak = 0;
            foreach (var units in perDay.Values)
            {
                total += units;
                peak = Math.Max(peak, units);
            }

            // Runs of consecutive (program) working days over capacity.
            var overloads = new List<ResourceOverload>();
            var days = perDay.Where(d => d.Value > capacityUnits).Select(d => d.Key).OrderBy(d => d).ToList();
            for (int i = 0; i < days.Count;)
            {
                int j = i;
                while (j + 1 < days.Count && days[j + 1] == days[j] + 1) j++;
                long runPeak = 0;
                var involved = new SortedSet<int>();
                for (int k = i; k <= j; k++)
                {
                    runPeak = Math.Max(runPeak, perDay[days[k]]);
                    foreach (var b in tasksOnDay[days[k]]) involved.Add(bookings[b].Task.Task.Index);
                }

                overloads.Add(new ResourceOverload(
                    schedule.Calendar.DateOf(days[i]), schedule.Calendar.DateOf(days[j]), j - i + 1, Scale(runPeak, resource),
                    involved.Select(index => schedule.Tasks[index].Task).ToArray()));
                i = j + 1;
            }

            return new ResourceLoad(
                resource, resource is ResourceSymbol ? capacityUnits : 1, bookings.Select(b => b.Task.Task).ToArray(), perDay.Count,
                Scale(total, resource), Scale(peak, resource), overloads, complete);
        }

        private static int Next(TaskTime? time, int day) => time is null ? day : time.NextAvailable(day);

        private static decimal Scale(long units, Symbol resource) => resource is ResourceSymbol ? units : units / (decimal)PersonUnits;
    }
}
