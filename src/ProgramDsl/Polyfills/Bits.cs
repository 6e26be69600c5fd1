using System.Runtime.CompilerServices;

namespace ProgramDsl
{
    /// <summary>
    /// Bit counts on 64-bit words: the runtime's intrinsics where the target has them (.NET), portable loops on
    /// netstandard2.0 (the analyzers' and MSBuild tasks' hosts), with the same answers.
    /// </summary>
    internal static class Bits
    {
        /// <summary>Set bits in the word.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static int PopCount(ulong word)
        {
#if NETCOREAPP3_0_OR_GREATER
            return System.Numerics.BitOperations.PopCount(word);
#else
            word -= (word >> 1) & 0x5555555555555555UL;
            word = (word & 0x3333333333333333UL) + ((word >> 2) & 0x3333333333333333UL);
            word = (word + (word >> 4)) & 0x0F0F0F0F0F0F0F0FUL;
            return (int)((word * 0x0101010101010101UL) >> 56);
#endif
        }

        /// <summary>The index of the lowest set bit of a non-zero word.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static int Lowest(ulong word)
        {
#if NETCOREAPP3_0_OR_GREATER
            return System.Numerics.BitOperations.TrailingZeroCount(word);
#else
            return PopCount((word & (0UL - word)) - 1);
#endif
        }

        /// <summary>The index of the highest set bit of a non-zero word.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static int Highest(ulong word)
        {
#if NETCOREAPP3_0_OR_GREATER
            return 63 - System.Numerics.BitOperations.LeadingZeroCount(word);
#else
            word |= word >> 1;
            word |= word >> 2;
            word |= word >> 4;
            word |= word >> 8;
            word |= word >> 16;
            word |= word >> 32;
            return PopCount(word) - 1;
#endif
        }

        /// <summary>The index of the <paramref name="k"/>-th set bit (from 0, lowest first); the word has more than k.</summary>
        public static int Select(ulong word, int k)
        {
            for (; k > 0; k--) word &= word - 1;
            return Lowest(word);
        }
    }
}
