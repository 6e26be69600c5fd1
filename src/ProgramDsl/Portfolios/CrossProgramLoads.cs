using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using ProgramDsl.Diagnostics;
using ProgramDsl.Scheduling;
using ProgramDsl.Semantics;
using ProgramDsl.Text;

namespace ProgramDsl.Portfolios
{
    /// <summary>
    /// TPM2103: the load of each shared person and pool across programs scheduled each on its own. Each program's
    /// schedule books a task's units on the calendar days it works (its assignees' share of a day, its pool units); the
    /// days on which the programs together book more than there is, and two or more of them book it, are reported once
    /// at each program's assignment, with the other programs' assignments as additional locations.
    /// </summary>
    internal static class CrossProgramLoads
    {
        /// <summary>A person's day, in the units shares are counted in (thousandths, as the scheduler counts them).</summary>
        internal const int PersonUnits = 1000;

        /// <summary>The most task-days one check walks; a portfolio of very long tasks is checked up to there.</summary>
        internal const long MaxWork = 20_000_000;

        /// <summary>At most this many day ranges and tasks are named in one message.</summary>
        private const int MaxListed = 5;

        /// <summary>The most additional locations one TPM2103 carries (the others' assignments): bounds N programs' N reports.</summary>
        private const int MaxAlso = 50;

        private sealed class Booking
        {
            public Booking(int member, ScheduledTask task, long units, SourceLocation at)
            {
                Member = member;
                Task = task;
                Units = units;
                At = at;
            }

            public int Member { get; }

            public ScheduledTask Task { get; }

            public long Units { get; }

            public SourceLocation At { get; }
        }

        public static IReadOnlyList<Diagnostic> Check(IReadOnlyList<PortfolioMember> members, IReadOnlyList<SharedEntity> shared, string portfolioPath, SourceLocation portfolio,
            CancellationToken cancellationToken)
        {
            var diagnostics = new List<Diagnostic>();
            long work = 0;
            foreach (var entity in shared)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var bookings = new List<Booking>();
                foreach (var (member, symbol) in entity.Uses)
                {
                    if (member.Program.Schedule is Schedule schedule) bookings.AddRange(BookingsOf(IndexOf(members, member), schedule, symbol));
                }

                // Per calendar day (day number): the units each booking puts on it.
                var days = new SortedDictionary<int, List<int>>();
                for (int b = 0; b < bookings.Count && work <= MaxWork; b++)
                {
                    var booking = bookings[b];
                    var schedule = members[booking.Member].Program.Schedule!;
                    var time = schedule.Network?.Graph.Time[booking.Task.Task.Index];
                    for (int day = Next(time, booking.Task.Start); day < booking.Task.Finish; day = Next(time, day + 1))
                    {
                        if (++work > MaxWork) break;
                        int date = schedule.Calendar.DateOf(day).DayNumber;
                        if (!days.TryGetValue(date, out var list)) days[date] = list = new List<int>();
                        list.Add(b);
                    }
                }

                // Runs of over-booked days; a day nobody books (a weekend) does not break a run, a day within capacity does.
                var runs = new List<(int First, int Last)>();
                var involved = new SortedSet<int>();
                (int First, int Last)? run = null;
                foreach (var pair in days)
                {
                    long total = 0;
                    int firstMember = -1;
                    bool several = false;
                    foreach (var b in pair.Value)
                    {
                        total += bookings[b].Units;
                        if (firstMember < 0) firstMember = bookings[b].Member;
                        else if (bookings[b].Member != firstMember) several = true;
                    }

                    if (total > entity.CapacityUnits && several)
                    {
                        run = run is (int first, _) ? (first, pair.Key) : (pair.Key, pair.Key);
                        foreach (var b in pair.Value) involved.Add(b);
                    }
                    else if (run is (int, int) closed)
                    {
                        runs.Add(closed);
                        run = null;
                    }
                }

                if (run is (int, int) last) runs.Add(last);
                if (runs.Count == 0) continue;
                diagnostics.AddRange(Report(entity, members, bookings, involved, runs, portfolioPath));
            }

            // Past the bound, the days not walked are not checked: said once, as TPM2101's check says it.
            if (work > MaxWork) diagnostics.Add(DiagnosticCatalog.OverAllocationCheckStopped(portfolio, "portfolio '" + portfolio.Text + "'", MaxWork));
            return diagnostics;
        }

        private static IEnumerable<Diagnostic> Report(SharedEntity entity, IReadOnlyList<PortfolioMember> members, List<Booking> bookings, SortedSet<int> involved, List<(int First, int Last)> runs, string portfolioPath)
        {
            // Per program, its tasks on the over-booked days, in task order, each with its assignment.
            var byMember = involved.Select(b => bookings[b])
                .GroupBy(b => b.Member)
                .OrderBy(g => g.Key)
                .Select(g => g.GroupBy(b => b.Task.Task.Index).OrderBy(t => t.Key).Select(t => t.First()).ToList())
                .ToList();
            // Bounded like the task lists: with N programs on one person, N messages each naming all N would be N² text.
            var programs = List(byMember.Select(tasks =>
                members[tasks[0].Member].Id + " (" + List(tasks.Select(t => t.Task.Id).ToList()) + ")").ToList());
            var dayText = List(runs.Select(r => r.First == r.Last ? Date(r.First) : Date(r.First) + ".." + Date(r.Last)).ToList());
            var what = Symbol.KindWord(entity.Kind) + " '" + entity.Id + "'";
            var capacity = entity.Kind == SymbolKind.Person ? "100%" : "its " + entity.CapacityUnits.ToString(CultureInfo.InvariantCulture) + (entity.CapacityUnits == 1 ? " unit" : " units");
            foreach (var tasks in byMember)
            {
                var at = tasks[0].At;
                var also = tasks.Skip(1).Select(t => t.At)
                    .Concat(byMember.Where(other => other != tasks).SelectMany(other => other.Select(t => t.At)))
                    .Take(MaxAlso)
                    .ToList();
                yield return DiagnosticCatalog.OverAllocatedAcrossPrograms(at, also, what, capacity, dayText, programs, portfolioPath);
            }
        }

        private static int IndexOf(IReadOnlyList<PortfolioMember> members, PortfolioMember member)
        {
            for (int i = 0; i < members.Count; i++) if (members[i] == member) return i;
            return -1;
        }

        private static string Date(int dayNumber) => new CalendarDate(dayNumber).ToString();

        private static string List(IReadOnlyList<string> items) =>
            items.Count <= MaxListed ? string.Join(", ", items) : string.Join(", ", items.Take(MaxListed)) + " and " + (items.Count - MaxListed).ToString(CultureInfo.InvariantCulture) + " more";

        /// <summary>What each task of one program's schedule books of <paramref name="symbol"/>, where its assignment is written.</summary>
        private static IEnumerable<Booking> BookingsOf(int member, Schedule schedule, Symbol symbol)
        {
            foreach (var t in schedule.Tasks)
            {
                if (t.Finish <= t.Start) continue;
                long units = 0;
                SourceLocation? at = null;
                if (symbol is PersonSymbol person)
                {
                    foreach (var a in t.Assigned)
                    {
                        if (a.Person != person) continue;
                        units += (long)Math.Round(a.Share * PersonUnits, MidpointRounding.AwayFromZero);
                        at ??= a.ViaRole is RoleSymbol role
                            ? t.Task.RoleAssignments.FirstOrDefault(r => r.Role == role)?.Location
                            : t.Task.Assignments.FirstOrDefault(x => x.Person == person)?.Location;
                    }
                }
                else
                {
                    foreach (var u in t.Task.ResourceUses)
                    {
                        if (u.Resource != symbol) continue;
                        units += u.Units;
                        at ??= u.Location;
                    }
                }

                if (units > 0) yield return new Booking(member, t, units, at ?? t.Task.Location);
            }
        }

        private static int Next(TaskTime? time, int day) => time is null ? day : time.NextAvailable(day);
    }
}
