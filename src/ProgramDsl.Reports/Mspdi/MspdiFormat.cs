using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using ProgramDsl.Semantics;

namespace ProgramDsl.Reports.Mspdi
{
    /// <summary>
    /// The conventions of MS Project XML (MSPDI) that the writer and the reader share: the namespace, the custom field
    /// that carries tpm ids, the link-type codes, durations (<c>PT8H0M0S</c>), date-times and the working hours of a day.
    /// </summary>
    public static class MspdiFormat
    {
        /// <summary>The MSPDI namespace MS Project writes and reads.</summary>
        public const string Namespace = "http://schemas.microsoft.com/project";

        /// <summary>The alias of the custom text field (Text30) that holds the tpm id of a task or a resource.</summary>
        public const string IdFieldAlias = "tpm id";

        /// <summary>The field id of the task custom field Text30.</summary>
        public const string TaskIdFieldId = "188744016";

        /// <summary>The field id of the resource custom field Text30.</summary>
        public const string ResourceIdFieldId = "205521140";

        /// <summary>The DurationFormat and LagFormat code for working days (<c>d</c>).</summary>
        public const int DaysFormat = 7;

        /// <summary>The working day starts at 08:00, as in MS Project's Standard calendar.</summary>
        public const int DayStartMinutes = 8 * 60;

        /// <summary>The MSPDI link type of a dependency type: FF=0, FS=1, SF=2, SS=3.</summary>
        public static int LinkType(DependencyType type) => type switch
        {
            DependencyType.FinishToFinish => 0,
            DependencyType.StartToFinish => 2,
            DependencyType.StartToStart => 3,
            _ => 1,
        };

        /// <summary>The dependency type of an MSPDI link type, or null for a code MSPDI does not define.</summary>
        public static DependencyType? DependencyTypeOf(int linkType) => linkType switch
        {
            0 => DependencyType.FinishToFinish,
            1 => DependencyType.FinishToStart,
            2 => DependencyType.StartToFinish,
            3 => DependencyType.StartToStart,
            _ => null,
        };

        /// <summary>Whole minutes in a working day of <paramref name="hoursPerDay"/> hours (MSPDI's MinutesPerDay).</summary>
        public static int MinutesPerDay(decimal hoursPerDay) => (int)Math.Max(1m, Math.Min(1440m, decimal.Round(hoursPerDay * 60m, MidpointRounding.AwayFromZero)));

        /// <summary>
        /// The working times of a day of <paramref name="minutesPerDay"/> minutes, as minutes from midnight: 08:00–12:00
        /// and 13:00 on (MS Project's Standard day) when the day fits before midnight with a lunch hour, one stretch
        /// from 08:00 for a short day, and a stretch ending at midnight for a very long one.
        /// </summary>
        public static IReadOnlyList<(int From, int To)> WorkingTimes(int minutesPerDay)
        {
            if (minutesPerDay <= 240) return new[] { (DayStartMinutes, DayStartMinutes + minutesPerDay) };
            if (minutesPerDay <= 1440 - 13 * 60 + 240) return new[] { (DayStartMinutes, 12 * 60), (13 * 60, 13 * 60 + minutesPerDay - 240) };
            return new[] { (1440 - minutesPerDay, 1440) };
        }

        /// <summary>The minute the working day starts.</summary>
        public static int DayStart(int minutesPerDay) => WorkingTimes(minutesPerDay)[0].From;

        /// <summary>The minute the working day ends (1440 for midnight).</summary>
        public static int DayEnd(int minutesPerDay)
        {
            var times = WorkingTimes(minutesPerDay);
            return times[times.Count - 1].To;
        }

        /// <summary>
        /// An xsd:dateTime without zone, <c>2027-01-04T08:00:00</c>; minute 1440 is midnight of the next day, except on
        /// 9999-12-31, which has no next day: there the day ends at 23:59 (read back as the same day).
        /// </summary>
        public static string DateTime(CalendarDate date, int minutes)
        {
            if (date >= CalendarDate.MaxValue && minutes >= 1440) minutes = 1439;
            var at = date.ToDateTime().AddMinutes(minutes);
            return at.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        }

        /// <summary>An xsd:time, <c>08:00:00</c>; minute 1440 (midnight at the end of the day) is written 00:00:00, as MS Project does.</summary>
        public static string Time(int minutes)
        {
            minutes %= 1440;
            return (minutes / 60).ToString("00", CultureInfo.InvariantCulture) + ":" + (minutes % 60).ToString("00", CultureInfo.InvariantCulture) + ":00";
        }

        /// <summary>An xsd:duration of whole seconds in MS Project's form, <c>PT120H0M0S</c> (negative: <c>-PT8H0M0S</c>).</summary>
        public static string Duration(decimal hours)
        {
            long seconds = (long)decimal.Round(hours * 3600m, MidpointRounding.AwayFromZero);
            var sign = seconds < 0 ? "-" : string.Empty;
            seconds = Math.Abs(seconds);
            return sign + "PT" + (seconds / 3600).ToString(CultureInfo.InvariantCulture) + "H" + (seconds / 60 % 60).ToString(CultureInfo.InvariantCulture) + "M"
                + (seconds % 60).ToString(CultureInfo.InvariantCulture) + "S";
        }

        /// <summary>
        /// Parses an xsd:duration (<c>PT120H0M0S</c>, <c>-PT8H</c>, <c>P2DT4H</c>, <c>PT1.5H</c>) as hours; days count 24
        /// hours, years and months are not accepted (MS Project does not write them).
        /// </summary>
        public static bool TryParseDuration(string? text, out decimal hours) => TryParseDuration(text, out hours, out _);

        /// <summary>As <see cref="TryParseDuration(string?, out decimal)"/>; <paramref name="tooLarge"/> tells a well-formed duration of more hours than decimal holds.</summary>
        public static bool TryParseDuration(string? text, out decimal hours, out bool tooLarge)
        {
            hours = 0;
            tooLarge = false;
            if (string.IsNullOrWhiteSpace(text)) return false;
            var s = text!.Trim();
            int p = 0;
            bool negative = false;
            if (s[p] == '-')
            {
                negative = true;
                p++;
            }

            if (p >= s.Length || s[p] != 'P') return false;
            p++;
            bool inTime = false, any = false;
            decimal total = 0;
            while (p < s.Length)
            {
                if (s[p] == 'T')
                {
                    if (inTime) return false;
                    inTime = true;
                    p++;
                    continue;
                }

                int start = p;
                while (p < s.Length && (char.IsDigit(s[p]) || s[p] == '.')) p++;
                if (p == start || p >= s.Length) return false;
                if (!decimal.TryParse(s.Substring(start, p - start), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
                {
                    tooLarge = double.TryParse(s.Substring(start, p - start), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _);
                    return false;
                }

                char unit = s[p++];
                try
                {
                    switch (unit)
                    {
                        case 'D' when !inTime: total += amount * 24m; break;
                        case 'H' when inTime: total += amount; break;
                        case 'M' when inTime: total += amount / 60m; break;
                        case 'S' when inTime: total += amount / 3600m; break;
                        default: return false;
                    }
                }
                catch (OverflowException)
                {
                    // More hours than decimal holds: not a duration tpm can read (the reader says so, located).
                    tooLarge = true;
                    return false;
                }

                any = true;
            }

            if (!any) return false;
            hours = negative ? -total : total;
            return true;
        }

        /// <summary>
        /// Parses an xsd:dateTime as MS Project writes it (<c>2027-01-04T08:00:00</c>; fractions of a second and a zone
        /// suffix are allowed and the zone is ignored: plans are in local dates).
        /// </summary>
        public static bool TryParseDateTime(string? text, out DateTime value)
        {
            value = default;
            if (string.IsNullOrWhiteSpace(text)) return false;
            var s = text!.Trim();
            if (s.Length > 19 && s[10] == 'T') s = s.Substring(0, 19);
            return System.DateTime.TryParseExact(s, new[] { "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd" }, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
        }

        /// <summary>A decimal in invariant digits without trailing fraction zeros (<c>118.750</c> → <c>118.75</c>).</summary>
        public static string Number(decimal value)
        {
            var text = value.ToString(CultureInfo.InvariantCulture);
            if (text.IndexOf('.') >= 0) text = text.TrimEnd('0').TrimEnd('.');
            return text == "-0" ? "0" : text;
        }

        /// <summary>An integer in invariant digits.</summary>
        public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

        /// <summary>Text with the characters XML cannot hold (control characters, lone surrogates) replaced by U+FFFD.</summary>
        public static string XmlText(string text)
        {
            StringBuilder? sb = null;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                bool ok;
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    sb?.Append(c).Append(text[i + 1]);
                    i++;
                    continue;
                }

                ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
                if (ok)
                {
                    sb?.Append(c);
                    continue;
                }

                sb ??= new StringBuilder(text, 0, i, text.Length);
                sb.Append('\uFFFD');
            }

            return sb?.ToString() ?? text;
        }
    }
}
