using System.Runtime.CompilerServices;

namespace ProgramDsl
{
    /// <summary>
    /// Bit counts on 64-bit words: the runtime's intrinsics where the target has them (.NET), portable code on
    /// netstandard2.0 (the analyzers' and MSBuild tasks' hosts), with the same answers (the portable forms are compiled on
    /// every target so tests compare them).
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
            return PortablePopCount(word);
#endif
        }

        /// <summary>The index of the lowest set bit of a non-zero word.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static int Lowest(ulong word)
        {
#if NETCOREAPP3_0_OR_GREATER
            return System.Numerics.BitOperations.TrailingZeroCount(word);
#else
            return PortableLowest(word);
#endif
        }

        /// <summary>The index of the highest set bit of a non-zero word.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static int Highest(ulong word)
        {
#if NETCOREAPP3_0_OR_GREATER
            return 63 - System.Numerics.BitOperations.LeadingZeroCount(word);
#else
            return PortableHighest(word);
#endif
        }

        /// <summary>The index of the <paramref name="k"/>-th set bit (from 0, lowest first); the word has more than k.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static int Select(ulong word, int k)
        {
#if NETCOREAPP3_0_OR_GREATER
            if (System.Runtime.Intrinsics.X86.Bmi2.X64.IsSupported)
            {
                return Lowest(System.Runtime.Intrinsics.X86.Bmi2.X64.ParallelBitDeposit(1UL << k, word));
            }
#endif
            return PortableSelect(word, k);
        }

        internal static int PortablePopCount(ulong word)
        {
            word -= (word >> 1) & 0x5555555555555555UL;
            word = (word & 0x3333333333333333UL) + ((word >> 2) & 0x3333333333333333UL);
            word = (word + (word >> 4)) & 0x0F0F0F0F0F0F0F0FUL;
            return (int)((word * 0x0101010101010101UL) >> 56);
        }

        internal static int PortableLowest(ulong word) => PortablePopCount((word & (0UL - word)) - 1);

        internal static int PortableHighest(ulong word)
        {
            word |= word >> 1;
            word |= word >> 2;
            word |= word >> 4;
            word |= word >> 8;
            word |= word >> 16;
            word |= word >> 32;
            return PortablePopCount(word) - 1;
        }

        internal static int PortableSelect(ulong word, int k)
        {
            // Whole bytes first, then bit by bit within the byte that holds it.
            int shift = 0;
            while (true)
            {
                int inByte = PopCount((word >> shift) & 0xFF);
                if (k < inByte) break;
                k -= inByte;
                shift += 8;
            }

            ulong rest = word >> shift;
            for (; k > 0; k--) rest &= rest - 1;
            return shift + Lowest(rest);
        }
    }
}
