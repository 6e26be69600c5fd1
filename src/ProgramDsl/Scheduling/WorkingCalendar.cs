using System;
using System.Collections.Generic;
using ProgramDsl.Semantics;

namespace ProgramDsl.Scheduling
{
    /// <summary>Thrown when a computed date falls outside 0001-01-01..9999-12-31; turned into TPM2005.</summary>
    internal sealed class CalendarRangeException : Exception
    {
        public CalendarRangeException() : base("The schedule runs past 9999-12-31.") { }
    }

    /// <summary>
    /// Working days from a start date: weekdays in a mask, less a set of days off. Maps between dates and
    /// working-day indices (index 0 = the first working day on or after the start) arithmetically, in
    /// O(log h) for h ranges of days off, without a day-by-day table, so long horizons and long ranges cost nothing.
    /// </summary>
    public sealed class WorkingCalendar
    {
        private readonly int _anchor;           // day number of the Monday on or before the start
        private readonly long _startRaw;        // workdays (by weekday alone) in [anchor, start)
        private readonly int _perWeek;
        private readonly int[] _cumulative = new int[8]; // workdays among the first i days of a Monday-based week
        private readonly int[] _offsetOfNth;    // offset from Monday of the k-th workday of a week
        private readonly bool[] _isWorkday = new bool[7]; // indexed by offset from Monday
        // Days off as disjoint, sorted ranges [start, end) of raw indices (workdays by weekday alone, counted
        // from the start): a date range off covers a contiguous run of raw indices, so ranges stay ranges.
        private readonly long[] _offStart;
        private readonly long[] _offEnd;
        private readonly long[] _offBefore;     // total length of the ranges before range j (length n + 1)
        private readonly long[] _offKey;        // _offStart[j] - _offBefore[j]: the index of the first working day after range j; non-decreasing

        /// <summary>Creates a calendar.</summary>
        /// <param name="start">Day 0 is the first working day on or after this date.</param>
        /// <param name="workdays">Working weekdays.</param>
        /// <param name="daysOff">Holidays and vacations; days before the start or on non-working weekdays are ignored.</param>
        public WorkingCalendar(CalendarDate start, WeekdaySet workdays, IEnumerable<DateRange> daysOff)
        {
            Start = start;
            Workdays = workdays;
            int startOffset = ((int)start.DayOfWeek + 6) % 7;
            _anchor = start.DayNumber - startOffset;
            var offsets = new List<int>();
            for (int i = 0; i < 7; i++)
            {
                _isWorkday[i] = workdays.Contains((DayOfWeek)((i + 1) % 7));
                _cumulative[i + 1] = _cumulative[i] + (_isWorkday[i] ? 1 : 0);
                if (_isWorkday[i]) offsets.Add(i);
            }

            _perWeek = _cumulative[7];
            _offsetOfNth = offsets.ToArray();
            _startRaw = RawFromAnchor(start.DayNumber);

            var ranges = new List<(long Start, long End)>();
            if (_perWeek > 0)
            {
                foreach (var range in daysOff)
                {
                    int from = Math.Max(range.From.DayNumber, start.DayNumber);
                    if (from > range.To.DayNumber) continue;
                    long a = RawFromAnchor(from) - _startRaw;
                    long b = RawFromAnchor(range.To.DayNumber + 1) - _startRaw;
                    if (b > a) ranges.Add((a, b));
                }
            }

            ranges.Sort((x, y) => x.Start.CompareTo(y.Start));
            var merged = new List<(long Start, long End)>(ranges.Count);
            foreach (var r in ranges)
            {
                if (merged.Count > 0 && r.Start <= merged[merged.Count - 1].End)
                {
                    var last = merged[merged.Count - 1];
                    merged[merged.Count - 1] = (last.Start, Math.Max(last.End, r.End));
                }
                else
                {
                    merged.Add(r);
                }
            }

            int n = merged.Count;
            _offStart = new long[n];
            _offEnd = new long[n];
            _offBefore = new long[n + 1];
            _offKey = new long[n];
            for (int j = 0; j < n; j++)
            {
                _offStart[j] = merged[j].Start;
                _offEnd[j] = merged[j].End;
                _offKey[j] = merged[j].Start - _offBefore[j];
                _offBefore[j + 1] = _offBefore[j] + merged[j].End - merged[j].Start;
            }
        }

        /// <summary>The start date.</summary>
        public CalendarDate Start { get; }

        /// <summary>The working weekdays.</summary>
        public WeekdaySet Workdays { get; }

        /// <summary>True when no weekday is a working day.</summary>
        public bool IsEmpty => _perWeek == 0;

        /// <summary>Number of days off that fall on working weekdays from the start on.</summary>
        public int DaysOffCount => (int)Math.Min(_offBefore[_offBefore.Length - 1], int.MaxValue);

        private long RawFromAnchor(int dayNumber)
        {
            long diff = (long)dayNumber - _anchor;
            return diff / 7 * _perWeek + _cumulative[diff % 7];
        }

        /// <summary>True when the date is a working day of this calendar.</summary>
        public bool IsWorkingDay(CalendarDate date)
        {
            if (date < Start || _perWeek == 0) return false;
            if (!_isWorkday[(date.DayNumber - _anchor) % 7]) return false;
            long raw = RawFromAnchor(date.DayNumber) - _startRaw;
            int j = UpperBound(_offStart, raw) - 1;
            return j < 0 || raw >= _offEnd[j];
        }

        /// <summary>Days off among the raw indices before <paramref name="raw"/>.</summary>
        private long OffBefore(long raw)
        {
            int j = LowerBound(_offStart, raw);
            return j == 0 ? 0 : _offBefore[j - 1] + Math.Min(raw, _offEnd[j - 1]) - _offStart[j - 1];
        }

        /// <summary>Number of working days before <paramref name="date"/> (from the start): the index of the first working day on or after it.</summary>
        public int FirstIndexOnOrAfter(CalendarDate date)
        {
            if (date <= Start) return 0;
            long raw = RawFromAnchor(date.DayNumber) - _startRaw;
            return checked((int)(raw - OffBefore(raw)));
        }

        /// <summary>The index of the last working day on or before <paramref name="date"/>, or -1 when there is none.</summary>
        public int LastIndexOnOrBefore(CalendarDate date) => FirstIndexOnOrAfter(date.AddDays(1)) - 1;

        /// <summary>The index of a working day; throws when the date is not one.</summary>
        public int IndexOf(CalendarDate date)
        {
            if (!IsWorkingDay(date)) throw new ArgumentException(date + " is not a working day.", nameof(date));
            return FirstIndexOnOrAfter(date);
        }

        /// <summary>The date of a working-day index (0 = first working day on or after the start).</summary>
        public CalendarDate DateOf(int index)
        {
            if (index < 0) throw new ArgumentOutOfRangeException(nameof(index));
            if (_perWeek == 0) throw new InvalidOperationException("The calendar has no working weekdays.");
            int k = UpperBound(_offKey, index);
            long raw = index + _offBefore[k] + _startRaw;
            long weeks = raw / _perWeek;
            int nth = (int)(raw % _perWeek);
            long day = _anchor + weeks * 7 + _offsetOfNth[nth];
            if (day > CalendarDate.MaxValue.DayNumber) throw new CalendarRangeException();
            return new CalendarDate((int)day);
        }

        /// <summary>
        /// A walk over the working days from <paramref name="fromDayNumber"/> on, in order, one step per calendar day:
        /// the leveler's tables fill from it without a lookup per day.
        /// </summary>
        internal Walk WalkFrom(int fromDayNumber) => new Walk(this, Math.Max(fromDayNumber, Start.DayNumber));

        /// <summary>
        /// Sets bit <c>d − originDayNumber</c> of <paramref name="bits"/> for every working day numbered d in
        /// [<paramref name="fromDayNumber"/>, <paramref name="endDayNumber"/>) (the first no earlier than the origin).
        /// </summary>
        internal void MarkWorkingDays(int fromDayNumber, int endDayNumber, ulong[] bits, int originDayNumber)
        {
            var walk = WalkFrom(Math.Max(fromDayNumber, originDayNumber));
            for (int d = walk.Next(); d < endDayNumber; d = walk.Next())
            {
                int x = d - originDayNumber;
                bits[x >> 6] |= 1UL << (x & 63);
            }
        }

        /// <summary>The working days of a calendar in order (see <see cref="WalkFrom"/>).</summary>
        internal struct Walk
        {
            private readonly WorkingCalendar _calendar;
            private int _day;
            private int _weekday;
            private long _raw;
            private int _range;

            public Walk(WorkingCalendar calendar, int fromDayNumber)
            {
                _calendar = calendar;
                _day = fromDayNumber;
                _weekday = (int)(((long)fromDayNumber - calendar._anchor) % 7);
                // The raw index (workdays by weekday alone, from the start) of the first workday at or after the day.
                _raw = calendar.RawFromAnchor(fromDayNumber) - calendar._startRaw;
                _range = UpperBound(calendar._offEnd, _raw);
            }

            /// <summary>The next working day number, or int.MaxValue past the last day a date can name.</summary>
            public int Next()
            {
                var c = _calendar;
                if (c._perWeek == 0) return int.MaxValue;
                int last = CalendarDate.MaxValue.DayNumber;
                var offStart = c._offStart;
                var offEnd = c._offEnd;
                while (_day <= last)
                {
                    int day = _day++;
                    int weekday = _weekday;
                    _weekday = weekday == 6 ? 0 : weekday + 1;
                    if (!c._isWorkday[weekday]) continue;
                    long raw = _raw++;
                    while (_range < offEnd.Length && offEnd[_range] <= raw) _range++;
                    if (_range < offStart.Length && offStart[_range] <= raw) continue;
                    return day;
                }

                return int.MaxValue;
            }
        }

        private static int LowerBound(long[] values, long key)
        {
            int lo = 0, hi = values.Length;
            while (lo < hi)
            {
                int mid = (lo + hi) >> 1;
                if (values[mid] < key) lo = mid + 1;
                else hi = mid;
            }

            return lo;
        }

        private static int UpperBound(long[] values, long key)
        {
            int lo = 0, hi = values.Length;
            while (lo < hi)
            {
                int mid = (lo + hi) >> 1;
                if (values[mid] <= key) lo = mid + 1;
                else hi = mid;
            }

            return lo;
        }
    }

    /// <summary>
    /// A task's working time expressed in program-calendar indices: the program's working days less the days
    /// any assignee does not work. Its own calendar's working days are a subset of the program's, so every
    /// result is a valid program index.
    /// </summary>
    internal sealed class TaskTime : Leveling.IActivityCalendar, Leveling.IWorkingDayMarker
    {
        private readonly WorkingCalendar _program;
        private readonly WorkingCalendar? _own;

        public TaskTime(WorkingCalendar program, WorkingCalendar? own)
        {
            _program = program;
            _own = own;
        }

        /// <summary>The days the task's people work (a subset of the program's), or null on the program's time.</summary>
        internal WorkingCalendar? Own => _own;

        /// <summary>The program's calendar, whose working-day indices this time counts in.</summary>
        internal WorkingCalendar Program => _program;

        /// <inheritdoc />
        public void MarkWorkingDays(int from, int to, ulong[] bits)
        {
            from = Math.Max(0, from);
            if (to <= from) return;
            if (_own is null)
            {
                for (int i = from; i < to; i++) bits[i >> 6] |= 1UL << (i & 63);
                return;
            }

            // The program's working days from index `from` and the people's, side by side: index i is available when
            // the program's i-th working day is one of theirs.
            int first = _program.DateOf(from).DayNumber;
            var program = _program.WalkFrom(first);
            var own = _own.WalkFrom(first);
            int ownDay = own.Next();
            for (int i = from; i < to; i++)
            {
                int day = program.Next();
                if (day == int.MaxValue) return;
                while (ownDay < day) ownDay = own.Next();
                if (ownDay == day) bits[i >> 6] |= 1UL << (i & 63);
            }
        }

        /// <summary>True when the task works every program working day (the leveler then needs no calendar).</summary>
        public bool IsProgramTime => _own is null;

        /// <summary>The first index ≥ i on which the task can work.</summary>
        public int NextAvailable(int i)
        {
            if (_own is null) return i;
            int j = _own.FirstIndexOnOrAfter(_program.DateOf(i));
            return _program.IndexOf(_own.DateOf(j));
        }

        /// <summary>The last index ≤ i on which the task can work, or -1.</summary>
        public int PreviousAvailable(int i)
        {
            if (i < 0) return -1;
            if (_own is null) return i;
            int j = _own.LastIndexOnOrBefore(_program.DateOf(i));
            return j < 0 ? -1 : _program.IndexOf(_own.DateOf(j));
        }

        /// <summary>The finish (exclusive) of <paramref name="days"/> working days starting on available index <paramref name="start"/>.</summary>
        public int Advance(int start, int days)
        {
            if (days <= 0) return start;
            if (_own is null) return checked(start + days);
            int a = _own.IndexOf(_program.DateOf(start));
            return _program.IndexOf(_own.DateOf(checked(a + days - 1))) + 1;
        }

        /// <summary>The start of <paramref name="days"/> working days ending just before <paramref name="finish"/> (whose previous day is available).</summary>
        public int Retreat(int finish, int days)
        {
            if (days <= 0) return finish;
            if (_own is null) return finish - days;
            int b = _own.IndexOf(_program.DateOf(finish - 1));
            int first = b - days + 1;
            return first < 0 ? first : _program.IndexOf(_own.DateOf(first));
        }

        /// <summary>How many indices in [<paramref name="from"/>, <paramref name="to"/>) the task can work on (0 when the range is empty).</summary>
        public int DaysBetween(int from, int to)
        {
            if (to <= from) return 0;
            if (_own is null) return to - from;
            return _own.FirstIndexOnOrAfter(_program.DateOf(to)) - _own.FirstIndexOnOrAfter(_program.DateOf(from));
        }

        /// <summary>The smallest finish ≥ <paramref name="bound"/> whose last day is available.</summary>
        public int NextAvailableEnd(int bound) => bound <= 0 ? Math.Max(bound, NextAvailable(0) + 1) : NextAvailable(bound - 1) + 1;

        /// <summary>The largest finish ≤ <paramref name="bound"/> whose last day is available.</summary>
        public int PreviousAvailableEnd(int bound) => PreviousAvailable(bound - 1) + 1;

        /// <summary>These working days for <see cref="Graphs.Windows"/>.</summary>
        public Days AsDays() => new Days(this);

        /// <summary>A task time as the window placement's working days (a struct, so the placement is compiled for it).</summary>
        internal readonly struct Days : Graphs.IWorkingDays
        {
            private readonly TaskTime _time;

            public Days(TaskTime time) => _time = time;

            public int NextAvailable(int day) => _time.NextAvailable(day);

            public int PreviousAvailable(int day) => _time.PreviousAvailable(day);

            public int Advance(int start, int days) => _time.Advance(start, days);

            public int Retreat(int finish, int days) => _time.Retreat(finish, days);

            public int NextAvailableEnd(int bound) => _time.NextAvailableEnd(bound);

            public int PreviousAvailableEnd(int bound) => _time.PreviousAvailableEnd(bound);
        }
    }
}
