namespace ProgramDsl.Building
{
    /// <summary>
    /// Entry point of the fluent builder: <c>Plan.Program("fraud-v2", "Fraud v2").Start("2027-01-04")...Build()</c>.
    /// A builder renders canonical <c>.tpm</c> text and compiles it with <see cref="TpmProgram.Parse"/>, so the
    /// model and the diagnostics are exactly those of the same plan written by hand.
    /// </summary>
    public static class Plan
    {
        /// <summary>Starts a program plan.</summary>
        /// <param name="id">The program's name, written as given (the compiler reports a bad one).</param>
        /// <param name="title">Its title, or null for none.</param>
        public static ProgramBuilder Program(string id, string? title = null) => new ProgramBuilder(id, title);
    }
}
