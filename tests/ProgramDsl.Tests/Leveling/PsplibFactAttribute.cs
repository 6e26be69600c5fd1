using ProgramDsl.Benchmarks.Psplib;

namespace ProgramDsl.Tests.Leveling
{
    /// <summary>A fact that needs the PSPLIB instances: skipped, saying where it looked, when they are not there.</summary>
    public sealed class PsplibFactAttribute : FactAttribute
    {
        public PsplibFactAttribute()
        {
            if (PsplibData.Locate() is null)
            {
                Skip = "PSPLIB data not found: no " + PsplibData.RelativeFolder + " above the current directory, the test assembly or the "
                    + "test sources, and PSPLIB_DATA is not set (the repository expects ../shared/benchmarks/psplib)";
            }
        }
    }
}
