using System;
using CsCheck;
using FluentAssertions;
using Xunit;

namespace ProgramDsl.Tests.Leveling
{
    /// <summary>The calendar tables' bit counts: the portable forms (netstandard2.0's) agree with the intrinsics and a plain loop.</summary>
    public class BitsTests
    {
        [Fact]
        public void Every_form_agrees_with_a_loop_over_the_bits()
        {
            Gen.ULong.Sample(word =>
            {
                if (word == 0) return;
                int count = 0, lowest = -1, highest = -1;
                for (int b = 0; b < 64; b++)
                {
                    if ((word >> b & 1) == 0) continue;
                    count++;
                    if (lowest < 0) lowest = b;
                    highest = b;
                }

                Bits.PopCount(word).Should().Be(count);
                Bits.PortablePopCount(word).Should().Be(count);
                Bits.Lowest(word).Should().Be(lowest);
                Bits.PortableLowest(word).Should().Be(lowest);
                Bits.Highest(word).Should().Be(highest);
                Bits.PortableHighest(word).Should().Be(highest);
                for (int k = 0, seen = 0; k < 64; k++)
                {
                    if ((word >> k & 1) == 0) continue;
                    Bits.Select(word, seen).Should().Be(k);
                    Bits.PortableSelect(word, seen).Should().Be(k);
                    seen++;
                }
            }, iter: 2000, threads: 1);
        }

        [Fact]
        public void Single_and_full_words()
        {
            for (int b = 0; b < 64; b++)
            {
                Bits.PortableSelect(1UL << b, 0).Should().Be(b);
                Bits.PortableSelect(ulong.MaxValue, b).Should().Be(b);
                Bits.PortableHighest(1UL << b).Should().Be(b);
                Bits.PortableLowest(1UL << b).Should().Be(b);
            }

            Bits.PortablePopCount(ulong.MaxValue).Should().Be(64);
        }
    }
}
