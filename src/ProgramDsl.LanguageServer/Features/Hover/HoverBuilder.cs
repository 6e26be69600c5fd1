using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using ProgramDsl.Diagnostics;
using ProgramDsl.Forecasting;
using ProgramDsl.Scheduling;
using ProgramDsl.Semantics;
using ProgramDsl.Syntax;
using ProgramDsl.Text;

namespace ProgramDsl.LanguageServer.Features.Hover
{
    /// <summary>What a hover shows: its text (markdown or plain) and the span of the name or code it is about.</summary>
    public sealed class HoverResult
    {
        /// <summary>Creates a result.</summary>
        public HoverResult(string text, bool markdown, TextSpan span)
        {
            Text = text;
            IsMarkdown = markdown;
            Span = span;
        }

        /// <summary>The hover's text.</summary>
        public string Text { get; }

        /// <summary>True when <see cref="Text"/> is markdown.</summary>
        public bool IsMarkdown { get; }

        /// <summary>The span in the file the hover is about (an identifier, a keyword, a diagnostic's range or a code).</summary>
        public TextSpan Span { get; }
    }

    /// <summary>What a hover is asked about: a file of a compiled program (or a file parsed alone) and an offset in it.</summary>
    public sealed class HoverRequest
    {
        /// <summary>Creates a request.</summary>
        public HoverRequest(SyntaxTree tree, int offset)
        {
            Tree = tree ?? throw new ArgumentNullException(nameof(tree));
            Offset = offset;
        }

        /// <summary>The file's syntax tree (of <see cref="Program"/> when there is one).</summary>
        public SyntaxTree Tree { get; }

        /// <summary>The offset hovered.</summary>
        public int Offset { get; }

        /// <summary>The compiled program that read the file, or null for a file parsed alone.</summary>
        public TpmProgram? Program { get; set; }

        /// <summary>True when the program's dates come from a quick leveling (the full one follows).</summary>
        public bool QuickLeveling { get; set; }

        /// <summary>The program's forecast when it is ready, else null (nothing is said about it then).</summary>
        public ForecastResult? Forecast { get; set; }

        /// <summary>Markdown (true) or plain text.</summary>
        public bool Markdown { get; set; } = true;
    }

    /// <summary>
    /// The content of a hover over a <c>.tpm</c> file: a task's or milestone's dates from the schedule, a person's or
    /// pool's load, a metric's target and the gates it guards, a keyword's doc from the statement table, a diagnostic's
    /// code and docs link, and a one-line summary of any other symbol. Pure: it reads the compiled program only.
    /// </summary>
    public static class HoverBuilder
    {
        private static readonly Regex CodePattern = new Regex(@"TPM\d{4}", RegexOptions.CultureInvariant);
        private const int MostListed = 10;

        /// <summary>The hover at the request's offset, or null when there is nothing to say there.</summary>
        public static HoverResult? Build(HoverRequest request)
        {
            if (request is null) throw new ArgumentNullException(nameof(request));
            var tree = request.Tree;
            int offset = request.Offset;
            if (offset < 0 || offset > tree.Source.Length) return null;
            var text = new HoverText(request.Markdown);
            TextSpan? span = null;

            var program = request.Program;
            var at = program?.SemanticModel.SymbolAt(tree, offset);
            if (at != null)
            {
                SymbolText(text, at.Symbol, request);
                span = at.Span;
            }
            else if (KeywordAt(tree, offset) is var (info, keywordSpan))
            {
                Keyword(text, info);
                span = keywordSpan;
            }
            else if (CodeInComment(tree.Source.Text, offset) is var (descriptor, codeSpan))
            {
                Descriptor(text, descriptor, null);
                span = codeSpan;
            }

            // The diagnostics whose range holds the offset follow whatever else is said there.
            foreach (var d in DiagnosticsAt(request, offset))
            {
                if (!text.IsEmpty) text.Rule();
                Descriptor(text, d.Descriptor, d);
                span ??= ((SourceLocation)d.Location!).Span;
            }

            return text.IsEmpty || span is null ? null : new HoverResult(text.ToString(), request.Markdown, span.Value);
        }

        // ------------------------------------------------------------------ symbols

        private static void SymbolText(HoverText h, Symbol symbol, HoverRequest request)
        {
            h.Paragraph(h.Bold(ProgramDsl.Semantics.Symbol.KindWord(symbol.Kind)) + " " + h.Code(symbol.Id) + (symbol.Title is null ? "" : " " + h.Words("\"" + symbol.Title + "\"")));
            var schedule = request.Program?.Schedule;
            switch (symbol)
            {
                case TaskSymbol task:
                    Task(h, task, schedule, request);
                    break;
                case PersonSymbol person:
                    Person(h, person, schedule, request);
                    break;
                case ResourceSymbol pool:
                    Pool(h, pool, schedule, request);
                    break;
                case MetricSymbol metric:
                    Metric(h, metric, request.Program?.Model, schedule);
                    break;
                case WorkstreamSymbol workstream:
                    Workstream(h, workstream, schedule);
                    break;
                case ProgramSymbol p:
                    ProgramSummary(h, p, schedule);
                    break;
                case RoleSymbol role:
                    Role(h, role, request.Program?.Model);
                    break;
                case SkillSymbol skill:
                    Skill(h, skill, request.Program?.Model);
                    break;
                case CalendarSymbol calendar:
                    h.Item("Workdays", Workdays(calendar.Workdays));
                    if (calendar.Holidays.Count > 0) h.Item("Days off", Plural(calendar.Holidays.Count, "holiday"));
                    break;
                case TeamSymbol team:
                    if (team.Lead != null) h.Item("Lead", h.Code(team.Lead.Id));
                    h.Item("Members", team.Members.Count == 0 ? "none" : List(h, team.Members.Select(m => m.Id)));
                    break;
                case StakeholderSymbol stakeholder:
                    h.Item("RACI", stakeholder.Raci.ToString().ToLowerInvariant());
                    if (stakeholder.Cadence != null) h.Item("Cadence", h.Words(stakeholder.Cadence));
                    if (stakeholder.Contact != null) h.Item("Contact", h.Code(stakeholder.Contact.Id));
                    break;
                case RiskSymbol risk:
                    h.Item("Likelihood", Percent(risk.Likelihood) + " · impact " + Plural(Number(risk.ImpactDays), "working day") + " · " + risk.Status.ToString().ToLowerInvariant());
                    h.Item("Owner", risk.Owner is null ? "none" : h.Code(risk.Owner.Id));
                    if (risk.Mitigation != null) h.Item("Mitigation", h.Words(risk.Mitigation));
                    if (risk.Affects.Count > 0) h.Item("Affects", List(h, risk.Affects.Select(a => a.Id)));
                    break;
                case DecisionSymbol decision:
                    h.Item("Status", decision.Status.ToString().ToLowerInvariant() + (decision.Date is CalendarDate date ? " on " + date : ""));
                    if (decision.Owner != null) h.Item("Owner", h.Code(decision.Owner.Id));
                    if (decision.Rationale != null) h.Item("Rationale", h.Words(decision.Rationale));
                    if (decision.Affects.Count > 0) h.Item("Affects", List(h, decision.Affects.Select(a => a.Id)));
                    break;
            }

            if (symbol.Note != null) h.Paragraph(h.Words(symbol.Note));
        }

        private static void Task(HoverText h, TaskSymbol task, Schedule? schedule, HoverRequest request)
        {
            if (schedule is null)
            {
                h.Paragraph("Not scheduled: the program has errors.");
                return;
            }

            if (!(ScheduledOf(schedule, task) is ScheduledTask t))
            {
                h.Paragraph("Not scheduled.");
                return;
            }

            h.Paragraph(ScheduleLabel(t));
            if (task.IsMilestone)
            {
                h.Item("Date", t.FinishDate.ToString());
            }
            else
            {
                h.Item("Start", t.StartDate.ToString());
                h.Item("Finish", t.FinishDate.ToString());
                h.Item("Duration", Plural(t.DurationDays, "working day"));
            }

            h.Item("Total float", Plural(t.TotalFloat, "working day") + (t.IsCritical ? " (critical)" : ""));
            if (task.Due is CalendarDate due)
            {
                int margin = schedule.WorkingDaysBetween(t.FinishDate, due);
                h.Item("Due", due + (margin >= 0 ? " (met, " + Plural(margin, "working day") + " to spare)" : " (missed by " + Plural(-margin, "working day") + ")"));
            }

            if (task.Dependencies.Count > 0) h.Item("After", List(h, task.Dependencies.Select(d => d.Target.Id)));
            if (schedule.IsLeveled)
            {
                h.Item("Waits for", t.DelayedBy is null
                    ? "no person or pool"
                    : ProgramDsl.Semantics.Symbol.KindWord(t.DelayedBy.Kind) + " " + h.Code(t.DelayedBy.Id) + " +" + t.ResourceDelayDays.ToString(CultureInfo.InvariantCulture) + "d");
            }

            if (t.Assigned.Count > 0) h.Item("Assigned", List(h, t.Assigned.Select(a => a.Person.Id + (a.Share == 1m ? "" : " " + Percent(a.Share))), code: false));
            if (task.ResourceUses.Count > 0) h.Item("Uses", string.Join(", ", task.ResourceUses.Select(u => h.Code(u.Resource.Id) + " " + u.Units.ToString(CultureInfo.InvariantCulture))));
            if (t.Cost > 0) h.Item("Cost", Money(t.Cost) + (schedule.Program.Currency is null ? "" : " " + schedule.Program.Currency));
            if (task.Estimate is ThreePointEstimate e) h.Item("Estimate", Number(e.Optimistic) + "d / " + Number(e.MostLikely) + "d / " + Number(e.Pessimistic) + "d");

            if (request.Forecast is ForecastResult forecast)
            {
                var runs = forecast.Iterations.ToString("N0", CultureInfo.InvariantCulture) + " runs";
                if (task.IsMilestone && forecast.Milestones.FirstOrDefault(m => m.Milestone == task) is MilestoneForecast m)
                {
                    h.Item("Forecast", "P50 " + m.Finish.P50 + " · P80 " + m.Finish.P80 + (m.DueProbability is double p ? " · on time in " + Percent((decimal)p) : "") + " (" + runs + ")");
                }
                else if (forecast.Tasks.FirstOrDefault(f => f.Task == task) is TaskForecast f)
                {
                    var finish = f.Finish is FinishDistribution d ? "P50 " + d.P50 + " · P80 " + d.P80 + " · " : "";
                    h.Item("Forecast", finish + "critical in " + Percent((decimal)f.Criticality) + " of " + runs + (f.DueProbability is double p ? " · on time in " + Percent((decimal)p) : ""));
                }
            }

            if (request.QuickLeveling) h.Paragraph(Quick(h));
        }

        /// <summary>The one-line schedule of a task or milestone, as the inlay hint shows it.</summary>
        public static string ScheduleLabel(ScheduledTask t)
        {
            if (t is null) throw new ArgumentNullException(nameof(t));
            var dates = t.Task.IsMilestone ? t.FinishDate.ToString() : t.StartDate + " → " + t.FinishDate;
            return dates + " · float " + t.TotalFloat.ToString(CultureInfo.InvariantCulture) + (t.IsCritical ? " · critical" : "");
        }

        /// <summary>The schedule's entry of a task, or null for a task it does not hold (a duplicate declaration).</summary>
        internal static ScheduledTask? ScheduledOf(Schedule schedule, TaskSymbol task) =>
            task.Index >= 0 && task.Index < schedule.Tasks.Count && ReferenceEquals(schedule.Tasks[task.Index].Task, task) ? schedule.Tasks[task.Index] : null;

        private static string Quick(HoverText h) => h.Markdown
            ? "_Dates from a quick leveling; the full leveling follows._"
            : "Dates from a quick leveling; the full leveling follows.";

        private static void Person(HoverText h, PersonSymbol person, Schedule? schedule, HoverRequest request)
        {
            if (person.Roles.Count > 0) h.Item("Roles", List(h, person.Roles.Select(r => r.Id)));
            if (person.Skills.Count > 0) h.Item("Skills", string.Join(", ", person.Skills.Select(h.Words)));
            if (person.Rate is Rate rate) h.Item("Rate", RateText(rate, request.Program?.Model));
            h.Item("Calendar", person.Calendar is null ? "the program's" : h.Code(person.Calendar.Id));
            if (person.Capacity != 1m) h.Item("Capacity", Percent(person.Capacity));
            if (person.Vacations.Count > 0) h.Item("Vacations", string.Join(", ", person.Vacations.Select(v => v.Range.ToString())));
            Load(h, person, schedule, request);
        }

        private static void Pool(HoverText h, ResourceSymbol pool, Schedule? schedule, HoverRequest request)
        {
            h.Item("Capacity", Plural(pool.Capacity, "unit"));
            if (pool.Rate is Rate rate) h.Item("Rate", RateText(rate, request.Program?.Model) + " a unit");
            h.Item("Calendar", pool.Calendar is null ? "the program's" : h.Code(pool.Calendar.Id));
            Load(h, pool, schedule, request);
        }

        private static void Load(HoverText h, Symbol resource, Schedule? schedule, HoverRequest request)
        {
            if (schedule is null)
            {
                h.Paragraph("Not scheduled: the program has errors.");
                return;
            }

            var load = ResourceUsage.Of(schedule, resource);
            if (load.Tasks.Count == 0)
            {
                h.Item("Load", "no scheduled work");
                return;
            }

            var peak = load.IsPool ? Number(load.Peak) + " of " + Plural(load.Capacity, "unit") : Percent(load.Peak);
            var booked = load.IsPool ? Number(load.Booked) + " unit-days" : Plural(Number(load.Booked), "person-day");
            h.Item("Load", Plural(load.BusyDays, "busy working day") + ", " + booked + ", peak " + peak + " (" + Plural(load.Tasks.Count, "task") + ")");
            if (!load.IsComplete) h.Item("Note", "the load covers only part of the schedule (its tasks are too long to walk)");
            if (load.Overloads.Count == 0)
            {
                h.Item("Over-allocated", schedule.IsLeveled ? "never (the schedule is leveled)" : "never");
            }
            else
            {
                foreach (var o in load.Overloads.Take(MostListed))
                {
                    var days = o.First == o.Last ? o.First.ToString() : o.First + ".." + o.Last;
                    var over = load.IsPool ? Number(o.Peak) + " of " + Plural(load.Capacity, "unit") : Percent(o.Peak);
                    h.Item("Over-allocated", days + " (" + Plural(o.Days, "working day") + ", up to " + over + ") by " + List(h, o.Tasks.Select(t => t.Id)));
                }

                if (load.Overloads.Count > MostListed) h.Item("Over-allocated", "and " + (load.Overloads.Count - MostListed).ToString("N0", CultureInfo.InvariantCulture) + " more runs of days");
            }

            if (request.QuickLeveling) h.Paragraph(Quick(h));
        }

        private static void Metric(HoverText h, MetricSymbol metric, ProgramSymbol? program, Schedule? schedule)
        {
            var unit = metric.Unit is null ? "" : " " + h.Words(metric.Unit);
            h.Item("Target", metric.Target is null ? "none" : h.Code(metric.Target.ToString()) + unit);
            var state = metric.Current is decimal current && metric.Target is MetricTarget target ? (target.IsMetBy(current) ? " (met)" : " (not met)") : "";
            h.Item("Current", metric.Current is decimal value ? h.Code(Number(value)) + unit + state : "not measured");
            if (metric.Owner != null) h.Item("Owner", h.Code(metric.Owner.Id));
            var gated = program?.Tasks.Where(t => t.Gates.Contains(metric)).ToList() ?? new List<TaskSymbol>();
            if (gated.Count == 0)
            {
                h.Item("Gates", "no milestone");
                return;
            }

            foreach (var milestone in gated)
            {
                int met = milestone.Gates.Count(m => m.Target is MetricTarget t && m.Current is decimal c && t.IsMetBy(c));
                var when = schedule != null && ScheduledOf(schedule, milestone) is ScheduledTask m ? " (" + m.FinishDate + ")" : "";
                var verdict = met == milestone.Gates.Count
                    ? "passes: every metric meets its target"
                    : "does not pass: " + met + " of " + Plural(milestone.Gates.Count, "metric") + " meet their targets";
                h.Item("Gates", h.Code(milestone.Id) + when + ", which " + verdict);
            }
        }

        private static void Workstream(HoverText h, WorkstreamSymbol workstream, Schedule? schedule)
        {
            if (workstream.Owner != null) h.Item("Owner", h.Code(workstream.Owner.Id));
            int tasks = workstream.Children.Count(c => c is TaskSymbol);
            int nested = workstream.Children.Count(c => c is WorkstreamSymbol);
            h.Item("Holds", Plural(tasks, "task or milestone", "tasks and milestones") + (nested > 0 ? ", " + Plural(nested, "workstream") : ""));
            var scheduled = schedule?.Workstreams.FirstOrDefault(w => w.Workstream == workstream);
            if (scheduled?.StartDate is CalendarDate start && scheduled.FinishDate is CalendarDate finish) h.Item("Schedule", start + " → " + finish);
            if (workstream.Due is CalendarDate due) h.Item("Due", due.ToString());
        }

        private static void ProgramSummary(HoverText h, ProgramSymbol program, Schedule? schedule)
        {
            if (schedule != null) h.Item("Schedule", schedule.StartDate + " → " + schedule.FinishDate + ", " + Plural(schedule.DurationDays, "working day"));
            else h.Item("Start", program.Start.ToString());
            if (program.Deadline is CalendarDate deadline) h.Item("Deadline", deadline.ToString());
            h.Item("Holds", Plural(program.Tasks.Count, "task or milestone", "tasks and milestones") + ", " + Plural(program.People.Count, "person", "people"));
        }

        private static void Role(HoverText h, RoleSymbol role, ProgramSymbol? program)
        {
            if (role.Rate is Rate rate) h.Item("Rate", RateText(rate, program));
            var holders = program?.People.Where(p => p.Roles.Contains(role)).Select(p => p.Id).ToList() ?? new List<string>();
            h.Item("Held by", holders.Count == 0 ? "nobody" : List(h, holders));
        }

        private static void Skill(HoverText h, SkillSymbol skill, ProgramSymbol? program)
        {
            var people = program?.People.Where(p => p.Skills.Contains(skill.Name)).Select(p => p.Id).ToList() ?? new List<string>();
            h.Item("People with it", people.Count == 0 ? "nobody" : List(h, people));
        }

        // ------------------------------------------------------------------ keywords and diagnostics

        /// <summary>The statement whose keyword is at <paramref name="offset"/>, with the keyword's span.</summary>
        private static (StatementInfo, TextSpan)? KeywordAt(SyntaxTree tree, int offset)
        {
            var path = tree.FindPath(offset);
            if (path.Count < 2 || !(path[path.Count - 1] is IdentifierSyntax keyword) || !(path[path.Count - 2] is StatementSyntax statement)) return null;
            if (!statement.KeywordSpan.Equals(keyword.Span)) return null;
            // The block the statement stands in: the body of the nearest enclosing declaration, else the file's top.
            var block = BlockContext.File;
            for (int i = path.Count - 3; i >= 0; i--)
            {
                if (path[i] is DeclarationSyntax d)
                {
                    block = SyntaxFacts.BodyContext(d.Kind);
                    break;
                }

                if (path[i] is ProgramEntrySyntax)
                {
                    block = BlockContext.PortfolioProgram;
                    break;
                }
            }

            var info = Statements.Lookup(statement.KeywordText, block);
            return info is null ? ((StatementInfo, TextSpan)?)null : (info, keyword.Span);
        }

        private static void Keyword(HoverText h, StatementInfo info)
        {
            h.Paragraph(h.Code(info.Keyword) + " — " + h.Words(info.Doc));
            if (info.AllowedWords.Count > 0) h.Item("Values", string.Join(", ", info.AllowedWords.Select(h.Code)));
            if (info.Range != null) h.Item("Range", h.Words(info.Range.Rule));
        }

        /// <summary>A diagnostic code (TPM and four digits) written in a comment at <paramref name="offset"/>, when the catalog knows it.</summary>
        private static (DiagnosticDescriptor, TextSpan)? CodeInComment(string text, int offset)
        {
            if (offset >= text.Length || !(SyntaxFacts.CommentAt(text, offset) is TextSpan comment)) return null;
            foreach (Match match in CodePattern.Matches(text.Substring(comment.Start, comment.Length)))
            {
                int start = comment.Start + match.Index;
                if (offset < start || offset >= start + match.Length) continue;
                // A longer token (TPM30011, xTPM3001) is not a code.
                bool before = start > 0 && char.IsLetterOrDigit(text[start - 1]);
                bool after = start + match.Length < text.Length && char.IsLetterOrDigit(text[start + match.Length]);
                if (before || after) return null;
                return DiagnosticCatalog.Find(match.Value) is DiagnosticDescriptor d ? (d, new TextSpan(start, match.Length)) : ((DiagnosticDescriptor, TextSpan)?)null;
            }

            return null;
        }

        private static IEnumerable<Diagnostic> DiagnosticsAt(HoverRequest request, int offset)
        {
            var all = request.Program?.Diagnostics ?? request.Tree.Diagnostics;
            var path = SourcePaths.Normalize(request.Tree.Source.Path);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var d in all)
            {
                if (!(d.Location is SourceLocation at) || at.Source is null) continue;
                var span = at.Span;
                bool holds = span.Length == 0 ? offset == span.Start : offset >= span.Start && offset < span.End;
                if (!holds || !string.Equals(SourcePaths.Normalize(at.Path), path, StringComparison.Ordinal)) continue;
                if (seen.Add(d.Code + "|" + d.Message)) yield return d;
            }
        }

        private static void Descriptor(HoverText h, DiagnosticDescriptor descriptor, Diagnostic? diagnostic)
        {
            var severity = diagnostic is null ? "" : " (" + ProgramDsl.Diagnostics.Diagnostic.SeverityWord(diagnostic.Severity) + ")";
            h.Paragraph(h.Bold(descriptor.Code) + " " + h.Words(descriptor.Title) + severity + " — " + h.Link("docs", descriptor.HelpLink));
            if (diagnostic != null) h.Paragraph(h.Words(ProgramDsl.Diagnostics.Diagnostic.Printable(diagnostic.Message)));
        }

        // ------------------------------------------------------------------ formatting (as tpm schedule writes it)

        private static string List(HoverText h, IEnumerable<string> ids, bool code = true)
        {
            var all = ids.ToList();
            var shown = string.Join(", ", all.Take(MostListed).Select(id => code ? h.Code(id) : h.Words(id)));
            return all.Count > MostListed ? shown + " and " + (all.Count - MostListed).ToString("N0", CultureInfo.InvariantCulture) + " more" : shown;
        }

        private static string Percent(decimal share) => (share * 100m).ToString("0.#", CultureInfo.InvariantCulture) + "%";

        private static string Money(decimal value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);

        private static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

        private static string Plural(int count, string one, string? many = null) =>
            count.ToString("N0", CultureInfo.InvariantCulture) + " " + (count == 1 ? one : many ?? one + "s");

        private static string Plural(string count, string one) => count + " " + (count == "1" ? one : one + "s");

        private static string RateText(Rate rate, ProgramSymbol? program)
        {
            var per = rate.Per == DurationUnit.Hours ? "/h" : rate.Per == DurationUnit.Days ? "/d" : "/w";
            return Money(rate.Amount) + per + (program?.Currency is string currency ? " " + currency : "");
        }

        private static string Workdays(WeekdaySet days) =>
            string.Join(", ", days.Days.Select(d => CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedDayName(d).ToLowerInvariant()));
    }
}
