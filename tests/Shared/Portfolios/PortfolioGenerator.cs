using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using ProgramDsl.Semantics;

namespace ProgramDsl.PortfolioSynth
{
    /// <summary>The size and mix of a generated portfolio.</summary>
    public sealed class PortfolioShape
    {
        /// <summary>Programs in the portfolio.</summary>
        public int Programs { get; set; } = 3;

        /// <summary>Tasks per program (a closing milestone comes on top).</summary>
        public int TasksPerProgram { get; set; } = 20;

        /// <summary>People declared in the shared fragment.</summary>
        public int SharedPeople { get; set; } = 4;

        /// <summary>Pools declared in the shared fragment.</summary>
        public int SharedPools { get; set; } = 1;

        /// <summary>Shared people each sharing program draws its tasks' shared assignees from (its "shared team").</summary>
        public int SharedTeam { get; set; } = 4;

        /// <summary>People each program declares for itself (the same ids in every program: different people).</summary>
        public int LocalPeople { get; set; } = 3;

        /// <summary>Part of a sharing program's assignees that are shared people.</summary>
        public double SharedRate { get; set; } = 0.5;

        /// <summary>The last this-many programs share nobody: they neither include the fragment nor use its members.</summary>
        public int IsolatedPrograms { get; set; }

        /// <summary>Tasks per workstream.</summary>
        public int TasksPerWorkstream { get; set; } = 10;

        /// <summary>A deadline is this many times a rough estimate of the program's leveled length, at least (tight)...</summary>
        public double DeadlineSlackMin { get; set; } = 0.8;

        /// <summary>...and at most (loose).</summary>
        public double DeadlineSlackMax { get; set; } = 1.8;

        /// <summary>The priorities programs draw from (a repeated value makes a level of several programs).</summary>
        public int[] Priorities { get; set; } = { 900, 700, 500, 500, 300 };
    }

    /// <summary>A calendar as generated: workdays and holiday ranges (inclusive).</summary>
    public sealed class GenCalendar
    {
        public GenCalendar(string id, string workdays, IReadOnlyList<(CalendarDate From, CalendarDate To)> holidays)
        {
            Id = id;
            WorkdaysText = workdays;
            Workdays = PortfolioGenerator.ParseWeekdays(workdays);
            Holidays = holidays;
        }

        public string Id { get; }

        public string WorkdaysText { get; }

        public bool[] Workdays { get; }

        public IReadOnlyList<(CalendarDate From, CalendarDate To)> Holidays { get; }

        public bool Works(CalendarDate d) => Workdays[(int)d.DayOfWeek] && !Holidays.Any(h => d >= h.From && d <= h.To);
    }

    /// <summary>A person as generated.</summary>
    public sealed class GenPerson
    {
        public GenPerson(string id, bool shared, GenCalendar? calendar, IReadOnlyList<(CalendarDate From, CalendarDate To)> vacations, int capacityPercent)
        {
            Id = id;
            Shared = shared;
            Calendar = calendar;
            Vacations = vacations;
            CapacityPercent = capacityPercent;
        }

        public string Id { get; }

        /// <summary>Declared in the shared fragment (one person across programs), else in its program.</summary>
        public bool Shared { get; }

        public GenCalendar? Calendar { get; }

        public IReadOnlyList<(CalendarDate From, CalendarDate To)> Vacations { get; }

        public int CapacityPercent { get; }

        /// <summary>The person's own availability (the program calendar is applied on top).</summary>
        public bool Works(CalendarDate d) => (Calendar is null || Calendar.Works(d)) && !Vacations.Any(v => d >= v.From && d <= v.To);
    }

    /// <summary>A resource pool as generated.</summary>
    public sealed class GenPool
    {
        public GenPool(string id, bool shared, int capacity)
        {
            Id = id;
            Shared = shared;
            Capacity = capacity;
        }

        public string Id { get; }

        public bool Shared { get; }

        public int Capacity { get; }
    }

    /// <summary>A dependency of a generated task on an earlier task of the same program.</summary>
    public readonly struct GenDependency
    {
        public GenDependency(int predecessor, string type, int lag)
        {
            Predecessor = predecessor;
            Type = type;
            Lag = lag;
        }

        /// <summary>Index of the predecessor in <see cref="GenProgram.Tasks"/>.</summary>
        public int Predecessor { get; }

        /// <summary><c>fs</c>, <c>ss</c>, <c>ff</c> or <c>sf</c>.</summary>
        public string Type { get; }

        /// <summary>Lag (positive) or lead (negative) in the program's working days.</summary>
        public int Lag { get; }
    }

    /// <summary>A generated task or milestone.</summary>
    public sealed class GenTask
    {
        public GenTask(string id, bool milestone)
        {
            Id = id;
            Milestone = milestone;
        }

        /// <summary>The qualified id (<c>w1.t003</c>, or <c>done</c> for the closing milestone).</summary>
        public string Id { get; }

        public bool Milestone { get; }

        /// <summary>Working days when given as a duration, person-days when given as an effort.</summary>
        public int Days { get; set; }

        public bool IsEffort { get; set; }

        public List<(GenPerson Person, int SharePercent)> Assignees { get; } = new List<(GenPerson, int)>();

        public List<(GenPool Pool, int Units)> Uses { get; } = new List<(GenPool, int)>();

        public List<GenDependency> Dependencies { get; } = new List<GenDependency>();
    }

    /// <summary>A generated program: its text and the model the properties check against.</summary>
    public sealed class GenProgram
    {
        public GenProgram(int index, string id, string path, int priority, CalendarDate start, GenCalendar calendar)
        {
            Index = index;
            Id = id;
            Path = path;
            Priority = priority;
            Start = start;
            Calendar = calendar;
        }

        public int Index { get; }

        public string Id { get; }

        /// <summary>The path from the workspace root (<c>p01/program.tpm</c>).</summary>
        public string Path { get; }

        public int Priority { get; }

        public CalendarDate Start { get; }

        /// <summary>The program calendar (its id is unused).</summary>
        public GenCalendar Calendar { get; }

        public CalendarDate Deadline { get; set; }

        /// <summary>True when the program uses members of the shared fragment.</summary>
        public bool UsesShared { get; set; }

        /// <summary>True when the program file itself includes the fragment.</summary>
        public bool IncludesFragment { get; set; }

        public List<GenPerson> People { get; } = new List<GenPerson>();

        public List<GenPool> Pools { get; } = new List<GenPool>();

        public List<GenTask> Tasks { get; } = new List<GenTask>();

        public string Text { get; set; } = string.Empty;

        /// <summary>
        /// The program as a file that compiles alone: <see cref="Text"/>, with an include of the fragment when the program
        /// uses shared members that only the portfolio's include gives it.
        /// </summary>
        public string StandaloneText => UsesShared && !IncludesFragment
            ? Text.Replace("\n\n", "\n  include \"../" + GeneratedPortfolio.FragmentPath + "\"\n\n")
            : Text;

        /// <summary>True when the program's calendar works on a date (on or after its start).</summary>
        public bool ProgramWorks(CalendarDate d) => d >= Start && Calendar.Works(d);
    }

    /// <summary>A generated portfolio: every file's text and the model behind it.</summary>
    public sealed class GeneratedPortfolio
    {
        public const string PortfolioPath = "portfolio.tpm";

        public const string FragmentPath = "shared/people.tpm";

        public GeneratedPortfolio(int seed, PortfolioShape shape)
        {
            Seed = seed;
            Shape = shape;
        }

        public int Seed { get; }

        public PortfolioShape Shape { get; }

        public List<GenProgram> Programs { get; } = new List<GenProgram>();

        public List<GenCalendar> SharedCalendars { get; } = new List<GenCalendar>();

        public List<GenPerson> SharedPeople { get; } = new List<GenPerson>();

        public List<GenPool> SharedPools { get; } = new List<GenPool>();

        /// <summary>True when the portfolio file includes the fragment (some sharing program does not include it itself).</summary>
        public bool PortfolioIncludesFragment { get; set; }

        public string FragmentText { get; set; } = string.Empty;

        /// <summary>The portfolio file naming every program.</summary>
        public string PortfolioText => PortfolioTextOf(Programs);

        /// <summary>A portfolio file naming only <paramref name="programs"/> (in their order), with the same settings.</summary>
        public string PortfolioTextOf(IEnumerable<GenProgram> programs)
        {
            var sb = new StringBuilder();
            sb.Append("// Generated portfolio, seed ").Append(Seed.ToString(CultureInfo.InvariantCulture)).Append(". Do not edit.\n");
            sb.Append("portfolio synth \"Synthetic portfolio\" {\n");
            if (PortfolioIncludesFragment) sb.Append("  include \"").Append(FragmentPath).Append("\"\n");
            foreach (var p in programs)
            {
                sb.Append("  program \"").Append(p.Path).Append('"');
                if (p.Priority != 500) sb.Append(" { priority ").Append(p.Priority.ToString(CultureInfo.InvariantCulture)).Append(" }");
                sb.Append('\n');
            }

            sb.Append("}\n");
            return sb.ToString();
        }

        /// <summary>Every file (portfolio, fragment, programs) by workspace path, in path order.</summary>
        public IReadOnlyList<KeyValuePair<string, string>> Files()
        {
            var files = new List<KeyValuePair<string, string>>
            {
                new KeyValuePair<string, string>(PortfolioPath, PortfolioText),
                new KeyValuePair<string, string>(FragmentPath, FragmentText),
            };
            foreach (var p in Programs) files.Add(new KeyValuePair<string, string>(p.Path, p.Text));
            files.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
            return files;
        }

        /// <summary>The whole workspace as one text, for a failing case's report.</summary>
        public override string ToString()
        {
            var sb = new StringBuilder();
            foreach (var f in Files()) sb.Append("==> ").Append(f.Key).Append(" <==\n").Append(f.Value);
            return sb.ToString();
        }

        /// <summary>The person an id names in a program (shared people are found by their <c>s</c> ids).</summary>
        public GenPerson Person(GenProgram program, string id) =>
            program.People.FirstOrDefault(p => p.Id == id) ?? SharedPeople.FirstOrDefault(p => p.Id == id)
            ?? throw new KeyNotFoundException("no person '" + id + "' in " + program.Id);

        /// <summary>The identity of a person as the generator declared it: its file and id.</summary>
        public static string PersonKey(GenProgram program, GenPerson person) => person.Shared ? FragmentPath + "#" + person.Id : program.Path + "#" + person.Id;

        public static string PoolKey(GenProgram program, GenPool pool) => pool.Shared ? FragmentPath + "#" + pool.Id : program.Path + "#" + pool.Id;
    }

    /// <summary>
    /// Generates portfolios deterministically for a seed: programs with workstreams, tasks (effort or duration), dependencies
    /// of the four types with lags and leads, their own calendars, holidays and deadlines, local people and a pool, and a
    /// fragment of shared people, calendars and pools that the sharing programs include (or the portfolio includes for
    /// them). Shared with the property tests and the benchmark (<c>portfolio</c>).
    /// </summary>
    /// <remarks>
    /// Dependencies point backwards in declaration order (acyclic): mostly recent tasks of the same workstream, some a task
    /// of an earlier workstream of the same group of eight at no later position, so a program stays months, not years,
    /// long whatever its size. Every calendar works tue..thu, so any task's people share working days.
    /// </remarks>
    public static class PortfolioGenerator
    {
        private static readonly string[] ProgramWorkdays = { "mon..fri", "mon..fri", "mon..fri", "sun..thu", "mon..sat" };

        private static readonly string[] SharedWorkdays = { "mon..fri", "tue..sat", "mon..thu" };

        private static readonly CalendarDate Epoch = CalendarDate.FromYmd(2027, 1, 4);

        /// <summary>Generates a portfolio of <paramref name="shape"/> for <paramref name="seed"/>.</summary>
        public static GeneratedPortfolio Generate(PortfolioShape shape, int seed)
        {
            if (shape.Programs < 1) throw new ArgumentOutOfRangeException(nameof(shape), "at least one program");
            var rng = new Random(seed);
            var result = new GeneratedPortfolio(seed, shape);

            // The fragment: two office calendars, shared people (some on an office calendar, a few on vacation), pools.
            for (int c = 0; c < 2; c++)
            {
                var holidays = new List<(CalendarDate, CalendarDate)>();
                for (int h = 0; h < 3; h++)
                {
                    var from = Epoch.AddDays(rng.Next(0, 300));
                    holidays.Add((from, from.AddDays(rng.Next(0, 3))));
                }

                result.SharedCalendars.Add(new GenCalendar(c == 0 ? "emea" : "apac", SharedWorkdays[rng.Next(SharedWorkdays.Length)], holidays));
            }

            for (int i = 0; i < shape.SharedPeople; i++)
            {
                int office = rng.Next(4);
                var calendar = office < 2 ? result.SharedCalendars[office] : null;
                result.SharedPeople.Add(new GenPerson("s" + Num(i + 1, 3), true, calendar, Vacations(rng, 8), rng.Next(6) == 0 ? 80 : 100));
            }

            for (int i = 0; i < shape.SharedPools; i++) result.SharedPools.Add(new GenPool("g" + Num(i + 1, 2), true, 2 + rng.Next(0, 7)));
            result.FragmentText = FragmentText(result);

            int sharing = Math.Max(0, shape.Programs - shape.IsolatedPrograms);
            for (int k = 0; k < shape.Programs; k++)
            {
                var program = GenerateProgram(rng, result, shape, k, usesShared: k < sharing && (shape.SharedPeople > 0 || shape.SharedPools > 0));
                result.Programs.Add(program);
            }

            result.PortfolioIncludesFragment = result.Programs.Any(p => p.UsesShared && !p.IncludesFragment);
            return result;
        }

        private static GenProgram GenerateProgram(Random rng, GeneratedPortfolio portfolio, PortfolioShape shape, int k, bool usesShared)
        {
            var start = Epoch.AddDays(rng.Next(0, 45));
            var holidays = new List<(CalendarDate, CalendarDate)>();
            int holidayCount = rng.Next(0, 5);
            for (int h = 0; h < holidayCount; h++)
            {
                var from = start.AddDays(rng.Next(0, 250));
                holidays.Add((from, from.AddDays(rng.Next(0, 4))));
            }

            var id = "prog" + Num(k + 1, 2);
            var program = new GenProgram(k, id, "p" + Num(k + 1, 2) + "/program.tpm", shape.Priorities[rng.Next(shape.Priorities.Length)], start,
                new GenCalendar("program", ProgramWorkdays[rng.Next(ProgramWorkdays.Length)], holidays))
            {
                UsesShared = usesShared,
                IncludesFragment = usesShared && rng.Next(4) != 0,
            };

            for (int i = 0; i < Math.Max(1, shape.LocalPeople); i++)
            {
                program.People.Add(new GenPerson("l" + Num(i + 1, 3), false, null, rng.Next(4) == 0 ? Vacations(rng, 1) : Array.Empty<(CalendarDate, CalendarDate)>(), rng.Next(5) == 0 ? 50 : 100));
            }

            program.Pools.Add(new GenPool("q01", false, 1 + rng.Next(0, 4)));

            // The shared team this program draws from.
            var team = new List<GenPerson>();
            if (usesShared && portfolio.SharedPeople.Count > 0)
            {
                int size = Math.Min(portfolio.SharedPeople.Count, Math.Max(1, shape.SharedTeam));
                var order = Enumerable.Range(0, portfolio.SharedPeople.Count).OrderBy(_ => rng.Next()).Take(size).OrderBy(x => x);
                foreach (var i in order) team.Add(portfolio.SharedPeople[i]);
            }

            int n = Math.Max(1, shape.TasksPerProgram);
            int perWs = Math.Max(1, shape.TasksPerWorkstream);
            var position = new int[n];
            var workstream = new int[n];
            var firstOfWs = new List<int>();
            for (int i = 0; i < n; i++)
            {
                workstream[i] = i / perWs;
                position[i] = i % perWs;
                if (position[i] == 0) firstOfWs.Add(i);
                var task = new GenTask("w" + (workstream[i] + 1).ToString(CultureInfo.InvariantCulture) + ".t" + Num(i + 1, 4), milestone: false)
                {
                    Days = 1 + rng.Next(0, 8),
                    IsEffort = rng.Next(10) < 7,
                };

                // One or two people; shared ones at the shared rate when the program shares.
                int people = rng.Next(5) == 0 ? 2 : 1;
                for (int a = 0; a < people; a++)
                {
                    var person = team.Count > 0 && rng.NextDouble() < shape.SharedRate ? team[rng.Next(team.Count)] : program.People[rng.Next(program.People.Count)];
                    if (task.Assignees.Any(x => x.Person == person)) continue;
                    task.Assignees.Add((person, rng.Next(6) == 0 ? 50 : 100));
                }

                if (usesShared && portfolio.SharedPools.Count > 0 && rng.Next(8) == 0)
                {
                    var pool = portfolio.SharedPools[rng.Next(portfolio.SharedPools.Count)];
                    task.Uses.Add((pool, 1 + rng.Next(0, Math.Min(pool.Capacity, 3))));
                }

                if (rng.Next(15) == 0) task.Uses.Add((program.Pools[0], 1 + rng.Next(0, program.Pools[0].Capacity)));

                // Dependencies on earlier tasks: recent ones of the workstream, or one of an earlier workstream of the group.
                int wanted = i == 0 ? 0 : rng.Next(0, 4);
                for (int attempt = 0; attempt < 8 && task.Dependencies.Count < wanted; attempt++)
                {
                    int target = -1;
                    if (position[i] > 0 && rng.Next(10) < 7) target = i - 1 - rng.Next(0, Math.Min(position[i], 5));
                    else
                    {
                        int group = workstream[i] / 8 * 8;
                        if (workstream[i] > group)
                        {
                            int ws = group + rng.Next(0, workstream[i] - group);
                            int p = Math.Max(0, position[i] - rng.Next(0, 3));
                            target = firstOfWs[ws] + Math.Min(p, perWs - 1);
                            if (target >= i) target = -1;
                        }
                    }

                    if (target < 0 || task.Dependencies.Any(d => d.Predecessor == target)) continue;
                    int t = rng.Next(100);
                    string type = t < 55 ? "fs" : t < 75 ? "ss" : t < 90 ? "ff" : "sf";
                    int l = rng.Next(10);
                    int lag = l < 6 ? 0 : l < 9 ? 1 + rng.Next(0, 4) : -(1 + rng.Next(0, 3));
                    task.Dependencies.Add(new GenDependency(target, type, lag));
                }

                program.Tasks.Add(task);
            }

            // A closing milestone after each workstream's last task.
            var done = new GenTask("done", milestone: true);
            for (int w = 0; w < firstOfWs.Count; w++)
            {
                int last = w + 1 < firstOfWs.Count ? firstOfWs[w + 1] - 1 : n - 1;
                done.Dependencies.Add(new GenDependency(last, "fs", 0));
            }

            program.Tasks.Add(done);
            program.Deadline = Deadline(rng, program, shape);
            program.Text = ProgramText(portfolio, program);
            return program;
        }

        /// <summary>A deadline around a rough estimate of the leveled length (precedence, and each person's load), from tight to loose.</summary>
        private static CalendarDate Deadline(Random rng, GenProgram program, PortfolioShape shape)
        {
            var finish = new int[program.Tasks.Count];
            var start = new int[program.Tasks.Count];
            var load = new Dictionary<GenPerson, double>();
            for (int i = 0; i < program.Tasks.Count; i++)
            {
                var t = program.Tasks[i];
                int days = Duration(t);
                int s = 0, f = 0;
                foreach (var d in t.Dependencies)
                {
                    int p = d.Predecessor;
                    switch (d.Type)
                    {
                        case "fs": s = Math.Max(s, finish[p] + d.Lag); break;
                        case "ss": s = Math.Max(s, start[p] + d.Lag); break;
                        case "ff": f = Math.Max(f, finish[p] + d.Lag); break;
                        default: f = Math.Max(f, start[p] + d.Lag); break;
                    }
                }

                s = Math.Max(s, Math.Max(0, f - days));
                start[i] = s;
                finish[i] = s + days;
                foreach (var (person, share) in t.Assignees) load[person] = (load.TryGetValue(person, out var x) ? x : 0) + days * share / 100.0;
            }

            double estimate = Math.Max(finish.Max(), load.Count == 0 ? 0 : load.Values.Max());
            double tightness = shape.DeadlineSlackMin + rng.NextDouble() * (shape.DeadlineSlackMax - shape.DeadlineSlackMin);
            return program.Start.AddDays(Math.Max(7, (int)(estimate * tightness * 7 / 5)));
        }

        /// <summary>Working days a task takes by the language's rule, ignoring calendars.</summary>
        public static int Duration(GenTask t)
        {
            if (t.Milestone) return 0;
            if (!t.IsEffort || t.Assignees.Count == 0) return t.Days;
            double rate = t.Assignees.Sum(a => a.SharePercent / 100.0 * a.Person.CapacityPercent / 100.0);
            return (int)Math.Ceiling(t.Days / rate - 1e-9);
        }

        private static IReadOnlyList<(CalendarDate, CalendarDate)> Vacations(Random rng, int oneIn)
        {
            if (rng.Next(oneIn) != 0) return Array.Empty<(CalendarDate, CalendarDate)>();
            var from = Epoch.AddDays(rng.Next(10, 250));
            return new[] { (from, from.AddDays(2 + rng.Next(0, 8))) };
        }

        private static string FragmentText(GeneratedPortfolio portfolio)
        {
            var sb = new StringBuilder();
            sb.Append("// Shared people and pools of the generated portfolio, seed ").Append(portfolio.Seed.ToString(CultureInfo.InvariantCulture)).Append(". Do not edit.\n");
            foreach (var c in portfolio.SharedCalendars)
            {
                sb.Append("calendar ").Append(c.Id).Append(" \"").Append(c.Id.ToUpperInvariant()).Append(" office\" { workdays ").Append(c.WorkdaysText);
                foreach (var (from, to) in c.Holidays) sb.Append("  holiday ").Append(Range(from, to)).Append(" \"Office holiday\"");
                sb.Append(" }\n");
            }

            foreach (var p in portfolio.SharedPeople)
            {
                sb.Append("person ").Append(p.Id).Append(" \"Shared ").Append(p.Id.Substring(1)).Append("\" {");
                if (p.CapacityPercent != 100) sb.Append(" capacity ").Append(p.CapacityPercent.ToString(CultureInfo.InvariantCulture)).Append('%');
                sb.Append(" rate 800/d");
                if (p.Calendar != null) sb.Append("  calendar ").Append(p.Calendar.Id);
                foreach (var (from, to) in p.Vacations) sb.Append("  vacation ").Append(Range(from, to));
                sb.Append(" }\n");
            }

            foreach (var g in portfolio.SharedPools)
            {
                sb.Append("resource ").Append(g.Id).Append(" \"Shared pool ").Append(g.Id.Substring(1)).Append("\" { capacity ").Append(g.Capacity.ToString(CultureInfo.InvariantCulture)).Append("  rate 2.5/h }\n");
            }

            return sb.ToString();
        }

        private static string ProgramText(GeneratedPortfolio portfolio, GenProgram p)
        {
            var sb = new StringBuilder(p.Tasks.Count * 120 + 1024);
            sb.Append("// Generated program ").Append(p.Id).Append(" of the portfolio of seed ").Append(portfolio.Seed.ToString(CultureInfo.InvariantCulture)).Append(". Do not edit.\n");
            sb.Append("program ").Append(p.Id).Append(" \"Program ").Append(p.Id.Substring(4)).Append("\" {\n");
            sb.Append("  start ").Append(p.Start.ToString()).Append('\n');
            sb.Append("  deadline ").Append(p.Deadline.ToString()).Append('\n');
            sb.Append("  workdays ").Append(p.Calendar.WorkdaysText).Append('\n');
            foreach (var (from, to) in p.Calendar.Holidays) sb.Append("  holiday ").Append(Range(from, to)).Append(" \"Program holiday\"\n");
            if (p.IncludesFragment) sb.Append("  include \"../").Append(GeneratedPortfolio.FragmentPath).Append("\"\n");
            sb.Append('\n');
            foreach (var person in p.People)
            {
                sb.Append("  person ").Append(person.Id).Append(" \"Local ").Append(person.Id.Substring(1)).Append("\" {");
                if (person.CapacityPercent != 100) sb.Append(" capacity ").Append(person.CapacityPercent.ToString(CultureInfo.InvariantCulture)).Append('%');
                sb.Append(" rate 700/d");
                foreach (var (from, to) in person.Vacations) sb.Append("  vacation ").Append(Range(from, to));
                sb.Append(" }\n");
            }

            foreach (var pool in p.Pools) sb.Append("  resource ").Append(pool.Id).Append(" \"Local pool\" { capacity ").Append(pool.Capacity.ToString(CultureInfo.InvariantCulture)).Append(" }\n");

            int currentWs = -1;
            foreach (var t in p.Tasks)
            {
                if (t.Milestone) continue;
                int dot = t.Id.IndexOf('.');
                int ws = int.Parse(t.Id.Substring(1, dot - 1), CultureInfo.InvariantCulture);
                if (ws != currentWs)
                {
                    if (currentWs >= 0) sb.Append("  }\n");
                    sb.Append("  workstream w").Append(ws.ToString(CultureInfo.InvariantCulture)).Append(" \"Workstream ").Append(ws.ToString(CultureInfo.InvariantCulture)).Append("\" {\n");
                    currentWs = ws;
                }

                sb.Append("    task ").Append(t.Id.Substring(dot + 1)).Append(" \"Task\" { ").Append(t.IsEffort ? "effort " : "duration ").Append(t.Days.ToString(CultureInfo.InvariantCulture)).Append('d');
                sb.Append("  assign ").Append(string.Join(", ", t.Assignees.Select(a => a.Person.Id + (a.SharePercent == 100 ? string.Empty : " " + a.SharePercent.ToString(CultureInfo.InvariantCulture) + "%"))));
                if (t.Uses.Count > 0) sb.Append("  uses ").Append(string.Join(", ", t.Uses.Select(u => u.Pool.Id + " " + u.Units.ToString(CultureInfo.InvariantCulture))));
                AppendAfter(sb, p, t);
                sb.Append(" }\n");
            }

            if (currentWs >= 0) sb.Append("  }\n");
            foreach (var t in p.Tasks)
            {
                if (!t.Milestone) continue;
                sb.Append("  milestone ").Append(t.Id).Append(" \"Delivered\" {");
                AppendAfter(sb, p, t);
                sb.Append(" }\n");
            }

            sb.Append("}\n");
            return sb.ToString();
        }

        private static void AppendAfter(StringBuilder sb, GenProgram p, GenTask t)
        {
            if (t.Dependencies.Count == 0) return;
            sb.Append("  after ");
            for (int i = 0; i < t.Dependencies.Count; i++)
            {
                var d = t.Dependencies[i];
                if (i > 0) sb.Append(", ");
                sb.Append(p.Tasks[d.Predecessor].Id);
                if (d.Type != "fs" || d.Lag != 0) sb.Append(' ').Append(d.Type);
                if (d.Lag != 0) sb.Append(d.Lag > 0 ? "+" : "-").Append(Math.Abs(d.Lag).ToString(CultureInfo.InvariantCulture)).Append('d');
            }
        }

        private static string Range(CalendarDate from, CalendarDate to) => from == to ? from.ToString() : from + ".." + to;

        private static string Num(int n, int width) => n.ToString("D" + width.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

        /// <summary>Weekdays of a <c>workdays</c> text such as <c>mon..fri</c> or <c>tue, wed</c>, by <see cref="DayOfWeek"/>.</summary>
        public static bool[] ParseWeekdays(string text)
        {
            var result = new bool[7];
            static DayOfWeek Day(string s) => s.Trim() switch
            {
                "sun" => DayOfWeek.Sunday, "mon" => DayOfWeek.Monday, "tue" => DayOfWeek.Tuesday, "wed" => DayOfWeek.Wednesday,
                "thu" => DayOfWeek.Thursday, "fri" => DayOfWeek.Friday, _ => DayOfWeek.Saturday,
            };
            foreach (var part in text.Split(','))
            {
                var ends = part.Split(new[] { ".." }, StringSplitOptions.None);
                var from = Day(ends[0]);
                var to = ends.Length > 1 ? Day(ends[1]) : from;
                for (var d = from; ; d = (DayOfWeek)(((int)d + 1) % 7))
                {
                    result[(int)d] = true;
                    if (d == to) break;
                }
            }

            return result;
        }
    }
}
