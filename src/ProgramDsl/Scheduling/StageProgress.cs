namespace ProgramDsl.Scheduling
{
    /// <summary>A long stage of the compiler that reports its progress.</summary>
    public enum ProgressStage
    {
        /// <summary>The resource leveler's search; done and total are work units.</summary>
        Leveling,

        /// <summary>The Monte Carlo forecast; done and total are iterations.</summary>
        Forecast,
    }

    /// <summary>
    /// How far a long stage has got, for a progress display. Reports are informative only: they never change a result,
    /// and nothing in the library writes them anywhere.
    /// </summary>
    public readonly struct StageProgress
    {
        /// <summary>Creates a report.</summary>
        public StageProgress(ProgressStage stage, long done, long total)
        {
            Stage = stage;
            Done = done;
            Total = total;
        }

        /// <summary>The stage.</summary>
        public ProgressStage Stage { get; }

        /// <summary>Units done so far (at most <see cref="Total"/>).</summary>
        public long Done { get; }

        /// <summary>The stage's budget in the same units: the stage ends at or before it.</summary>
        public long Total { get; }
    }
}
