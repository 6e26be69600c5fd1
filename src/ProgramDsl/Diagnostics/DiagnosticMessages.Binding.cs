using System.Collections.Generic;
using System.Globalization;
using ProgramDsl.Semantics;
using ProgramDsl.Syntax;
using ProgramDsl.Text;

namespace ProgramDsl.Diagnostics
{
    // Binding messages (TPM1007 for ids, TPM1101, TPM1102, TPM1103): the words live here once, the binder passes typed values.
    public static partial class DiagnosticCatalog
    {
        /// <summary>TPM1101: a root file without a <c>program</c> declaration.</summary>
        public static Diagnostic NoProgramDeclaration(SourceLocation at, string path) =>
            Make(MissingSetting, at, "'" + path + "' has no 'program' declaration; a program file starts with 'program <id> \"<name>\" { ... }' (fragments are read through 'include')");

        /// <summary>TPM1101: a program without a <c>start</c> date.</summary>
        public static Diagnostic NoStartDate(SourceLocation at, string programName) =>
            Make(MissingSetting, at, "program '" + programName + "' has no 'start' date; add one, e.g. 'start 2027-01-04'");

        /// <summary>TPM1101: a task with progress but no <c>actual-start</c>.</summary>
        public static Diagnostic ProgressWithoutActualStart(SourceLocation at, string task) =>
            Make(MissingSetting, at, task + " has progress but no 'actual-start'; add when it started");

        /// <summary>TPM1101: a task with <c>actual-finish</c> but no <c>actual-start</c>.</summary>
        public static Diagnostic ActualFinishWithoutStart(SourceLocation at, string task) =>
            Make(MissingSetting, at, task + " has 'actual-finish' but no 'actual-start'; add when it started");

        /// <summary>TPM1007: an id, built from its containers' ids, longer than <paramref name="limit"/>.</summary>
        public static Diagnostic IdTooLong(SourceLocation at, string kindWord, string name, int length, string containerId, int limit) =>
            Make(InputLimitExceeded, at, kindWord + " '" + name + "' has an id of " + Count(length) +
                " characters ('" + containerId.Substring(0, System.Math.Min(40, containerId.Length)) + "…'), longer than the limit of " +
                Count(limit) + "; use shorter names or fewer levels of workstreams");

        /// <summary>TPM1102: an actual date before the program start.</summary>
        public static Diagnostic TrackedDateBeforeStart(SourceLocation at, string keyword, CalendarDate date, CalendarDate start) =>
            Make(InvalidValue, at, keyword + " " + date + " is before the program start " + start + "; move 'start' to " + date + " or earlier, or correct the date");

        /// <summary>TPM1102: an actual date after the status date; <paramref name="verb"/> says what the work did ("started", "finished").</summary>
        public static Diagnostic TrackedDateAfterStatusDate(SourceLocation at, string keyword, CalendarDate date, CalendarDate status, string verb) =>
            Make(InvalidValue, at, keyword + " " + date + " is after the status date " + status + ": work cannot have " + verb + " after the day progress is reported on; correct the date, or move 'status-date' to " + date + " or later");

        /// <summary>TPM1102: a date that does not exist in the calendar, as written.</summary>
        public static Diagnostic NotAValidDate(SourceLocation at, string written) =>
            Make(InvalidValue, at, "'" + written + "' is not a valid date");

        /// <summary>TPM1102: a date range whose end is before its start.</summary>
        public static Diagnostic RangeEndsBeforeStart(SourceLocation at, CalendarDate from, CalendarDate to) =>
            Make(InvalidValue, at, "the range " + from + ".." + to + " ends before it starts");

        /// <summary>TPM1102: a duration, as written, too large to convert to working days.</summary>
        public static Diagnostic DurationTooLarge(SourceLocation at, string written) =>
            Make(InvalidValue, at, "the duration " + written + " is too large to count in working days");

        /// <summary>TPM1102: a word that is not one of <paramref name="allowed"/>; suggests the closest one when there is one.</summary>
        public static Diagnostic NotOneOf(SourceLocation at, string word, string what, IReadOnlyList<string> allowed)
        {
            var suggestion = Spelling.Closest(word, allowed);
            return Make(InvalidValue, at, "'" + word + "' is not a valid " + what + (suggestion is null ? "; use " + string.Join(", ", allowed) : "; did you mean '" + suggestion + "'?")).Suggesting(suggestion);
        }

        /// <summary>TPM1102: a number outside its allowed range.</summary>
        public static Diagnostic OutOfRange(SourceLocation at, ValueRange range, decimal value) =>
            Make(InvalidValue, at, range.Rule + ", not " + Number(value));

        /// <summary>TPM1102: a percentage outside its allowed range.</summary>
        public static Diagnostic PercentOutOfRange(SourceLocation at, ValueRange range, decimal percent) =>
            Make(InvalidValue, at, range.Rule + ", not " + Number(percent) + "%");

        /// <summary>TPM1102: a negative value where only zero or more is allowed.</summary>
        public static Diagnostic NegativeValue(SourceLocation at, string what) =>
            Make(InvalidValue, at, what + " " + ValueRanges.NonNegative.Rule);

        /// <summary>TPM1102: a program deadline before its start.</summary>
        public static Diagnostic DeadlineBeforeStart(SourceLocation at, CalendarDate deadline, CalendarDate start) =>
            Make(InvalidValue, at, "the deadline " + deadline + " is before the program start " + start);

        /// <summary>TPM1102: a status date before the program start.</summary>
        public static Diagnostic StatusDateBeforeStart(SourceLocation at, CalendarDate statusDate, CalendarDate start) =>
            Make(InvalidValue, at, "the status date " + statusDate + " is before the program start " + start + "; progress cannot be reported before the program starts: correct 'status-date' or 'start'");

        /// <summary>TPM1102: a workstream's <c>after</c> with a dependency type other than fs or ss.</summary>
        public static Diagnostic WorkstreamAfterType(SourceLocation at, string type) =>
            Make(InvalidValue, at, "a workstream's 'after' constrains when its tasks start, so only fs and ss apply; put '" + type + "' on the tasks themselves");

        /// <summary>TPM1102: a lag or lead beyond <see cref="ValueRanges.MaxLagDays"/>.</summary>
        public static Diagnostic LagTooLarge(SourceLocation at, bool isLead, decimal days) =>
            Make(InvalidValue, at, "a " + (isLead ? "lead" : "lag") + " of " + Number(days) + " working days is beyond any calendar; use at most " + ValueRanges.MaxLagDays.ToString(CultureInfo.InvariantCulture));

        /// <summary>TPM1102: a three-point estimate whose values are not ordered.</summary>
        public static Diagnostic EstimateNotOrdered(SourceLocation at, decimal optimistic, decimal likely, decimal pessimistic) =>
            Make(InvalidValue, at, "an estimate is optimistic, most likely, pessimistic with o ≤ m ≤ p; " + Number(optimistic) + "d " + Number(likely) + "d " + Number(pessimistic) + "d is not ordered");

        /// <summary>TPM1102: a role on a task that no person holds.</summary>
        public static Diagnostic RoleUnheld(SourceLocation at, string roleId, string task) =>
            Make(InvalidValue, at, "no person holds role '" + roleId + "', so " + task + " cannot be staffed; add the role to a person");

        /// <summary>TPM1102: actual dates where the finish is before the start.</summary>
        public static Diagnostic FinishesBeforeStarts(SourceLocation at, string task, CalendarDate finish, CalendarDate start) =>
            Make(InvalidValue, at, task + " finishes (" + finish + ") before it starts (" + start + ")");

        /// <summary>TPM1103: a property set twice in one declaration.</summary>
        public static Diagnostic SettingRepeated(SourceLocation at, SourceLocation first, string keyword, string owner) =>
            Make(ConflictingSetting, at, first, "'" + keyword + "' is set more than once in " + owner + " (first at " + first + "); keep one");

        /// <summary>TPM1103: a task with both effort and duration.</summary>
        public static Diagnostic EffortAndDuration(SourceLocation at, SourceLocation first, string task) =>
            Make(ConflictingSetting, at, first, task + " has both effort and duration; give one (effort is divided among the assignees, duration is fixed)");

        /// <summary>TPM1103: a name listed twice in one list; <paramref name="fix"/> says what to do.</summary>
        public static Diagnostic ListedTwice(SourceLocation at, SourceLocation first, string name, string list, string owner, string fix) =>
            Make(ConflictingSetting, at, first, "'" + name + "' is listed more than once in '" + list + "' of " + owner + " (first at " + first + "); " + fix);

        /// <summary>TPM1103: a person assigned twice to one task.</summary>
        public static Diagnostic AssignedTwice(SourceLocation at, SourceLocation first, string person, string task) =>
            Make(ConflictingSetting, at, first, "'" + person + "' is assigned to " + task + " more than once; give one share");

        /// <summary>TPM0001: a statement outside the program block.</summary>
        public static Diagnostic OutsideProgramBlock(SourceLocation at, string keyword) =>
            Make(SyntaxError, at, "'" + keyword + "' is outside the program block; move it inside 'program { ... }'");

        /// <summary>TPM1002: a second definition of <paramref name="name"/>; <paramref name="firstAs"/> describes the first ("a task", "the program").</summary>
        public static Diagnostic DefinedTwice(SourceLocation at, SourceLocation first, string name, string firstAs) =>
            Make(DuplicateDefinition, at, first, DuplicateDefinition.FormatMessage(name, firstAs, first.ToString()));

        /// <summary>TPM1003: a name that could be any of the <paramref name="candidates"/>, listed as <paramref name="described"/>.</summary>
        public static Diagnostic Ambiguous(SourceLocation at, IReadOnlyList<SourceLocation> candidates, string name, string described) =>
            new Diagnostic(AmbiguousReference, AmbiguousReference.DefaultSeverity, AmbiguousReference.FormatMessage(name, described), at, candidates);

        /// <summary>TPM1005: a reference to <paramref name="isA"/> ("a person") where the keyword expects <paramref name="expected"/>.</summary>
        public static Diagnostic WrongKindOf(SourceLocation at, string reference, string isA, string keyword, string expected) =>
            Make(WrongKind, at, WrongKind.FormatMessage(reference, isA, "'" + keyword + "'", expected));

        /// <summary>TPM2002: a task with no effort, duration or estimate.</summary>
        public static Diagnostic TaskWithoutWork(SourceLocation at, string task) =>
            Make(NoWork, at, NoWork.FormatMessage(task));

        /// <summary>TPM2003: effort without assignees, taken as a duration of <paramref name="days"/>.</summary>
        public static Diagnostic EffortTakenAsDuration(SourceLocation at, string task, decimal effortDays, decimal days) =>
            Make(EffortWithoutAssignee, at, EffortWithoutAssignee.FormatMessage(task, Number(effortDays) + "d", Plural.WorkingDays(days)));

        /// <summary>TPM2001: a dependency cycle, as the path that closes it ("a → b → a").</summary>
        public static Diagnostic Cycle(SourceLocation at, IReadOnlyList<SourceLocation> along, string path) =>
            new Diagnostic(DependencyCycle, DependencyCycle.DefaultSeverity, DependencyCycle.FormatMessage(path), at, along);

        /// <summary>
        /// TPM1001: <paramref name="name"/> names no <paramref name="noun"/>; <paramref name="suggestion"/> is the closest
        /// defined name written as the reference should be (null when none is close enough).
        /// </summary>
        public static Diagnostic UnknownName(SourceLocation at, string noun, string name, string? suggestion) =>
            Make(UnknownReference, at, UnknownReference.FormatMessage(noun, name, suggestion is null ? string.Empty : "; did you mean '" + suggestion + "'?")).Suggesting(suggestion);

        /// <summary>TPM1001: a dotted reference through <paramref name="container"/> (described, as "person 'ann'"), which has no members.</summary>
        public static Diagnostic UnknownMemberOfLeaf(SourceLocation at, string noun, string name, string container, string member) =>
            Make(UnknownReference, at, UnknownReference.FormatMessage(noun, name, "; " + container + " has no members, so '" + member + "' cannot be found in it"));

        /// <summary>
        /// TPM1001: workstream <paramref name="workstream"/> has no <paramref name="member"/>; <paramref name="suggestion"/>
        /// is the whole reference with the closest member instead (null when none is close enough).
        /// </summary>
        public static Diagnostic UnknownWorkstreamMember(SourceLocation at, string noun, string name, string workstream, string member, string? suggestion) =>
            Make(UnknownReference, at, UnknownReference.FormatMessage(noun, name,
                suggestion is null ? "; workstream '" + workstream + "' has no '" + member + "'" : "; did you mean '" + suggestion + "'?")).Suggesting(suggestion);
    }
}
