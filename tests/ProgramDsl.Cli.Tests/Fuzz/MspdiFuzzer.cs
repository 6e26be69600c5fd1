using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Security;

namespace ProgramDsl.Cli.Tests.Fuzz
{
    /// <summary>
    /// Generator of MS Project XML (MSPDI) documents for <c>tpm import</c>: random tasks with outline levels, links of
    /// every type and lag, calendars with exceptions of every form (daily, weekly, monthly and yearly, by day and by
    /// weekday, with periods up to int.MaxValue and dates at 0001 and 9999), durations and units too large for decimal
    /// or int, resources and assignments, in several encodings (declared and actual), with and without a DTD (also a
    /// harmless one inside a comment or CDATA). Each document is imported, and the imported program is then scheduled
    /// and built, so the importer's output goes through the whole compiler.
    /// </summary>
    public sealed class MspdiFuzzer
    {
        private const string Ns = "http://schemas.microsoft.com/project";

        private static readonly string[] EdgeDateTimes =
        {
            "0001-01-01T00:00:00", "0001-01-01T08:00:00", "9999-12-31T23:59:59", "9999-12-31T00:00:00", "9999-12-01T08:00:00",
            "2024-02-29T08:00:00", "1900-01-01T00:00:00", "1984-01-01T00:00:00", "2049-12-31T23:59:00",
        };

        private static readonly string[] BadDateTimes = { "NA", "2027-02-30T08:00:00", "27-01-04", "2027-01-04T25:00:00", "", "0000-00-00T00:00:00", "tomorrow" };

        private static readonly string[] DecimalEdges =
        {
            "79228162514264337593543950335", "-79228162514264337593543950335", "0.0000000000000000000000000001", "1E+28", "7.9E+28",
            "99999999999999999999", "-0", "1.5", "2147483648", "9223372036854775808",
        };

        private static readonly string[] HugeNumbers =
        {
            "2147483647", "2147483648", "-2147483648", "-2147483649", "9223372036854775807", "9223372036854775808", "79228162514264337593543950335",
            "79228162514264337593543950336", "1E+30", "-1E+30", "1e400", "0.0000000000000000000000000001", "-0", "NaN", "Infinity", "1.5",
        };

        private readonly Random _r;
        private readonly double _hostility;

        /// <summary>How often a field takes a valid value at the edge of its range (independent of the invalid ones).</summary>
        private readonly double _edge;
        private DateTime _start;

        private MspdiFuzzer(long seed)
        {
            _r = new Random(unchecked((int)(seed * 40503L)) ^ 0x3d5d1);
            // Most documents are valid, so the importer's arithmetic and the compiler behind it see the edge values;
            // the others have a few invalid fields, which must each come back as a located problem.
            _hostility = new[] { 0.0, 0.0, 0.0, 0.002, 0.01, 0.05 }[_r.Next(6)];
            _edge = new[] { 0.0, 0.03, 0.1, 0.3 }[_r.Next(4)];
        }

        /// <summary>The input for a seed: one document, imported, then the program it gives scheduled and built.</summary>
        public static FuzzInput Generate(long seed)
        {
            var g = new MspdiFuzzer(seed);
            var input = new FuzzInput("mspdi", seed, "generated MSPDI document");
            input.Files["plan.xml"] = g.Document(out bool clean);
            input.CleanText = clean;
            AddImportCommands(input, "plan.xml", g._r);
            return input;
        }

        /// <summary>Import a document, then schedule and build the program when the import wrote one.</summary>
        public static void AddImportCommands(FuzzInput input, string xml, Random r)
        {
            var extra = r.Next(5) == 0 ? new[] { "--quiet" } : r.Next(5) == 0 ? new[] { "--warnaserror" } : Array.Empty<string>();
            input.Run(new FuzzCommand(new[] { "import", xml, "-o", "imported.tpm" }.Concat(extra).ToArray()).Writes("imported.tpm"));
            // A second import over the first without --force must refuse and write nothing.
            if (r.Next(6) == 0) input.Run(new FuzzCommand("import", xml, "-o", "imported.tpm"));
            input.Run(new FuzzCommand("schedule", "imported.tpm", "--format", "json").Json().OnlyIf("imported.tpm"));
            input.Run(new FuzzCommand("build", "imported.tpm", "-o", "out", "--iterations", r.Next(3) == 0 ? "5" : "0").Writes("out").OnlyIf("imported.tpm"));
        }

        private bool Chance(double p) => _r.NextDouble() < p;

        private string Pick(params string[] choices) => choices[_r.Next(choices.Length)];

        private string Tier(Func<string> normal, Func<string> edge, Func<string> invalid)
        {
            double x = _r.NextDouble();
            if (x < _edge) return edge();
            if (x < _edge + _hostility) return invalid();
            return normal();
        }

        private static string Stamp(DateTime d) => d.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

        private string DateTimeText(int around = 0, int spread = 90)
        {
            return Tier(() =>
            {
                var days = around + _r.Next(-spread / 4, spread);
                var d = _start.AddDays(Math.Clamp(days, -(_start - DateTime.MinValue).Days, (DateTime.MaxValue - _start).Days - 1));
                return Stamp(d.Date.AddHours(Pick("8", "8", "17", "0", "13") == "8" ? 8 : 17));
            }, () => Pick(EdgeDateTimes), () => Pick(BadDateTimes));
        }

        private string Int(int min, int max) => Tier(() => _r.Next(min, max + 1).ToString(CultureInfo.InvariantCulture), () => Pick("2147483647", "-2147483648", "0", "-1", "1.0", " 7 "), () => Pick(HugeNumbers.Concat(new[] { "x", "", "--1", "0x10" }).ToArray()));

        private string Bool() => Tier(() => Pick("0", "1"), () => Pick("true", "false", " 1 "), () => Pick("2", "yes", "-1"));

        private string DurationText()
        {
            return Tier(
                () => "PT" + (_r.Next(0, 20) * 8).ToString(CultureInfo.InvariantCulture) + "H" + _r.Next(0, 60).ToString(CultureInfo.InvariantCulture) + "M0S",
                () => Pick("PT0H0M0S", "PT99999999999999999999H0M0S", "PT79228162514264337593543950335H0M0S", "-PT8H0M0S", "PT2147483647H0M0S", "P36500DT0H0M0S", "PT0.000001H0M0S", "PT1000000H0M0S"),
                () => Pick("8h", "PT", "P1Y", "PTxH", "PT8H0M0S0", "PT-8H0M0S", ""));
        }

        private static string Escape(string text) => SecurityElement.Escape(text) ?? string.Empty;

        private string Name(string fallback) =>
            Escape(Tier(() => Pick(fallback, "Café " + fallback, "Data & Features", "Größe", "日本語 " + fallback, "naïve"),
                () => Pick(new string('x', _r.Next(200, 5000)), "😀 " + fallback, "a\u200Bb", "e\u0301\u0301", "   ", "tpm-id \"quoted\" " + fallback, "<b>" + fallback + "</b>", "line\nbreak"),
                // Characters XML forbids make the whole document unreadable, which hides everything else: rarely.
                () => Chance(0.15) ? Pick("\uD83D", "\u0001ctrl", "\uFFFE") : Pick("]]>", "  spaced  ", "tab\there", "&amp;")));

        private byte[] Document(out bool clean)
        {
            _start = Chance(_edge) ? DateTime.ParseExact(Pick("0001-01-01", "9999-12-01", "9999-12-31", "2024-02-29"), "yyyy-MM-dd", CultureInfo.InvariantCulture)
                : new DateTime(2027, 1, 4).AddDays(_r.Next(-300, 300));
            var x = new StringBuilder();
            var encoding = Pick("utf-8", "utf-8", "utf-8", "none", "ISO-8859-1", "UTF-16", "windows-1252", "bogus");
            if (encoding != "none") x.Append("<?xml version=\"1.0\" encoding=\"").Append(encoding).Append("\" standalone=\"yes\"?>\n");
            if (Chance(0.04))
            {
                x.Append(Pick(
                    "<!DOCTYPE Project [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>\n",
                    "<!DOCTYPE Project SYSTEM \"file:///etc/passwd\">\n",
                    "<!-- <!DOCTYPE Project> in a comment -->\n"));
            }

            x.Append("<Project xmlns=\"").Append(Tier(() => Ns, () => Pick(Ns + "/2007", ""), () => Pick("urn:other", Ns + "x"))).Append("\">\n");
            if (Chance(0.9)) x.Append("  <Name>").Append(Name("plan")).Append(".xml</Name>\n");
            if (Chance(0.6)) x.Append("  <Title>").Append(Name("Title")).Append("</Title>\n");
            if (Chance(0.9)) x.Append("  <StartDate>").Append(Tier(() => Stamp(_start.AddHours(8)), () => Pick(EdgeDateTimes), () => Pick(BadDateTimes))).Append("</StartDate>\n");
            if (Chance(0.3)) x.Append("  <StatusDate>").Append(DateTimeText(30)).Append("</StatusDate>\n");
            if (Chance(0.5)) x.Append("  <MinutesPerDay>").Append(Tier(() => Pick("480", "420", "450"), () => Pick("1", "1440"), () => Pick("0", "-480", "1441", "99999999999"))).Append("</MinutesPerDay>\n");
            if (Chance(0.3)) x.Append("  <CurrencyCode>").Append(Pick("USD", "EUR", "", "ÆØÅ", "X Y")).Append("</CurrencyCode>\n");
            if (Chance(0.03)) x.Append("  <![CDATA[ <!DOCTYPE not-a-dtd> ]]>\n");
            int calendars = _r.Next(0, 4);
            if (Chance(0.6)) x.Append("  <CalendarUID>").Append(calendars > 0 && !Chance(_hostility) ? "1" : Int(0, 9)).Append("</CalendarUID>\n");

            if (Chance(0.4)) x.Append("  <ExtendedAttributes><ExtendedAttribute><FieldID>188743731</FieldID><FieldName>Text1</FieldName><Alias>tpm id</Alias></ExtendedAttribute></ExtendedAttributes>\n");

            x.Append("  <Calendars>\n");
            for (int c = 1; c <= calendars; c++) Calendar(x, c, calendars);
            x.Append("  </Calendars>\n");

            int tasks = _r.Next(0, 30);
            x.Append("  <Tasks>\n");
            int level = 1;
            for (int t = 1; t <= tasks; t++)
            {
                level = Math.Max(1, level + _r.Next(-2, 2));
                Task(x, t, level);
            }

            x.Append("  </Tasks>\n");

            int resources = _r.Next(0, 6);
            x.Append("  <Resources>\n");
            for (int k = 1; k <= resources; k++)
            {
                x.Append("    <Resource>\n      <UID>").Append(Tier(() => k.ToString(CultureInfo.InvariantCulture), () => Pick("0", "2147483647"), () => Pick("-1", "x", ""))).Append("</UID>\n");
                x.Append("      <Name>").Append(Name("R" + k)).Append("</Name>\n");
                x.Append("      <Type>").Append(Tier(() => Pick("1", "1", "0", "2"), () => Pick("0", "2"), () => Pick("7", "-1"))).Append("</Type>\n");
                if (Chance(0.7)) x.Append("      <MaxUnits>").Append(Tier(() => Pick("1", "0.5", "1.00", "4"), () => Pick(DecimalEdges), () => Pick(HugeNumbers.Concat(new[] { "0", "-1", "x"}).ToArray()))).Append("</MaxUnits>\n");
                if (Chance(0.7)) x.Append("      <StandardRate>").Append(Tier(() => (_r.Next(1, 300)).ToString(CultureInfo.InvariantCulture), () => Pick(DecimalEdges), () => Pick(HugeNumbers.Concat(new[] { "-5", "x"}).ToArray()))).Append("</StandardRate>\n");
                if (Chance(0.5)) x.Append("      <StandardRateFormat>").Append(Int(1, 8)).Append("</StandardRateFormat>\n");
                if (Chance(0.3)) x.Append("      <CalendarUID>").Append(Int(1, calendars + 1)).Append("</CalendarUID>\n");
                if (Chance(0.2)) x.Append("      <IsCostResource>").Append(Bool()).Append("</IsCostResource>\n");
                if (Chance(0.2)) x.Append("      <EmailAddress>").Append(Name("a@b.c")).Append("</EmailAddress>\n");
                x.Append("    </Resource>\n");
            }

            x.Append("  </Resources>\n  <Assignments>\n");
            for (int a = _r.Next(0, tasks + 3); a > 0; a--)
            {
                x.Append("    <Assignment><UID>").Append(a).Append("</UID><TaskUID>").Append(Int(1, Math.Max(1, tasks))).Append("</TaskUID><ResourceUID>").Append(Int(1, Math.Max(1, resources))).Append("</ResourceUID>");
                if (Chance(0.7)) x.Append("<Units>").Append(Tier(() => Pick("1", "0.5", "0.25", "2"), () => Pick(DecimalEdges), () => Pick(HugeNumbers.Concat(new[] { "-1", "x", "0"}).ToArray()))).Append("</Units>");
                if (Chance(0.5)) x.Append("<Work>").Append(DurationText()).Append("</Work>");
                x.Append("</Assignment>\n");
            }

            x.Append("  </Assignments>\n</Project>\n");
            var text = x.ToString();
            // Mostly the declared encoding; sometimes a mismatch (declared Latin-1, written UTF-8, and so on).
            var actual = Chance(_hostility) ? Pick("utf-8", "ISO-8859-1", "UTF-16", "utf-8-bom", "UTF-16BE") : encoding;
            // A document written in the encoding it declares, with characters that encoding has, must come through intact.
            bool supported = actual == encoding || (actual == "utf-8-bom" && encoding == "utf-8") || (actual == "utf-8" && encoding == "none");
            bool representable = encoding is "utf-8" or "none" or "UTF-16" || text.All(c => c < 256);
            clean = supported && representable && encoding != "bogus" && !text.Any(c => char.IsSurrogate(c) || c == '\uFFFD' || c == '\uFFFE');
            return Encode(text, actual);
        }

        private static byte[] Encode(string text, string actual)
        {
            switch (actual)
            {
                case "ISO-8859-1":
                case "windows-1252":
                    return Encoding.Latin1.GetBytes(text);
                case "UTF-16":
                    return Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text)).ToArray();
                case "UTF-16BE":
                    return Encoding.BigEndianUnicode.GetBytes(text);
                case "utf-8-bom":
                    return new byte[] { 0xEF, 0xBB, 0xBF }.Concat(new UTF8Encoding(false).GetBytes(text)).ToArray();
                default:
                    return new UTF8Encoding(false).GetBytes(text);
            }
        }

        private void Calendar(StringBuilder x, int uid, int count)
        {
            x.Append("    <Calendar>\n      <UID>").Append(uid).Append("</UID>\n      <Name>").Append(Name("Cal" + uid)).Append("</Name>\n");
            x.Append("      <IsBaseCalendar>").Append(uid == 1 ? "1" : Pick("0", "1")).Append("</IsBaseCalendar>\n");
            if (uid > 1 && Chance(0.6)) x.Append("      <BaseCalendarUID>").Append(Tier(() => "1", () => Pick("-1", uid.ToString(CultureInfo.InvariantCulture)), () => Pick("99", "x"))).Append("</BaseCalendarUID>\n");
            if (Chance(0.8))
            {
                x.Append("      <WeekDays>\n");
                for (int d = 1; d <= 7; d++)
                {
                    if (!Chance(0.8)) continue;
                    x.Append("        <WeekDay><DayType>").Append(Tier(() => d.ToString(CultureInfo.InvariantCulture), () => "0", () => Pick("8", "-1", "x"))).Append("</DayType><DayWorking>")
                        .Append(d == 1 || d == 7 ? "0" : Pick("1", "1", "1", "0")).Append("</DayWorking>");
                    if (Chance(0.2)) x.Append("<TimePeriod><FromDate>").Append(DateTimeText()).Append("</FromDate><ToDate>").Append(DateTimeText(10)).Append("</ToDate></TimePeriod>");
                    x.Append("</WeekDay>\n");
                }

                x.Append("      </WeekDays>\n");
            }

            if (Chance(0.7))
            {
                x.Append("      <Exceptions>\n");
                for (int e = _r.Next(1, 5); e > 0; e--) Exception(x);
                x.Append("      </Exceptions>\n");
            }

            if (Chance(0.1)) x.Append("      <WorkWeeks><WorkWeek><Name>Summer</Name></WorkWeek></WorkWeeks>\n");
            x.Append("    </Calendar>\n");
        }

        /// <summary>A calendar exception of one of MS Project's recurrence types, with its fields in and out of range.</summary>
        private void Exception(StringBuilder x)
        {
            int type = _r.Next(1, Chance(_edge) ? 9 : 7);
            x.Append("        <Exception>\n");
            if (!Chance(_hostility * 0.2))
            {
                var from = DateTimeText(0, 200);
                string to;
                if (!DateTime.TryParseExact(from, "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)) to = Pick(EdgeDateTimes);
                else if (Chance(_edge)) to = Pick(EdgeDateTimes.Where(e => string.CompareOrdinal(e, from) >= 0).DefaultIfEmpty(from).ToArray());
                else to = Stamp(first.Date.AddDays(Math.Min(_r.Next(0, Chance(0.2) ? 4000 : 400), (DateTime.MaxValue - first).Days - 1)).AddHours(23).AddMinutes(59));
                x.Append("          <TimePeriod><FromDate>").Append(from).Append("</FromDate><ToDate>").Append(to).Append("</ToDate></TimePeriod>\n");
            }

            x.Append("          <Type>").Append(type).Append("</Type>\n");
            if (Chance(0.7)) x.Append("          <Occurrences>").Append(Int(1, 20)).Append("</Occurrences>\n");
            if (Chance(0.7)) x.Append("          <Name>").Append(Name("Holiday")).Append("</Name>\n");
            x.Append("          <DayWorking>").Append(Pick("0", "0", "1")).Append("</DayWorking>\n");
            if (Chance(0.7)) x.Append("          <Period>").Append(Tier(() => _r.Next(1, 4).ToString(CultureInfo.InvariantCulture), () => Pick("999999", "2147483647", "0", "-1", "100000"), () => Pick("2147483648", "x"))).Append("</Period>\n");
            if (type == 6 || Chance(0.2)) x.Append("          <DaysOfWeek>").Append(Tier(() => _r.Next(1, 128).ToString(CultureInfo.InvariantCulture), () => Pick("0", "127", "2147483647"), () => Pick("-1", "x"))).Append("</DaysOfWeek>\n");
            if (type == 2 || type == 3 || Chance(0.2)) x.Append("          <Month>").Append(Tier(() => _r.Next(0, 12).ToString(CultureInfo.InvariantCulture), () => Pick("11", "0"), () => Pick("12", "13", "-1", "2147483647"))).Append("</Month>\n");
            if (type == 2 || type == 4 || Chance(0.2)) x.Append("          <MonthDay>").Append(Tier(() => _r.Next(1, 29).ToString(CultureInfo.InvariantCulture), () => Pick("29", "30", "31"), () => Pick("0", "32", "-1", "2147483647"))).Append("</MonthDay>\n");
            if (type == 3 || type == 5 || Chance(0.2)) x.Append("          <MonthItem>").Append(Tier(() => _r.Next(3, 10).ToString(CultureInfo.InvariantCulture), () => Pick("0", "1", "2"), () => Pick("10", "-1", "2147483647"))).Append("</MonthItem>\n");
            if (type == 3 || type == 5 || Chance(0.2)) x.Append("          <MonthPosition>").Append(Tier(() => _r.Next(0, 5).ToString(CultureInfo.InvariantCulture), () => Pick("4", "0"), () => Pick("5", "-1", "2147483647", "-2147483648"))).Append("</MonthPosition>\n");
            x.Append("        </Exception>\n");
        }

        private void Task(StringBuilder x, int uid, int level)
        {
            x.Append("    <Task>\n      <UID>").Append(Tier(() => uid.ToString(CultureInfo.InvariantCulture), () => uid.ToString(CultureInfo.InvariantCulture), () => Pick("-1", "x", "", "9223372036854775808", "1"))).Append("</UID>\n");
            x.Append("      <ID>").Append(uid).Append("</ID>\n");
            if (Chance(0.95)) x.Append("      <Name>").Append(Name("Task " + uid)).Append("</Name>\n");
            x.Append("      <OutlineLevel>").Append(Tier(() => level.ToString(CultureInfo.InvariantCulture), () => Pick("0", "100", "2147483647"), () => Pick("-1", "x"))).Append("</OutlineLevel>\n");
            bool milestone = Chance(0.1);
            if (Chance(0.2)) x.Append("      <Summary>").Append(Bool()).Append("</Summary>\n");
            if (milestone) x.Append("      <Milestone>1</Milestone>\n");
            if (Chance(0.1)) x.Append("      <IsNull>").Append(Bool()).Append("</IsNull>\n");
            if (Chance(0.1)) x.Append("      <Active>").Append(Bool()).Append("</Active>\n");
            if (Chance(0.3)) x.Append("      <Type>").Append(Int(0, 2)).Append("</Type>\n");
            if (Chance(0.3)) x.Append("      <Priority>").Append(Int(0, 1000)).Append("</Priority>\n");
            if (Chance(0.9)) x.Append("      <Start>").Append(DateTimeText(uid * 3)).Append("</Start>\n");
            if (Chance(0.5)) x.Append("      <Finish>").Append(DateTimeText(uid * 3 + 10)).Append("</Finish>\n");
            if (Chance(0.9)) x.Append("      <Duration>").Append(milestone ? "PT0H0M0S" : DurationText()).Append("</Duration>\n");
            if (Chance(0.3)) x.Append("      <DurationFormat>").Append(Tier(() => Pick("7", "5", "53", "39"), () => Pick("4", "6", "8", "36", "52"), () => Pick("0", "999", "-1"))).Append("</DurationFormat>\n");
            if (Chance(0.3)) x.Append("      <PercentComplete>").Append(Tier(() => _r.Next(0, 101).ToString(CultureInfo.InvariantCulture), () => Pick("0", "100"), () => Pick("-5", "150", "2147483648"))).Append("</PercentComplete>\n");
            if (Chance(0.2)) x.Append("      <ActualStart>").Append(DateTimeText(-30)).Append("</ActualStart>\n");
            if (Chance(0.15)) x.Append("      <ActualFinish>").Append(DateTimeText(-10)).Append("</ActualFinish>\n");
            if (Chance(0.2)) x.Append("      <FixedCost>").Append(Tier(() => _r.Next(0, 10000).ToString(CultureInfo.InvariantCulture), () => Pick(DecimalEdges), () => Pick(HugeNumbers.Concat(new[] { "-1", "x"}).ToArray()))).Append("</FixedCost>\n");
            if (Chance(0.15)) x.Append("      <ActualCost>").Append(Tier(() => _r.Next(0, 10000).ToString(CultureInfo.InvariantCulture), () => Pick(DecimalEdges), () => Pick(HugeNumbers.Concat(new[] { "-1", "x"}).ToArray()))).Append("</ActualCost>\n");
            if (Chance(0.3)) x.Append("      <ConstraintType>").Append(Int(0, 7)).Append("</ConstraintType>\n");
            if (Chance(0.3)) x.Append("      <ConstraintDate>").Append(DateTimeText(-40, 200)).Append("</ConstraintDate>\n");
            if (Chance(0.2)) x.Append("      <Deadline>").Append(DateTimeText(60, 200)).Append("</Deadline>\n");
            if (Chance(0.1)) x.Append("      <Notes>").Append(Name("note")).Append("</Notes>\n");
            if (Chance(0.2)) x.Append("      <ExtendedAttribute><FieldID>188743731</FieldID><Value>").Append(Name("id" + uid)).Append("</Value></ExtendedAttribute>\n");
            for (int l = uid > 1 || Chance(_hostility) ? _r.Next(0, 3) : 0; l > 0; l--)
            {
                x.Append("      <PredecessorLink><PredecessorUID>").Append(Tier(() => _r.Next(1, Math.Max(2, uid)).ToString(CultureInfo.InvariantCulture), () => Pick(uid.ToString(CultureInfo.InvariantCulture), (uid + 1).ToString(CultureInfo.InvariantCulture)), () => Pick("999", "-1", "x")))
                    .Append("</PredecessorUID><Type>").Append(Tier(() => _r.Next(0, 4).ToString(CultureInfo.InvariantCulture), () => "1", () => Pick("4", "-1", "x"))).Append("</Type>");
                if (Chance(0.5)) x.Append("<LinkLag>").Append(Tier(() => (_r.Next(-10, 20) * 4800).ToString(CultureInfo.InvariantCulture), () => Pick("2147483647", "-2147483648", "9223372036854775807", "-9223372036854775808", "0"), () => Pick(HugeNumbers))).Append("</LinkLag>");
                if (Chance(0.4)) x.Append("<LagFormat>").Append(Tier(() => Pick("7", "5", "3", "19"), () => Pick("4", "6", "8", "20"), () => Pick("0", "999"))).Append("</LagFormat>");
                if (Chance(0.05)) x.Append("<CrossProject>1</CrossProject>");
                x.Append("</PredecessorLink>\n");
            }

            x.Append("    </Task>\n");
        }
    }
}
