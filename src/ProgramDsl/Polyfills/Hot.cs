using System.Runtime.CompilerServices;

namespace ProgramDsl
{
    /// <summary>
    /// Method options for the few methods that run once per compilation but loop over the whole plan: compiled fully
    /// optimised at first call rather than starting as unoptimised tiered code. (AggressiveOptimization, value 512,
    /// exists from .NET Core 3.0; netstandard2.0's enum lacks the name, and older runtimes ignore the flag.)
    /// </summary>
    internal static class Hot
    {
        public const MethodImplOptions Loop = (MethodImplOptions)512;
    }
}
