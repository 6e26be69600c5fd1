using System.Collections.Generic;
using ProgramDsl.Text;

namespace ProgramDsl.Diagnostics
{
    public static partial class DiagnosticCatalog
    {
        /// <summary>TPM1201: a portfolio file without a <c>portfolio</c> block.</summary>
        public static Diagnostic NoPortfolioDeclaration(SourceLocation at, string path) =>
            Make(PortfolioEntryError, at, "'" + path + "' has no 'portfolio' block; a portfolio file starts with 'portfolio <id> \"<name>\" { program \"<path>\" ... }'");

        /// <summary>TPM0001: a statement of a portfolio file outside its block.</summary>
        public static Diagnostic OutsidePortfolioBlock(SourceLocation at, string keyword) =>
            Make(SyntaxError, at, "'" + keyword + "' is outside the portfolio block; move it inside 'portfolio { ... }'");

        /// <summary>TPM1004, TPM1006 or TPM1007 (after the error's kind): a portfolio's program file that cannot be read at <paramref name="resolved"/>.</summary>
        public static Diagnostic CannotReadProgram(SourceLocation at, string written, SourceReadError error, string resolved) =>
            Make(ForReadError(error), at, "cannot read program '" + written + "': " + error.Message + " (looked for '" + resolved + "')");

        /// <summary>TPM1201: a portfolio entry naming a file that is not a program; <paramref name="what"/> says what it is.</summary>
        public static Diagnostic EntryNotAProgram(SourceLocation at, string written, string what) =>
            Make(PortfolioEntryError, at, "'" + written + "' is not a program file: it holds " + what +
                "; a portfolio names files that start with 'program <id> { ... }' (shared members go in the portfolio block or its 'include's)");

        /// <summary>TPM1201: a program file named a second time by one portfolio.</summary>
        public static Diagnostic ProgramNamedTwice(SourceLocation at, SourceLocation first, string written) =>
            Make(PortfolioEntryError, at, first, "the portfolio already names program '" + written + "' (at " + first + "); name each program once");

        /// <summary>TPM1201: two entries whose programs have the same id.</summary>
        public static Diagnostic SameProgramId(SourceLocation at, SourceLocation first, string id, string written, string firstWritten) =>
            Make(PortfolioEntryError, at, first, "program '" + written + "' has the id '" + id + "', like '" + firstWritten + "' (at " + first +
                "); the programs of a portfolio are told apart by their ids: rename one of them");

        /// <summary>TPM1201: work or another program member in a fragment a portfolio shares, which would be copied into every program.</summary>
        public static Diagnostic NotShareable(SourceLocation at, string what, string fragment) =>
            Make(PortfolioEntryError, at, what + " is in '" + fragment + "', which the portfolio shares with every program; a portfolio shares calendars, roles, skills, people, teams and pools only: move it into a program");

        /// <summary>TPM1201: a portfolio naming no program.</summary>
        public static Diagnostic NoPrograms(SourceLocation at, string portfolio) =>
            Make(PortfolioEntryError, at, "portfolio '" + portfolio + "' names no programs; add one: program \"<folder>/program.tpm\"");

        /// <summary>
        /// TPM2103: a shared person or pool booked over its capacity across programs, reported at one program's assignment
        /// with the others' as additional locations.
        /// </summary>
        public static Diagnostic OverAllocatedAcrossPrograms(SourceLocation at, IReadOnlyList<SourceLocation> also, string entity, string capacity, string days, string programs, string portfolio) =>
            new Diagnostic(CrossProgramOverAllocation, CrossProgramOverAllocation.DefaultSeverity,
                entity + " is booked over " + capacity + " on " + days + " across programs: " + programs + "; level them together with `tpm schedule " + portfolio + "`, or move the work",
                at, also);

        /// <summary>
        /// TPM2007: the programs of a portfolio linked by shared people or pools were not leveled together because one joint
        /// leveled schedule costs more than <paramref name="work"/> units; at the first program's entry, the others' as
        /// additional locations.
        /// </summary>
        public static Diagnostic JointLevelingStopped(SourceLocation at, IReadOnlyList<SourceLocation> also, string programs, long work) =>
            new Diagnostic(WorkBudgetExhausted, WorkBudgetExhausted.DefaultSeverity,
                "leveling stopped: programs " + programs + " are not leveled together: the joint leveling stopped after " + Count(work) +
                " work units (resources booked day by day over very long spans); each is scheduled on its own and the people and pools they share may be over-booked (TPM2103)",
                at, also);

        /// <summary>
        /// TPM2005: the programs of a portfolio linked by shared people or pools were not leveled together because their
        /// joint leveled schedule runs past the last date; at the first program's entry, the others' as additional locations.
        /// </summary>
        public static Diagnostic JointLevelingBeyondCalendar(SourceLocation at, IReadOnlyList<SourceLocation> also, string programs) =>
            new Diagnostic(OutOfCalendarRange, OutOfCalendarRange.DefaultSeverity,
                "programs " + programs + " are not leveled together: their joint leveled schedule runs past 9999-12-31; each is scheduled on its own " +
                "and the people and pools they share may be over-booked (TPM2103); check the durations, lags and dates",
                at, also);

        /// <summary>
        /// TPM2104: people or pools, each declared once, used by the same programs, which no portfolio names; at the first
        /// declaration, the others' as additional locations.
        /// </summary>
        public static Diagnostic SharedByProgramsWithoutPortfolio(SourceLocation at, IReadOnlyList<SourceLocation> also, string entities, bool several, string programs, string snippet) =>
            new Diagnostic(SharedWithoutPortfolio, SharedWithoutPortfolio.DefaultSeverity,
                entities + (several ? " are each" : " is") + " declared once and used by programs " + programs +
                ", but no portfolio names them, so their loads are not checked together; add a portfolio file, such as " + snippet,
                at, also);
    

        /// <summary>TPM2105: one id declared in several places by programs of a portfolio; at the first, the others as additional locations.</summary>
        public static Diagnostic SameIdDeclaredTwice(SourceLocation at, IReadOnlyList<SourceLocation> also, string entity, string programs) =>
            new Diagnostic(SameIdTwoDeclarations, SameIdTwoDeclarations.DefaultSeverity,
                entity + " is declared separately by programs " + programs + ": to tpm they are different, and their bookings are not added up; " +
                "if they are one, declare it once, in a fragment the programs include or in the portfolio block",
                at, also);
    }
}
