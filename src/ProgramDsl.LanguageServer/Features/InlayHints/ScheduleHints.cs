using System;
using System.Collections.Generic;
using ProgramDsl.LanguageServer.Features.Hover;
using ProgramDsl.Scheduling;
using ProgramDsl.Semantics;
using ProgramDsl.Syntax;
using ProgramDsl.Text;

namespace ProgramDsl.LanguageServer.Features.InlayHints
{
    /// <summary>One schedule hint: where it goes in the file and what it says.</summary>
    public sealed class ScheduleHint
    {
        /// <summary>Creates a hint.</summary>
        public ScheduleHint(int offset, string label, TaskSymbol task)
        {
            Offset = offset;
            Label = label;
            Task = task;
        }

        /// <summary>The offset the hint is shown at: the end of the declaration's header (after its title, else its name).</summary>
        public int Offset { get; }

        /// <summary><c>2027-03-16 → 2027-04-07 · float 0 · critical</c>; a milestone shows one date.</summary>
        public string Label { get; }

        /// <summary>The task or milestone.</summary>
        public TaskSymbol Task { get; }
    }

    /// <summary>
    /// The schedule of each task and milestone declared in a file, as hints at the end of their headers: after the title
    /// string (or the name when there is no title), before the <c>{</c>, where it reads as part of the header.
    /// </summary>
    public static class ScheduleHints
    {
        /// <summary>The hints of the tasks and milestones of <paramref name="tree"/> whose header ends within <paramref name="range"/>, in file order.</summary>
        public static IReadOnlyList<ScheduleHint> For(TpmProgram program, SyntaxTree tree, TextSpan range)
        {
            if (program is null) throw new ArgumentNullException(nameof(program));
            if (tree is null) throw new ArgumentNullException(nameof(tree));
            var hints = new List<ScheduleHint>();
            var schedule = program.Schedule;
            var model = program.Model;
            if (schedule is null || model is null) return hints;
            foreach (var task in model.Tasks)
            {
                var location = task.Location;
                // Declared in this file (by identity, as the semantic model matches sources) and near the range.
                if (!ReferenceEquals(location.Source, tree.Source) || location.Span.Start > range.End) continue;
                if (!(program.SemanticModel.GetDeclaration(task) is SymbolDeclaration declaration)) continue;
                int at = declaration.Syntax.HeaderSpan.End;
                if (at < range.Start || at > range.End) continue;
                if (HoverBuilder.ScheduledOf(schedule, task) is ScheduledTask scheduled) hints.Add(new ScheduleHint(at, HoverBuilder.ScheduleLabel(scheduled), task));
            }

            hints.Sort((a, b) => a.Offset.CompareTo(b.Offset));
            return hints;
        }
    }
}
