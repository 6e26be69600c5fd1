using System;
using System.Globalization;

namespace ProgramDsl.Semantics
{
    /// <summary>A calendar day without time or zone: what plans are made of.</summary>
    public readonly struct CalendarDate : IEquatable<CalendarDate>, IComparable<CalendarDate>
    {
        private const long TicksPerDay = TimeSpan.TicksPerDay;

        /// <summary>Creates a date from its day number (days since 0001-01-01).</summary>
        public CalendarDate(int dayNumber) => DayNumber = dayNumber;

        /// <summary>The first representable day.</summary>
        public static CalendarDate MinValue => new CalendarDate(0);

        /// <summary>The last representable day, 9999-12-31.</summary>
        public static CalendarDate MaxValue { get; } = new CalendarDate((int)(DateTime.MaxValue.Ticks / TicksPerDay));

        /// <summary>Days since 0001-01-01.</summary>
        public int DayNumber { get; }

        /// <summary>The year.</summary>
        public int Year => ToDateTime().Year;

        /// <summary>The month.</summary>
        public int Month => ToDateTime().Month;

        /// <summary>The day of the month.</summary>
        public int Day => ToDateTime().Day;

        /// <summary>The weekday (0001-01-01 was a Monday).</summary>
        public DayOfWeek DayOfWeek => (DayOfWeek)((DayNumber + 1) % 7);

        /// <summary>Creates a date; throws for dates that do not exist.</summary>
        public static CalendarDate FromYmd(int year, int month, int day) => FromDateTime(new DateTime(year, month, day));

        /// <summary>The date of a <see cref="DateTime"/> (its time of day is dropped).</summary>
        public static CalendarDate FromDateTime(DateTime value) => new CalendarDate((int)(value.Ticks / TicksPerDay));

        /// <summary>Tries to create a date; false for dates that do not exist.</summary>
        public static bool TryCreate(int year, int month, int day, out CalendarDate date)
        {
            date = default;
            if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
            date = FromYmd(year, month, day);
            return true;
        }

        /// <summary>Parses <c>YYYY-MM-DD</c>.</summary>
        public static bool TryParse(string text, out CalendarDate date)
        {
            date = default;
            if (!DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var dt)) return false;
            date = FromDateTime(dt);
            return true;
        }

        /// <summary>Midnight of this date.</summary>
        public DateTime ToDateTime() => new DateTime(DayNumber * TicksPerDay, DateTimeKind.Unspecified);

        /// <summary>This date plus a number of calendar days.</summary>
        public CalendarDate AddDays(int days) => new CalendarDate(DayNumber + days);

        /// <inheritdoc />
        public bool Equals(CalendarDate other) => DayNumber == other.DayNumber;

        /// <inheritdoc />
        public override bool Equals(object? obj) => obj is CalendarDate other && Equals(other);

        /// <inheritdoc />
        public override int GetHashCode() => DayNumber;

        /// <inheritdoc />
        public int CompareTo(CalendarDate other) => DayNumber.CompareTo(other.DayNumber);

        /// <summary>Equality.</summary>
        public static bool operator ==(CalendarDate a, CalendarDate b) => a.DayNumber == b.DayNumber;

        /// <summary>Inequality.</summary>
        public static bool operator !=(CalendarDate a, CalendarDate b) => a.DayNumber != b.DayNumber;

        /// <summary>Earlier than.</summary>
        public static bool operator <(CalendarDate a, CalendarDate b) => a.DayNumber < b.DayNumber;

        /// <summary>Later than.</summary>
        public static bool operator >(CalendarDate a, CalendarDate b) => a.DayNumber > b.DayNumber;

        /// <summary>Earlier or equal.</summary>
        public static bool operator <=(CalendarDate a, CalendarDate b) => a.DayNumber <= b.DayNumber;

        /// <summary>Later or equal.</summary>
        public static bool operator >=(CalendarDate a, CalendarDate b) => a.DayNumber >= b.DayNumber;

        /// <summary><c>YYYY-MM-DD</c>.</summary>
        public override string ToString() => ToDateTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    /// <summary>An inclusive range of dates.</summary>
    public readonly struct DateRange
    {
        /// <summary>Creates a range.</summary>
        public DateRange(CalendarDate from, CalendarDate to)
        {
            From = from;
            To = to;
        }

        /// <summary>First day.</summary>
        public CalendarDate From { get; }

        /// <summary>Last day.</summary>
        public CalendarDate To { get; }

        /// <summary>True when the date is inside the range.</summary>
        public bool Contains(CalendarDate date) => date >= From && date <= To;

        /// <inheritdoc />
        public override string ToString() => From == To ? From.ToString() : From + ".." + To;
    }
}
