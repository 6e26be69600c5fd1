namespace ProgramDsl.Building
{
    /// <summary>The type of a dependency, as in <c>after x fs</c>, <c>ss</c>, <c>ff</c>, <c>sf</c>.</summary>
    public enum Dependency
    {
        /// <summary><c>fs</c> (the default): starts after the predecessor finishes.</summary>
        FinishToStart,

        /// <summary><c>ss</c>: starts no earlier than the predecessor starts.</summary>
        StartToStart,

        /// <summary><c>ff</c>: finishes no earlier than the predecessor finishes.</summary>
        FinishToFinish,

        /// <summary><c>sf</c>: finishes no earlier than the predecessor starts.</summary>
        StartToFinish,
    }
}
