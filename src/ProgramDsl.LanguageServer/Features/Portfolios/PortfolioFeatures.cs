using System;
using System.Linq;
using ProgramDsl.LanguageServer.Features.Hover;
using ProgramDsl.LanguageServer.Features.Navigation;
using ProgramDsl.LanguageServer.Workspace;
using ProgramDsl.Portfolios;
using ProgramDsl.Text;

namespace ProgramDsl.LanguageServer.Features.Portfolios
{
    /// <summary>A program entry of a portfolio file: the path as written, its priority, where it is, and the program when it was read.</summary>
    public sealed class PortfolioEntry
    {
        internal PortfolioEntry(string path, int priority, SourceLocation location, PortfolioMember? member)
        {
            Path = path;
            Priority = priority;
            Location = location;
            Member = member;
        }

        /// <summary>The path as written in the portfolio.</summary>
        public string Path { get; }

        /// <summary>The entry's priority (500 when it gives none).</summary>
        public int Priority { get; }

        /// <summary>Where the portfolio names the program.</summary>
        public SourceLocation Location { get; }

        /// <summary>The program, or null when the entry names no readable program (TPM1004, TPM1201).</summary>
        public PortfolioMember? Member { get; }
    }

    /// <summary>
    /// The editing features of a portfolio file that need its check: what a program entry names (hover) and where it
    /// goes (definition). Pure: they read the checked portfolio only.
    /// </summary>
    public static class PortfolioFeatures
    {
        /// <summary>The program entry whose location holds <paramref name="offset"/> in the portfolio's own file, or null.</summary>
        public static PortfolioEntry? EntryAt(CompiledPortfolio compiled, int offset)
        {
            var model = compiled.Portfolio.Model;
            if (model is null) return null;
            foreach (var (path, priority, location) in model.Programs)
            {
                if (location.Source is null || offset < location.Span.Start || offset > location.Span.End) continue;
                if (!string.Equals(PlanCompilations.Normalize(location.Path), compiled.Path, StringComparison.Ordinal)) continue;
                var member = compiled.Portfolio.Members.FirstOrDefault(m => m.Location.Source != null && m.Location.Span.Equals(location.Span) &&
                                                                             string.Equals(m.Location.Path, location.Path, StringComparison.Ordinal));
                return new PortfolioEntry(path, priority, location, member);
            }

            return null;
        }

        /// <summary>The hover over a program entry: the program's id, title, start, deadline and, when it was scheduled, its finish.</summary>
        public static HoverResult Hover(PortfolioEntry entry, bool markdown)
        {
            var h = new HoverText(markdown);
            var program = entry.Member?.Program;
            var model = program?.Model;
            if (model is null)
            {
                h.Paragraph(h.Bold("program") + " " + h.Code(entry.Path));
                h.Item("Priority", entry.Priority.ToString(System.Globalization.CultureInfo.InvariantCulture));
                h.Paragraph(h.Words("not read as a program: see the diagnostics at the path"));
                return new HoverResult(h.ToString(), markdown, entry.Location.Span);
            }

            h.Paragraph(h.Bold("program") + " " + h.Code(model.Id) + (model.Title is null ? "" : " " + h.Words("\"" + model.Title + "\"")));
            h.Item("File", h.Code(entry.Path));
            h.Item("Priority", entry.Priority.ToString(System.Globalization.CultureInfo.InvariantCulture));
            h.Item("Start", model.HasStart ? model.Start.ToString() : "not given");
            h.Item("Deadline", model.Deadline is ProgramDsl.Semantics.CalendarDate deadline ? deadline.ToString() : "none");
            if (program!.Schedule is ProgramDsl.Scheduling.Schedule schedule)
            {
                h.Item("Finish", schedule.FinishDate + " (as it stands, leveled alone)");
            }

            return new HoverResult(h.ToString(), markdown, entry.Location.Span);
        }

        /// <summary>Where a program entry goes: the program declaration's name in the program's file, or the file's start.</summary>
        public static FileSpan? Definition(PortfolioEntry entry)
        {
            var member = entry.Member;
            if (member is null) return null;
            var memberPath = PlanCompilations.Normalize(member.Path);
            var tree = member.Program.SyntaxTrees.FirstOrDefault(t => string.Equals(PlanCompilations.Normalize(t.Source.Path), memberPath, StringComparison.Ordinal));
            if (tree is null) return null;
            var declaration = tree.Root.Program;
            var span = declaration is null ? new TextSpan(0, 0) : declaration.Name.Span;
            return new FileSpan(memberPath, tree.Source, span, isDeclaration: true);
        }
    }
}
