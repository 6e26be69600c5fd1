using System;
using ProgramDsl.Diagnostics;

namespace ProgramDsl.Forecasting
{
    /// <summary>
    /// Thrown by <see cref="MonteCarloForecast.Run"/> when sampled finishes run past 9999-12-31, the last date the
    /// calendar can name. <see cref="Diagnostic"/> is TPM2005 at the program, saying how many iterations did.
    /// </summary>
    public sealed class ForecastRangeException : Exception
    {
        /// <summary>Creates the exception.</summary>
        public ForecastRangeException(Diagnostic diagnostic) : base(diagnostic.Message) => Diagnostic = diagnostic;

        /// <summary>The diagnostic to report.</summary>
        public Diagnostic Diagnostic { get; }
    }
}
