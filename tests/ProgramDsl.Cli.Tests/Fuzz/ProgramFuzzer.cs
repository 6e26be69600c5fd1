using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using CsCheck;
using ProgramDsl.Tests.Properties;

namespace ProgramDsl.Cli.Tests.Fuzz
{
    /// <summary>
    /// Grammar-aware generator of <c>.tpm</c> workspaces: a program and fragments built from every statement of the
    /// language (docs/language.md §3) with values drawn from three tiers (ordinary, at the edge of what is valid,
    /// invalid), names from plain to unicode, zero-width and very long, dates at the ends of the calendar, numbers past
    /// int and decimal, deep nesting, lags, all dependency types, progress around the status date, and include graphs
    /// with cycles, self-includes and escapes (<c>../</c>, absolute paths, symbolic links) out of the workspace.
    /// A quarter of the inputs start instead from a valid plan of the property tests' <see cref="PlanGenerator"/> with
    /// hostile statements spliced into its tasks, so the scheduler and the emitters see many plans that compile.
    /// </summary>
    public sealed class ProgramFuzzer
    {
        private static readonly string[] EdgeDates =
        {
            "0001-01-01", "0001-01-02", "0001-01-08", "9999-12-31", "9999-12-30", "9999-12-24", "9999-12-01", "9999-11-15",
            "2024-02-29", "2000-02-29", "1900-03-01", "1970-01-01", "2038-01-19",
        };

        private static readonly string[] InvalidDates =
        {
            "2027-02-29", "2100-02-29", "2027-02-30", "2027-13-01", "2027-00-10", "2027-04-31", "0000-01-01", "10000-01-01",
            "2027-1-4", "2027-01-32", "99999-12-31", "2027-01-04..2027-01-01", "-2027-01-04", "2027-01",
        };

        private static readonly string[] EdgeNumbers =
        {
            "0", "0.0001", "1_000_000", "2147483647", "2147483648", "4294967296", "9223372036854775807", "9223372036854775808",
            "79228162514264337593543950335", "7922816251426433759354395033.5", "0.0000000000000000000000000001", "1_0_0",
            "99999999999999", "123456789012345678.9",
        };

        private static readonly string[] InvalidNumbers =
        {
            "79228162514264337593543950336", "792281625142643375935439503350000", "-5", "-0", "1__0", "1.", ".5", "1e3", "NaN", "0x10",
            "1,5", "١٢", "1_", "_1",
        };

        private static readonly string[] Weekdays = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };

        private static readonly string[] ReviewKinds = { "fairness", "privacy", "security", "safety", "legal", "compliance", "accessibility", "ethics", "explainability", "robustness" };

        private static readonly string[] Phases = { "feasibility", "data", "modeling", "evaluation", "deployment", "monitoring" };

        private readonly Random _r;
        private readonly double _hostility;

        /// <summary>
        /// What this input concentrates on, with everything else ordinary, so the edge reaches the scheduler and the
        /// emitters instead of stopping at the first unrelated error.
        /// </summary>
        private readonly Theme _theme;

        private enum Theme
        {
            Mixed,
            FarFuture,
            DistantPast,
            Money,
            Names,
            Deep,
            Tracking,
            Includes,
        }
        private readonly int _scale;
        private readonly StringBuilder _sb = new StringBuilder();
        private readonly HashSet<string> _used = new HashSet<string>(StringComparer.Ordinal);
        private DateTime _start;
        private DateTime _status;

        // Names by kind, so references mostly resolve and sometimes point at the wrong kind.
        private readonly List<string> _people = new List<string>();
        private readonly List<string> _roles = new List<string>();
        private readonly List<string> _skills = new List<string>();
        private readonly List<string> _calendars = new List<string>();
        private readonly List<string> _pools = new List<string>();
        private readonly List<string> _teams = new List<string>();
        private readonly List<string> _metrics = new List<string>();
        private readonly List<string> _tasks = new List<string>();
        private readonly List<string> _workstreams = new List<string>();
        private readonly List<int> _parent = new List<int>();
        private readonly List<int> _taskOwner = new List<int>();

        private ProgramFuzzer(long seed, int scale)
        {
            _r = new Random(unchecked((int)(seed * 2654435761L)) ^ 0x5eed);
            _scale = Math.Max(1, scale);
            _theme = (Theme)_r.Next(8);
            _hostility = _theme == Theme.Mixed ? new[] { 0.03, 0.1, 0.3 }[_r.Next(3)] : 0.0;
        }

        /// <summary>The input for a seed; <paramref name="scale"/> multiplies sizes (1 in CI, larger in long runs).</summary>
        public static FuzzInput Generate(long seed, int scale = 1)
        {
            var g = new ProgramFuzzer(seed, scale);
            bool fromPlanGenerator = g._r.Next(4) == 0;
            var input = new FuzzInput("programs", seed, fromPlanGenerator ? "PlanGenerator plan with hostile statements" : "generated program, theme " + g._theme.ToString().ToLowerInvariant());
            if (fromPlanGenerator) g.FromPlanGenerator(input, seed);
            else g.Workspace(input);
            g.Commands(input);
            return input;
        }

        // ---------------------------------------------------------------- commands

        private void Commands(FuzzInput input)
        {
            string Level() => Pick("", "", "", "--no-level", "--effort quick", "--seed 7", "--schedules 3", "--warnaserror");
            string[] With(string[] args, string options) => args.Concat(options.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToArray();
            var main = input.Files.ContainsKey("main.tpm") ? "main.tpm" : input.Files.Keys.First();
            var target = _r.Next(8) == 0 || input.Symlinks.Any(l => l.Link == "linked-folder") ? "." : main;
            var checkFormat = Pick("text", "json", "sarif");
            var check = new FuzzCommand(With(new[] { "check", target, "--format", checkFormat }, Level()));
            input.Run(checkFormat == "text" ? check : check.Json());
            input.Run(new FuzzCommand(With(new[] { "schedule", main, "--format", "json" }, Level())).Json());
            // The table too: it cuts long names to fit its columns.
            if (_theme == Theme.Names || _r.Next(5) == 0) input.Run(new FuzzCommand(With(new[] { "schedule", main }, Level())));
            var emit = _r.Next(4) == 0 ? Pick("json", "html", "md", "ics", "mermaid", "mspdi", "csv", "html,ics,mermaid") : "all";
            var iterations = Pick("0", "3", "10", "20");
            input.Run(new FuzzCommand(With(new[] { "build", target, "-o", "out", "--emit", emit, "--iterations", iterations }, Level())).Writes("out"));
            if (_r.Next(4) == 0)
            {
                var format = Pick("table", "json");
                var status = new FuzzCommand(With(new[] { "status", main, "--format", format }, Level()));
                input.Run(format == "json" ? status.Json() : status);
            }

            if (_r.Next(6) == 0) input.Run(new FuzzCommand("forecast", main, "-n", Pick("1", "5", "30"), "--format", "json").Json());
        }

        // ---------------------------------------------------------------- tiers

        private string Pick(params string[] choices) => choices[_r.Next(choices.Length)];

        private bool Chance(double p) => _r.NextDouble() < p;

        /// <summary>Ordinary most of the time, an edge value or an invalid one as often as this input's hostility says.</summary>
        private string Tier(Func<string> normal, Func<string> edge, Func<string> invalid)
        {
            double x = _r.NextDouble();
            if (x < _hostility * 0.6) return edge();
            if (x < _hostility) return invalid();
            return normal();
        }

        private static string Iso(DateTime d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        private static DateTime Add(DateTime d, int days)
        {
            var ticks = d.Ticks + (long)days * TimeSpan.TicksPerDay;
            return ticks < DateTime.MinValue.Ticks ? DateTime.MinValue : ticks > DateTime.MaxValue.Ticks ? DateTime.MaxValue.Date : new DateTime(ticks);
        }

        private string Date(int around = 0, int spread = 120) =>
            Tier(() => Iso(Add(_start, around + _r.Next(-spread / 4, spread))), () => Pick(EdgeDates), () => Pick(InvalidDates));

        private string Number(int max = 20) =>
            Tier(() => _r.Next(5) == 0 ? (_r.Next(1, max * 2) / 2.0).ToString("0.#", CultureInfo.InvariantCulture) : _r.Next(1, max + 1).ToString(CultureInfo.InvariantCulture),
                () => Pick(EdgeNumbers), () => Pick(InvalidNumbers));

        private string Duration() => Number(15) + Pick("d", "d", "d", "h", "w") + (Chance(_hostility * 0.1) ? Pick("x", "dd", " d", "") : "");

        /// <summary>Three estimates: ordered, in one unit, or (hostile tier) anything.</summary>
        private string Estimate()
        {
            if (Chance(_hostility)) return Duration() + " " + Duration() + " " + Duration();
            var unit = Pick("d", "d", "h", "w");
            var values = new[] { _r.Next(1, 15), _r.Next(1, 15), _r.Next(1, 30) }.OrderBy(v => v).ToArray();
            return string.Join(" ", values.Select(v => v.ToString(CultureInfo.InvariantCulture) + unit));
        }

        private string Percent() => Tier(() => (25 * _r.Next(1, 5)).ToString(CultureInfo.InvariantCulture) + "%", () => Pick("0%", "100%", "0.001%", "99.999%", "1000000%"), () => Pick("-5%", "101%", "%", "50 %", "79228162514264337593543950336%"));

        private string Rate() => _theme == Theme.Money && Chance(0.5) ? Pick(EdgeNumbers) + Pick("/d", "/h") : Tier(() => (_r.Next(1, 20) * 50).ToString(CultureInfo.InvariantCulture) + Pick("/d", "/h"), () => Pick(EdgeNumbers) + Pick("/d", "/h"), () => Pick(InvalidNumbers) + Pick("/d", "/h", "/w", "/"));

        private string Lag()
        {
            var amount = Tier(() => _r.Next(0, 6).ToString(CultureInfo.InvariantCulture), () => Pick("100000", "2147483647", "0", "9999999"), () => Pick("2147483648", "79228162514264337593543950336", "x"));
            return Pick("+", "-") + amount + Pick("d", "d", "h", "w");
        }

        private string Quoted() =>
            "\"" + (_theme == Theme.Names && Chance(0.7) ? Pick(new string('x', _r.Next(300, 3000 * _scale)), "😀🚀 emoji", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", string.Concat(Enumerable.Repeat("😀", _r.Next(30, 200))), "<script>alert(1)</script>", "a|b`c*d_e[f](g)", "semi;colon,comma\\back", "%%{init}%% ```") : Tier(() => Pick("Plan", "Ana Ruiz", "Café", "Data & Features", "日本語のタスク", "naïve \\\"quoted\\\"", "tab\\tnew\\nline"),
                () => Pick(new string('x', _r.Next(300, 3000 * _scale)), "😀🚀 emoji", "\u200Bzero\u200Dwidth", "e\u0301\u0301\u0301", "<script>alert(1)</script>", "a|b`c*d_e[f](g)", "line\\nbreak; DROP", "%s%n{0}", "\uD83D\uDE00\uD83D"),
                () => Pick("unterminated", "bad \\q escape", "\u0000nul", "new\nline"))) + "\"";

        // ---------------------------------------------------------------- names

        /// <summary>A fresh name of a definition: plain, or (as hostile as the input) unicode, zero-width, long or a keyword.</summary>
        private string NewName(string prefix)
        {
            string name;
            do
            {
                var plain = prefix + _used.Count.ToString(CultureInfo.InvariantCulture);
                name = _theme == Theme.Names && Chance(0.5)
                    ? Pick("café-" + plain, "δ" + plain, "名前" + plain, "e\u0301" + plain, plain + "_" + new string('n', _r.Next(200, 2000 * _scale)), "ǅ" + plain, "𝔘" + plain)
                    : Tier(() => plain,
                    () => Pick("café-" + plain, "δ" + plain, "名前" + plain, "e\u0301" + plain, plain + "_" + new string('n', _r.Next(200, 2000 * _scale)), "task" + plain, "review", "after", "_" + plain, plain + "-1d"),
                    () => Pick("a\u200Bb" + plain, "1" + plain, plain + "😀", "-" + plain, plain + ".x", "\u0301" + plain, plain + "\u00A0"));
            }
            while (!_used.Add(name));
            return name;
        }

        /// <summary>A reference: mostly to a name of the right kind, sometimes a typo, an unknown name or the wrong kind.</summary>
        private string Ref(List<string> kind)
        {
            if (kind.Count > 0 && !Chance(_hostility))
            {
                return kind[_r.Next(kind.Count)];
            }

            var any = _used.Count > 0 && Chance(0.5) ? _used.ElementAt(_r.Next(_used.Count)) : "nothing" + _r.Next(100);
            return Pick("typo", "wrong", "unknown", "qualified") switch
            {
                "typo" when any.Length > 1 => any.Substring(0, any.Length - 1) + (char)('a' + _r.Next(26)),
                "unknown" => "zz" + any,
                "qualified" when _workstreams.Count > 0 => _workstreams[_r.Next(_workstreams.Count)] + "." + any,
                _ => any,
            };
        }

        /// <summary>Distinct references (a name given twice is an error of its own, left to the hostile tier).</summary>
        private string RefList(List<string> kind, int max) =>
            string.Join(", ", Enumerable.Range(0, _r.Next(1, max + 1)).Select(_ => Ref(kind)).Distinct(Chance(_hostility) ? EqualityComparer<string>.Create((a, b) => false, _ => 0) : StringComparer.Ordinal));

        /// <summary>One word of a vocabulary, or (hostile tier) one that is not in it.</summary>
        private string Word(string[] valid, string invalid) => Tier(() => Pick(valid), () => Pick(valid), () => invalid);

        /// <summary>A date range: in order, or (hostile tier) anything.</summary>
        private string Range()
        {
            if (Chance(_hostility)) return Date() + ".." + Date(30);
            var from = Add(_start, _r.Next(0, 200));
            return Iso(from) + ".." + Iso(Add(from, _r.Next(0, 10)));
        }

        private string WorkdaysText()
        {
            if (Chance(_hostility * 0.3)) return Pick("", "mon..", "fun", "sun..sat..mon", "mon,", "sat, sun");
            var a = Weekdays[_r.Next(7)];
            var b = Weekdays[_r.Next(7)];
            return Pick("mon..fri", a + ".." + b, a + ", " + b, "mon..thu, sat", "sun");
        }

        // ---------------------------------------------------------------- workspace

        private void Line(int indent, string text) => _sb.Append(' ', indent * 2).Append(text).Append('\n');

        private void Workspace(FuzzInput input)
        {
            _start = _theme switch
            {
                Theme.FarFuture => new DateTime(9999, 12, 31).AddDays(-_r.Next(0, 400)),
                Theme.DistantPast => new DateTime(1, 1, 1).AddDays(_r.Next(0, 60)),
                _ => Chance(_hostility * 0.5)
                    ? DateTime.ParseExact(Pick("0001-01-01", "0001-01-03", "9999-12-01", "9999-06-01", "9999-12-30", "2024-02-29"), "yyyy-MM-dd", CultureInfo.InvariantCulture)
                    : new DateTime(2027, 1, 4).AddDays(_r.Next(-400, 400)),
            };
            _status = Add(_start, _r.Next(-20, 120));

            // Names first, so references can point forwards and across files.
            int people = _r.Next(0, 6), tasks = _r.Next(1, 25 * _scale), workstreams = _r.Next(0, 6);
            for (int i = 0; i < _r.Next(0, 3); i++) _roles.Add(NewName("role"));
            for (int i = 0; i < _r.Next(0, 4); i++) _skills.Add(NewName("skill"));
            for (int i = 0; i < _r.Next(0, 3); i++) _calendars.Add(NewName("cal"));
            for (int i = 0; i < people; i++) _people.Add(NewName("p"));
            for (int i = 0; i < _r.Next(0, 3); i++) _pools.Add(NewName("pool"));
            for (int i = 0; i < _r.Next(0, 2); i++) _teams.Add(NewName("team"));
            for (int i = 0; i < _r.Next(0, 3); i++) _metrics.Add(NewName("metric"));

            // Workstreams: a forest, sometimes one deep chain (the depth the JSON and the scheduler must survive).
            var parent = _parent;
            int depth = _theme == Theme.Deep ? _r.Next(20, 150 * _scale) : Chance(0.03) ? _r.Next(5, 30) : 0;
            for (int i = 0; i < workstreams + depth; i++)
            {
                _workstreams.Add(NewName("ws"));
                parent.Add(i < workstreams ? (i == 0 || Chance(0.5) ? -1 : _r.Next(i)) : i - 1);
            }

            var taskOwner = _taskOwner;
            for (int i = 0; i < tasks; i++)
            {
                _tasks.Add(NewName(Chance(0.15) ? "m" : "t"));
                taskOwner.Add(_workstreams.Count == 0 || Chance(0.3) ? -1 : _r.Next(_workstreams.Count));
            }

            // Fragments: the resources go to included files when the include graph is interesting.
            var fragments = new List<string>();
            if (Chance(_theme == Theme.Includes ? 1 : 0.5))
            {
                foreach (var f in new[] { "people.tpm", "sub/calendars.tpm", "sub/deeper/more.tpm" }.Take(_r.Next(1, 4))) fragments.Add(f);
            }

            string programId = Tier(() => Pick("p", "fraud-v3", "demo"), () => Pick(new string('p', 300), "café", "日本", "con", "a.b"), () => Pick("a\u200Bb", "1p", "p/../../x", ""));

            _sb.Clear();
            _sb.Append(Chance(0.1) ? "\uFEFF" : string.Empty).Append("// generated by the fuzzer\n");
            Line(0, "program " + programId + " " + Quoted() + " {");
            if (!Chance(_hostility * 0.2)) Line(1, "start " + Tier(() => Iso(_start), () => Iso(_start), () => Pick(InvalidDates)));
            if (Chance(0.5)) Line(1, "deadline " + Date(200, 400));
            if (Chance(_theme == Theme.Tracking ? 0.9 : 0.4)) Line(1, "status-date " + Tier(() => Iso(_status), () => Pick(EdgeDates.Concat(new[] { Iso(Add(_start, -30)) }).ToArray()), () => Pick(InvalidDates)));
            if (Chance(0.3)) Line(1, "currency " + Pick("USD", "EUR", "x", "日本円"));
            if (Chance(0.3)) Line(1, "budget " + (_theme == Theme.Money ? Pick(EdgeNumbers) : Number(1000000)));
            if (Chance(0.3)) Line(1, "workdays " + WorkdaysText());
            for (int i = _r.Next(0, 3); i > 0; i--) Line(1, "holiday " + Holiday() + (Chance(0.5) ? " " + Quoted() : ""));
            if (Chance(0.3)) Line(1, "hours-per-day " + Tier(() => Pick("8", "6", "7.5"), () => Pick("24", "0.001", "1"), () => Pick("0", "25", "-8", "79228162514264337593543950336")));
            if (Chance(0.4)) Line(1, "leveling " + Word(new[] { "on", "off" }, "maybe"));
            if (Chance(0.2)) Line(1, "note " + Quoted());

            var main = _sb.ToString();
            var fragmentText = fragments.ToDictionary(f => f, _ => new StringBuilder());
            _sb.Clear();

            // Includes in the program, and declarations spread over the program and the fragments.
            var includes = new List<string>();
            foreach (var f in fragments) includes.Add(f);
            if (Chance(_theme == Theme.Includes ? 0.7 : _hostility * 2)) includes.Add(HostileInclude(input, "main.tpm"));
            var body = new StringBuilder();
            foreach (var inc in includes) body.Append("  include \"").Append(inc).Append("\"\n");

            void Emit(Action write, bool movable)
            {
                _sb.Clear();
                write();
                if (movable && fragments.Count > 0 && Chance(0.6)) fragmentText[fragments[_r.Next(fragments.Count)]].Append(_sb.Replace("\n  ", "\n").ToString().TrimStart(' '));
                else body.Append(_sb);
            }

            foreach (var c in _calendars) Emit(() => Calendar(c), true);
            foreach (var role in _roles) Emit(() => Line(1, "role " + role + (Chance(0.5) ? " " + Quoted() : "") + (Chance(0.7) ? " { rate " + Rate() + " }" : "")), true);
            foreach (var skill in _skills.Where(_ => !Chance(_hostility))) Emit(() => Line(1, "skill " + skill + " " + Quoted()), true);
            foreach (var p in _people) Emit(() => Person(p), true);
            foreach (var t in _teams) Emit(() => Line(1, "team " + t + (_people.Count > 0 ? " { lead " + Ref(_people) + "  members " + RefList(_people, 3) + " }" : "")), true);
            foreach (var pool in _pools) Emit(() => Line(1, "resource " + pool + " " + Quoted() + " { capacity " + Tier(() => _r.Next(4, 17).ToString(CultureInfo.InvariantCulture), () => Pick("1", "2147483647", "1000000"), () => Pick("0", "-1", "1.5", "2147483648")) + (Chance(0.6) ? "  rate " + Rate() : "") + " }"), true);
            if (Chance(0.3)) Emit(() => Line(1, "stakeholder " + NewName("sh") + " " + Quoted() + " { raci " + Word(new[] { "responsible", "accountable", "consulted", "informed" }, "nobody") + "  cadence " + Word(new[] { "daily", "weekly", "biweekly", "monthly", "quarterly" }, "hourly") + (_people.Count > 0 ? "  contact " + Ref(_people) : "") + " }"), true);
            foreach (var m in _metrics) Emit(() => Line(1, "metric " + m + " " + Quoted() + " { target " + Word(new[] { ">=", "<=", ">", "<", "=" }, "=>") + " " + Number(100) + "  current " + Number(100) + (Chance(0.5) ? "  unit " + Quoted() : "") + (_people.Count > 0 && Chance(0.5) ? "  owner " + Ref(_people) : "") + " }"), true);

            // Top-level tasks, then the workstream tree (iteratively, so a deep chain does not recurse here).
            for (int i = 0; i < _tasks.Count; i++)
            {
                if (taskOwner[i] == -1) Emit(() => Task(i, 1), false);
            }

            var children = Enumerable.Range(0, _workstreams.Count).ToLookup(k => parent[k]);
            var stack = new Stack<(int Ws, int Depth, bool Open)>();
            foreach (var k in children[-1].Reverse()) stack.Push((k, 1, true));
            while (stack.Count > 0)
            {
                var (k, d, open) = stack.Pop();
                int indent = Math.Min(d, 40);
                if (!open)
                {
                    body.Append(' ', indent * 2).Append("}\n");
                    continue;
                }

                _sb.Clear();
                Line(indent, "workstream " + _workstreams[k] + " " + Quoted() + " {");
                if (_people.Count + _teams.Count > 0 && Chance(0.3)) Line(indent + 1, "owner " + Ref(_teams.Count > 0 && Chance(0.5) ? _teams : _people));
                if (Chance(0.3) && WorkstreamDependency(k) is string after) Line(indent + 1, "after " + after);
                if (Chance(0.2)) Line(indent + 1, "due " + Date(30, 300));
                if (Chance(_hostility)) Line(indent + 1, "include \"" + Pick("people.tpm", "main.tpm", "nowhere.tpm") + "\"");
                body.Append(_sb);
                for (int i = 0; i < _tasks.Count; i++)
                {
                    if (taskOwner[i] != k) continue;
                    _sb.Clear();
                    Task(i, indent + 1);
                    body.Append(_sb);
                }

                stack.Push((k, d, false));
                foreach (var c in children[k].Reverse()) stack.Push((c, d + 1, true));
            }

            foreach (var _ in Enumerable.Range(0, _r.Next(0, 3))) Emit(Risk, true);
            if (Chance(0.3)) Emit(() => Line(1, "decision " + NewName("dec") + " " + Quoted() + " { date " + Date() + (_people.Count > 0 ? "  owner " + Ref(_people) : "") + "  status " + Word(new[] { "proposed", "accepted", "rejected", "superseded" }, "pending") + "  rationale " + Quoted() + " }"), true);

            input.AddText("main.tpm", main + body + (Chance(_hostility * 0.2) ? "" : "}\n"));

            // Fragments: their own includes make cycles, self-includes and escapes.
            foreach (var (path, text) in fragmentText)
            {
                var head = new StringBuilder("// fragment\n");
                if (Chance(_theme == Theme.Includes ? 0.6 : _hostility)) head.Append("include \"").Append(Pick(fragments.Select(f => Relative(path, f)).ToArray())).Append("\"\n");
                if (Chance(_theme == Theme.Includes ? 0.5 : _hostility * 2)) head.Append("include \"").Append(HostileInclude(input, path)).Append("\"\n");
                input.AddText(path, head.Append(text).ToString());
            }

            if (Chance(0.1)) input.AddText(".globalconfig", GlobalConfig());

            // A folder walk ('tpm check .') must not follow a link out of the workspace into a program there.
            if (_theme == Theme.Includes && Chance(0.3)) input.Symlinks.Add(("linked-folder", "../outside"));
            if (Chance(0.05)) input.AddText("other/second.tpm", "program second \"Second\" {\n  start " + Iso(_start) + "\n  task only { duration 1d }\n}\n");
        }

        /// <summary>The path from one workspace file's folder to another workspace file.</summary>
        private static string Relative(string from, string to)
        {
            int depth = from.Count(c => c == '/');
            return string.Concat(Enumerable.Repeat("../", depth)) + to;
        }

        /// <summary>An include that must be refused or reported: escapes, absolute paths, links out, folders, itself, missing files.</summary>
        private string HostileInclude(FuzzInput input, string from)
        {
            string up = string.Concat(Enumerable.Repeat("../", from.Count(c => c == '/') + 1));
            switch (_r.Next(10))
            {
                case 0: return up + "outside/secret.tpm";
                case 1: return up + "outside/secret.txt";
                case 2: return FuzzInput.RootToken + "/outside/secret.tpm";
                case 3: return FuzzInput.RootToken + "/outside/secret.txt";
                case 4:
                    if (!input.Symlinks.Any(l => l.Link == "link.tpm")) input.Symlinks.Add(("link.tpm", FuzzInput.RootToken + "/outside/secret.tpm"));
                    return Relative(from, "link.tpm");
                case 5:
                    if (!input.Symlinks.Any(l => l.Link == "rel-link.tpm")) input.Symlinks.Add(("rel-link.tpm", "../outside/secret.txt"));
                    return Relative(from, "rel-link.tpm");
                case 6: return from.Substring(from.LastIndexOf('/') + 1);
                case 7: return Pick("sub", ".", "", "missing.tpm", "sub/../../ws/main.tpm", "./people.tpm");
                case 8: return up + "ws/" + from;
                default: return Pick("nul\\u0000.tpm", new string('a', 300) + ".tpm", "a/" + string.Concat(Enumerable.Repeat("../", 40)) + "etc-does-not-exist", "C:\\\\x.tpm");
            }
        }

        private string GlobalConfig()
        {
            var sb = new StringBuilder(Pick("is_global = true\n", "", "[*.tpm]\n"));
            for (int i = _r.Next(1, 5); i > 0; i--)
            {
                sb.Append(Pick("dotnet_diagnostic.TPM2003.severity = error", "dotnet_diagnostic.TPM2201.severity = none", "dotnet_diagnostic.TPM0001.severity = none",
                    "dotnet_diagnostic.TPM1001.severity = silent", "dotnet_diagnostic.TPM2101.severity = banana", "severity = banana", "\u0000\u0001garbage",
                    "dotnet_diagnostic..severity = error", "dotnet_diagnostic.TPM9999.severity = error", "=", new string('x', 5000))).Append('\n');
            }

            return sb.ToString();
        }

        private string Holiday() => Chance(0.5) ? Date() : Range();

        private void Calendar(string name)
        {
            Line(1, "calendar " + name + " " + Quoted() + " {");
            if (Chance(0.8)) Line(2, "workdays " + WorkdaysText());
            for (int i = _r.Next(0, 3); i > 0; i--) Line(2, "holiday " + Holiday() + (Chance(0.3) ? " " + Quoted() : ""));
            Line(1, "}");
        }

        private void Person(string name)
        {
            Line(1, "person " + name + " " + Quoted() + " {");
            // The first person holds every role, so 'assign role' finds someone unless the input is hostile.
            if (_roles.Count > 0 && name == _people[0] && !Chance(_hostility)) Line(2, "role " + string.Join(", ", _roles));
            else if (_roles.Count > 0 && Chance(0.5)) Line(2, "role " + RefList(_roles, 2));
            if (Chance(0.5)) Line(2, "skills " + (_skills.Count > 0 ? RefList(_skills, 3) : "python"));
            if (Chance(0.4)) Line(2, "capacity " + Percent());
            if (Chance(0.7)) Line(2, "rate " + Rate());
            if (_calendars.Count > 0 && Chance(0.4)) Line(2, "calendar " + Ref(_calendars));
            if (Chance(0.3)) Line(2, "vacation " + Range() + (Chance(0.3) ? " " + Quoted() : ""));
            if (Chance(0.2)) Line(2, "email " + Quoted());
            Line(1, "}");
        }

        private void Risk()
        {
            Line(1, "risk " + NewName("risk") + " " + Quoted() + " {");
            Line(2, "likelihood " + Tier(() => Pick("low", "medium", "high", "30%"), () => Pick("0%", "100%"), () => Pick("120%", "sometimes")));
            Line(2, "impact " + Duration());
            if (_people.Count > 0 && Chance(0.6)) Line(2, "owner " + Ref(_people));
            if (Chance(0.6)) Line(2, "mitigation " + Quoted());
            if (Chance(0.7)) Line(2, "affects " + RefList(_workstreams.Count > 0 && Chance(0.3) ? _workstreams : _tasks, 3));
            Line(2, "status " + Word(new[] { "open", "open", "mitigated", "closed", "occurred" }, "gone"));
            Line(1, "}");
        }

        /// <summary>
        /// The tasks of a workstream, nested ones included, as the range of their numbers. Ordinary dependencies point
        /// only from higher task numbers to lower ones (a workstream counts as its highest task; a task or workstream
        /// may not depend on what contains it), so they never make a cycle; the hostile tier names anything.
        /// </summary>
        private (int Min, int Max) Span(int workstream)
        {
            int min = int.MaxValue, max = -1;
            for (int t = 0; t < _taskOwner.Count; t++)
            {
                for (int w = _taskOwner[t]; w >= 0; w = _parent[w])
                {
                    if (w != workstream) continue;
                    min = Math.Min(min, t);
                    max = Math.Max(max, t);
                    break;
                }
            }

            return (min, max);
        }

        /// <summary>Something tasks numbered from <paramref name="below"/> up may follow: a lower task, or a workstream entirely below.</summary>
        private string? Predecessor(int below)
        {
            if (Chance(_hostility)) return Ref(Chance(0.8) ? _tasks : _workstreams);
            if (Chance(0.2) && _workstreams.Count > 0)
            {
                int w = _r.Next(_workstreams.Count);
                var (min, max) = Span(w);
                if (max >= 0 && max < below) return QualifiedWorkstream(w);
            }

            return below > 0 ? QualifiedTask(_r.Next(below)) : null;
        }

        private string QualifiedTask(int t) => _taskOwner[t] < 0 ? _tasks[t] : QualifiedWorkstream(_taskOwner[t]) + "." + _tasks[t];

        private string QualifiedWorkstream(int w)
        {
            var parts = new List<string>();
            for (; w >= 0; w = _parent[w]) parts.Add(_workstreams[w]);
            parts.Reverse();
            return string.Join(".", parts);
        }

        private string? WorkstreamDependency(int w)
        {
            var (min, _) = Span(w);
            var target = Predecessor(min == int.MaxValue ? 0 : min);
            if (target is null) return null;
            return target + (Chance(0.5) ? " " + (Chance(_hostility) ? Pick("fs", "ss", "ff", "sf") : Pick("fs", "ss")) + (Chance(0.5) ? Lag() : "") : "");
        }

        private string? Dependencies(int task)
        {
            var parts = new List<string>();
            for (int i = _r.Next(1, 4); i > 0; i--)
            {
                var target = Predecessor(task);
                if (target is null || parts.Any(p => p.Split(' ')[0] == target)) continue;
                var type = Chance(0.5) ? " " + Word(new[] { "fs", "ss", "ff", "sf" }, "xx") : string.Empty;
                var lag = Chance(0.4) ? (type.Length > 0 ? "" : " ") + Lag() : string.Empty;
                parts.Add(target + type + lag);
            }

            return parts.Count == 0 ? null : string.Join(", ", parts);
        }

        private void Task(int i, int indent)
        {
            var name = _tasks[i];
            bool milestone = name.StartsWith("m", StringComparison.Ordinal) && !Chance(_hostility);
            Line(indent, (milestone ? "milestone " : "task ") + name + (Chance(0.6) ? " " + Quoted() : "") + " {");
            int s = indent + 1;
            if (!milestone)
            {
                switch (_r.Next(Chance(_hostility) ? 5 : 3))
                {
                    case 0: Line(s, "effort " + Duration()); break;
                    case 1: Line(s, "duration " + Duration()); break;
                    case 2: Line(s, "estimate " + Estimate()); break;
                    case 3: Line(s, "effort " + Duration() + "  duration " + Duration()); break;
                    default: break;
                }

                if (_people.Count > 0 && Chance(0.7))
                {
                    Line(s, "assign " + string.Join(", ", RefList(_people, 2).Split(", ").Select(p => p + (Chance(0.4) ? " " + Percent() : ""))));
                }
                else if (_roles.Count > 0 && (_people.Count > 0 || Chance(_hostility)) && Chance(0.3))
                {
                    Line(s, "assign role " + Ref(_roles));
                }

                if (_skills.Count > 0 && Chance(0.2)) Line(s, "requires skill " + RefList(_skills, 2));
                if (_pools.Count > 0 && Chance(0.3)) Line(s, "uses " + Ref(_pools) + " " + Tier(() => _r.Next(1, 5).ToString(CultureInfo.InvariantCulture), () => Pick("1000", "2147483647"), () => Pick("0", "-1", "2147483648")));
                if (Chance(0.2)) Line(s, "priority " + Tier(() => _r.Next(1, 1001).ToString(CultureInfo.InvariantCulture), () => Pick("1", "1000"), () => Pick("0", "1001", "2147483648", "-3")));
                if (Chance(0.15)) Line(s, "review " + string.Join(", ", Enumerable.Range(0, _r.Next(1, 4)).Select(_ => Pick(ReviewKinds))));
                if (Chance(_theme == Theme.Money ? 0.6 : 0.2)) Line(s, "cost " + (_theme == Theme.Money && Chance(0.5) ? Pick(EdgeNumbers) : Number(100000)));
                Tracking(s, milestone);
            }
            else
            {
                if (_metrics.Count > 0 && Chance(0.4)) Line(s, "gate " + RefList(_metrics, 2));
                if (Chance(0.2)) Line(s, "actual-finish " + Date(-10, 40));
            }

            if (Chance(0.6) && Dependencies(i) is string after) Line(s, "after " + after);
            if (Chance(0.15)) Line(s, "not-before " + Date(0, 200));
            if (Chance(0.25)) Line(s, "due " + Date(20, 200));
            if (Chance(0.2)) Line(s, "phase " + Pick(Phases));
            if (_people.Count > 0 && Chance(0.15)) Line(s, "owner " + Ref(_people));
            if (Chance(0.1)) Line(s, "note " + Quoted());
            if (Chance(_hostility * 0.2)) Line(s, Pick("{", "}", "task nested { duration 1d }", "include \"people.tpm\"", "start " + Iso(_start), "effort", "after", ";;"));
            Line(indent, "}");
        }

        /// <summary>Progress and actuals around the status date and the program start, in every consistent and inconsistent order.</summary>
        private void Tracking(int s, bool milestone)
        {
            if (!Chance(_theme == Theme.Tracking ? 0.8 : 0.35)) return;
            int startOffset = (int)(_status - _start).TotalDays;
            string Around(int days) => _theme == Theme.Tracking && Chance(0.3) ? Pick(Iso(Add(_start, -60)), Iso(Add(_start, -1)), Iso(Add(_status, 1)), Iso(Add(_status, 30))) : Tier(() => Iso(Add(_status, days)), () => Pick(Iso(Add(_start, -60)), Iso(Add(_start, -1)), Iso(Add(_status, 1)), Pick(EdgeDates)), () => Pick(InvalidDates));
            var started = Around(-_r.Next(0, Math.Max(1, startOffset + 10)));
            Line(s, "actual-start " + started);
            if (Chance(0.6)) Line(s, "progress " + Tier(() => _r.Next(0, 101).ToString(CultureInfo.InvariantCulture) + "%", () => Pick("0%", "100%", "99.99%"), () => Pick("150%", "-1%", "abc")));
            if (Chance(0.4))
            {
                var finish = DateTime.TryParseExact(started, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from) && !Chance(_hostility)
                    ? Iso(Add(from, _r.Next(0, 20)))
                    : Around(_r.Next(-30, 30));
                Line(s, "actual-finish " + finish);
            }
            if (Chance(0.4)) Line(s, "actual-cost " + Number(50000));
        }

        // ---------------------------------------------------------------- from the property tests' generator

        /// <summary>A valid plan of <see cref="PlanGenerator"/> with a few hostile statements spliced into its tasks.</summary>
        private void FromPlanGenerator(FuzzInput input, long seed)
        {
            var spec = PlanGenerator.Plans(20 * _scale).Generate(new PCG(7, (ulong)seed), null, out _);
            var text = PlanGenerator.Build(spec).Text.Replace("  leveling off\n", Chance(0.5) ? "  leveling on\n" : "  leveling off\n", StringComparison.Ordinal);
            var start = text.IndexOf("start ", StringComparison.Ordinal);
            _start = DateTime.ParseExact(text.Substring(start + 6, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture);
            _status = Add(_start, _r.Next(-10, 60));
            var lines = text.Split('\n').ToList();
            if (Chance(0.4)) lines.Insert(2, "  status-date " + Tier(() => Iso(_status), () => Pick(EdgeDates), () => Pick(InvalidDates)));
            if (Chance(0.3)) lines.Insert(2, "  budget " + Number(100000));
            for (int edits = _r.Next(1, 4); edits > 0; edits--)
            {
                var taskLines = Enumerable.Range(0, lines.Count).Where(k => lines[k].TrimStart().StartsWith("task ", StringComparison.Ordinal)).ToList();
                if (taskLines.Count == 0) break;
                int at = taskLines[_r.Next(taskLines.Count)];
                int close = lines[at].LastIndexOf('}');
                var statement = Pick(
                    "actual-start " + Date(-30, 60), "progress " + Percent(), "actual-finish " + Date(-20, 60), "actual-cost " + Number(),
                    "cost " + Number(100000), "not-before " + Date(0, 300), "due " + Date(), "priority " + Number(1000), "duration " + Duration(),
                    "after t0 " + Pick("fs", "ss", "ff", "sf") + Lag());
                lines[at] = lines[at].Substring(0, close) + " " + statement + " }";
            }

            input.AddText("main.tpm", string.Join("\n", lines));
        }
    }
}
