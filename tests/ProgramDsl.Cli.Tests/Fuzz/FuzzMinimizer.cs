using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace ProgramDsl.Cli.Tests.Fuzz
{
    /// <summary>
    /// Shrinks a failing input to a small reproducer: only the failing command is kept, then lines of its text files are
    /// removed (halves, quarters, … single lines, as in delta debugging) while the same signature still fails. Used by
    /// the long run on the first failure of each signature; too slow for CI.
    /// </summary>
    public static class FuzzMinimizer
    {
        private static readonly UTF8Encoding Utf8 = new UTF8Encoding(false);

        public static FuzzInput Minimize(FuzzFailure failure, TimeSpan timeout, int maxRuns = 400)
        {
            // The commands up to the failing one: a build may need what an import before it wrote.
            var command = failure.Input.Commands.Take(failure.Command + 1).ToList();
            var current = Copy(failure.Input, failure.Input.Files, command);
            int runs = 0;
            bool StillFails(FuzzInput candidate)
            {
                runs++;
                return FuzzRunner.Run(candidate, timeout).Any(f => f.Signature == failure.Signature);
            }

            if (!StillFails(current)) return failure.Input;
            foreach (var path in current.Files.Keys.OrderBy(p => p, StringComparer.Ordinal).ToList())
            {
                // Whole files first (a fragment that does not matter), then lines.
                var without = new Dictionary<string, byte[]>(current.Files);
                without.Remove(path);
                if (runs < maxRuns && StillFails(Copy(current, without, command)))
                {
                    current = Copy(current, without, command);
                    continue;
                }

                if (!IsText(current.Files[path])) continue;
                var lines = Utf8.GetString(current.Files[path]).Split('\n').ToList();
                for (int chunk = Math.Max(1, lines.Count / 2); chunk >= 1 && runs < maxRuns; chunk /= 2)
                {
                    for (int at = lines.Count - chunk; at >= 0 && runs < maxRuns; at -= chunk)
                    {
                        var candidateLines = lines.Take(at).Concat(lines.Skip(at + chunk)).ToList();
                        var files = new Dictionary<string, byte[]>(current.Files) { [path] = Utf8.GetBytes(string.Join("\n", candidateLines)) };
                        var candidate = Copy(current, files, command);
                        if (StillFails(candidate))
                        {
                            lines = candidateLines;
                            current = candidate;
                        }
                    }

                    if (chunk == 1) break;
                }
            }

            return current;
        }

        private static FuzzInput Copy(FuzzInput from, Dictionary<string, byte[]> files, List<FuzzCommand> commands)
        {
            var copy = new FuzzInput(from.Category, from.Seed, "minimised " + from.Description) { CleanText = from.CleanText };
            foreach (var (path, bytes) in files) copy.Files[path] = bytes;
            copy.Symlinks.AddRange(from.Symlinks);
            foreach (var c in commands) copy.Run(c);
            return copy;
        }

        private static bool IsText(byte[] bytes)
        {
            try
            {
                new UTF8Encoding(false, true).GetString(bytes);
                return true;
            }
            catch (DecoderFallbackException)
            {
                return false;
            }
        }
    }
}
