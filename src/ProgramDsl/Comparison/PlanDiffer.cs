using System;

namespace ProgramDsl.Comparison
{
    /// <summary>Compares two compiled plans (<see cref="PlanDiff"/>): pure, deterministic, near-linear in the plans' size.</summary>
    public static class PlanDiffer
    {
        /// <summary>
        /// What changed from <paramref name="old"/> to <paramref name="new"/>, matched by qualified id; dates compared in
        /// working days of the new program's calendar. Compile both sides with the same options.
        /// </summary>
        public static PlanDiff Compare(TpmProgram old, TpmProgram @new, PlanDiffOptions? options = null)
        {
            if (old is null) throw new ArgumentNullException(nameof(old));
            if (@new is null) throw new ArgumentNullException(nameof(@new));
            options ??= new PlanDiffOptions();
            // TODO: the comparison.
            return new PlanDiff { OldLabel = options.OldLabel, NewLabel = options.NewLabel, IsEmpty = true };
        }
    }
}
