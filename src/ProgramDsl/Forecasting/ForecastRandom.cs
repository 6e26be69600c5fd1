using System;

namespace ProgramDsl.Forecasting
{
    /// <summary>
    /// The forecast's random numbers: xoshiro256** seeded through SplitMix64 from (seed, stream), so every block of
    /// iterations has its own stream and the result does not depend on which thread ran it. The samplers are written
    /// here rather than taken from a statistics package to keep the compiler's dependencies (which the analyzers
    /// carry into the IDE) to Sprache alone, and because their exact sequence is part of the output's determinism.
    /// </summary>
    internal sealed class ForecastRandom
    {
        private ulong _s0, _s1, _s2, _s3;

        public ForecastRandom(long seed, long stream)
        {
            ulong x = unchecked((ulong)seed * 0x9E3779B97F4A7C15UL ^ (ulong)stream * 0xD1B54A32D192ED03UL);
            _s0 = SplitMix(ref x);
            _s1 = SplitMix(ref x);
            _s2 = SplitMix(ref x);
            _s3 = SplitMix(ref x);
        }

        private static ulong SplitMix(ref ulong x)
        {
            unchecked
            {
                ulong z = x += 0x9E3779B97F4A7C15UL;
                z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
                z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
                return z ^ (z >> 31);
            }
        }

        private static ulong Rotl(ulong x, int k) => (x << k) | (x >> (64 - k));

        public ulong NextUInt64()
        {
            unchecked
            {
                ulong result = Rotl(_s1 * 5, 7) * 9;
                ulong t = _s1 << 17;
                _s2 ^= _s0;
                _s3 ^= _s1;
                _s1 ^= _s2;
                _s0 ^= _s3;
                _s2 ^= t;
                _s3 = Rotl(_s3, 45);
                return result;
            }
        }

        /// <summary>Uniform in [0, 1).</summary>
        public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

        /// <summary>Standard normal (Box–Muller; one value per call keeps the stream simple to reason about).</summary>
        public double NextNormal()
        {
            double u1 = 1.0 - NextDouble();
            double u2 = NextDouble();
            return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
        }

        /// <summary>Gamma(shape, 1) for shape ≥ 1 (Marsaglia and Tsang, 2000).</summary>
        public double NextGamma(double shape)
        {
            double d = shape - 1.0 / 3.0;
            double c = 1.0 / Math.Sqrt(9.0 * d);
            while (true)
            {
                double x, v;
                do
                {
                    x = NextNormal();
                    v = 1.0 + c * x;
                }
                while (v <= 0);

                v = v * v * v;
                double u = NextDouble();
                if (u < 1.0 - 0.0331 * x * x * x * x) return d * v;
                if (Math.Log(u) < 0.5 * x * x + d * (1.0 - v + Math.Log(v))) return d * v;
            }
        }

        /// <summary>Beta(a, b) for a, b ≥ 1.</summary>
        public double NextBeta(double a, double b)
        {
            double x = NextGamma(a);
            double y = NextGamma(b);
            return x / (x + y);
        }

        /// <summary>
        /// A PERT sample over (o, m, p): o + (p − o)·Beta(α, β) with α = 1 + 4(m − o)/(p − o) and β = 1 + 4(p − m)/(p − o),
        /// whose mean is (o + 4m + p)/6.
        /// </summary>
        public double NextPert(double o, double m, double p)
        {
            double range = p - o;
            if (range <= 0) return m;
            double alpha = 1.0 + 4.0 * (m - o) / range;
            double beta = 1.0 + 4.0 * (p - m) / range;
            return o + range * NextBeta(alpha, beta);
        }

        /// <summary>
        /// <paramref name="x"/> rounded to a whole number, up with probability equal to its fraction, so the mean is kept
        /// (a task of 7.5 days on average takes 7 or 8 whole days, half the time each).
        /// </summary>
        public int RoundRandomly(double x, int max)
        {
            if (x <= 0) return 0;
            if (x >= max) return max;
            double floor = Math.Floor(x);
            return (int)floor + (NextDouble() < x - floor ? 1 : 0);
        }
    }
}
