using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using ProgramDsl.Diagnostics;

namespace ProgramDsl.Tests.Robustness
{
    /// <summary>Random bytes and mutated example plans: the compiler never throws, never hangs, and locates every diagnostic.</summary>
    public class FuzzTests
    {
        private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

        // Includes numbers past int and at the edge of decimal, which once made the binder throw.
        private static readonly string[] Words =
        {
            "program", "start", "deadline", "task", "milestone", "workstream", "person", "calendar", "after", "assign", "effort",
            "duration", "estimate", "not-before", "actual-start", "actual-finish", "due", "holiday", "vacation", "workdays", "uses",
            "resource", "role", "include", "fs", "ss", "ff", "sf", "mon..fri", "sun", "2027-01-04", "2027-02-30", "9999-12-31",
            "0001-01-01", "2027-01-04..2027-01-08", "5d", "0d", "-3d", "+2d", "12h", "2w", "999999999d", "99999999999d", "79228162514264337593543950335w", "79228162514264337593543950335h", "50%", "0%", "250%", "{", "}",
            "{", "}", ";", ",", ".", "..", "\"", "\"text\"", "/*", "*/", "//", "\n", " ", "a", "b", "a.b", "ws", "1_000", "\\", "é", "\u0000",
        };

        /// <summary>Compiles on a worker with a timeout and checks the diagnostics; returns the compiled program.</summary>
        internal static TpmProgram CompileChecked(string text, string path, string what) =>
            CompileChecked(path, new Dictionary<string, string> { [path] = text }, what);

        /// <summary>
        /// Compiles <paramref name="root"/> from a set of files (its includes resolve among them) on a worker with a
        /// timeout, and checks that every diagnostic has a code and a location inside one of those files.
        /// </summary>
        internal static TpmProgram CompileChecked(string root, IReadOnlyDictionary<string, string> files, string what)
        {
            var resolver = new InMemorySourceResolver(files);
            var text = files[root];
            var task = Task.Run(() => TpmProgram.Compile(new global::ProgramDsl.Text.SourceText(root, text), resolver));
            bool finished;
            try
            {
                finished = task.Wait(Timeout);
            }
            catch (AggregateException ex)
            {
                throw new Exception("compiling " + what + " threw " + ex.InnerException + "\n--- input ---\n" + text);
            }

            if (!finished) throw new Exception("compiling " + what + " did not finish in " + Timeout.TotalSeconds + " s\n--- input ---\n" + text);
            var program = task.Result;
            foreach (var d in program.Diagnostics) CheckLocated(d, files, what, text);
            return program;
        }

        private static void CheckLocated(Diagnostic d, IReadOnlyDictionary<string, string> files, string what, string input)
        {
            string Fail(string why) => why + " in " + d + " (" + what + ")\n--- input ---\n" + input;
            if (string.IsNullOrEmpty(d.Code) || !System.Text.RegularExpressions.Regex.IsMatch(d.Code, "^TPM[0-9]{4}$")) throw new Exception(Fail("bad code"));
            if (string.IsNullOrWhiteSpace(d.Message)) throw new Exception(Fail("empty message"));
            if (d.Location is null) throw new Exception(Fail("no location"));
            foreach (var l in new[] { d.Location.Value }.Concat(d.AdditionalLocations))
            {
                if (!files.TryGetValue(l.Path, out var text)) throw new Exception(Fail("location in an unknown file '" + l.Path + "'"));
                if (l.Source.Text != text) throw new Exception(Fail("location's text is not the text of '" + l.Path + "'"));
                if (l.Span.Start < 0 || l.Span.Length < 0 || l.Span.End > text.Length) throw new Exception(Fail("span " + l.Span + " outside a text of " + text.Length));
                if (l.Start.Line < 1 || l.Start.Column < 1 || l.Start.Line > l.Source.LineCount) throw new Exception(Fail("position " + l.Start + " outside the file"));
                if (l.End.Line < l.Start.Line || (l.End.Line == l.Start.Line && l.End.Column < l.Start.Column)) throw new Exception(Fail("end " + l.End + " before start " + l.Start));
            }
        }

        /// <summary>Insert, delete, duplicate or swap chunks; a few edits per case.</summary>
        internal static string Mutate(string text, Random random)
        {
            var sb = new StringBuilder(text);
            int edits = random.Next(1, 6);
            for (int e = 0; e < edits; e++)
            {
                int len = sb.Length;
                int at = len == 0 ? 0 : random.Next(len + 1);
                int size = len == 0 ? 0 : Math.Min(random.Next(1, 40), len - Math.Min(at, len));
                switch (random.Next(6))
                {
                    case 0: // insert a word
                        sb.Insert(at, Words[random.Next(Words.Length)] + (random.Next(2) == 0 ? " " : string.Empty));
                        break;
                    case 1: // insert random characters
                        sb.Insert(at, new string(Enumerable.Range(0, random.Next(1, 8)).Select(_ => (char)random.Next(1, 128)).ToArray()));
                        break;
                    case 2: // delete a chunk
                        if (size > 0) sb.Remove(at, size);
                        break;
                    case 3: // duplicate a chunk
                        if (size > 0) sb.Insert(at, sb.ToString(at, size));
                        break;
                    case 4: // swap two chunks
                        if (len > 2)
                        {
                            int a = random.Next(len), b = random.Next(len);
                            if (a > b) (a, b) = (b, a);
                            int n = Math.Min(random.Next(1, 30), Math.Min(b - a, len - b));
                            if (n > 0)
                            {
                                string first = sb.ToString(a, n), second = sb.ToString(b, n);
                                sb.Remove(b, n).Insert(b, first);
                                sb.Remove(a, n).Insert(a, second);
                            }
                        }

                        break;
                    default: // replace one character
                        if (len > 0) sb[Math.Min(at, len - 1)] = "{}\"/*.\n;,-+%0123456789"[random.Next(22)];
                        break;
                }
            }

            return sb.ToString();
        }

        public static IEnumerable<object[]> Examples() => RepoFiles.Examples().Select(e => new object[] { e.Path });

        private static bool IsProgram(string text) => global::ProgramDsl.Syntax.SyntaxFacts.IsProgramText(text);

        /// <summary>The program files that compile <paramref name="path"/>: itself, or those that include it.</summary>
        private static string[] RootsOf(string path, IReadOnlyDictionary<string, string> files)
        {
            if (IsProgram(files[path])) return new[] { path };
            var name = path.Substring(path.LastIndexOf('/') + 1);
            return files.Where(f => IsProgram(f.Value) && f.Value.Contains(name + "\"", StringComparison.Ordinal))
                .Select(f => f.Key).OrderBy(k => k, StringComparer.Ordinal).ToArray();
        }

        [Fact]
        public void The_examples_compile_as_documented()
        {
            // Programs outside examples/errors compile cleanly; each examples/errors/TPMxxxx*.tpm reports its code.
            var examples = RepoFiles.Examples();
            examples.Should().Contain(e => e.Path == "examples/hello/program.tpm");
            var files = RepoFiles.ExampleFiles();
            foreach (var (path, text) in examples.Where(e => IsProgram(e.Text)))
            {
                var p = CompileChecked(path, files, path);
                var name = path.Substring(path.LastIndexOf('/') + 1);
                if (path.StartsWith("examples/errors/", StringComparison.Ordinal) && name.StartsWith("TPM", StringComparison.Ordinal))
                {
                    p.Diagnostics.Select(d => d.Code).Should().Contain(name.Substring(0, 7), path);
                    continue;
                }

                p.HasErrors.Should().BeFalse(path + ":\n" + string.Join("\n", p.Diagnostics));
                p.Schedule.Should().NotBeNull(path);
            }
        }

        [Theory]
        [MemberData(nameof(Examples))]
        public void Mutated_examples_never_throw_or_hang(string path)
        {
            var files = RepoFiles.ExampleFiles();
            var original = files[path];
            var roots = RootsOf(path, files);
            if (roots.Length == 0) roots = new[] { path };
            bool validOriginal = roots.All(r => CompileChecked(r, files, r).Schedule != null);
            var random = new Random(20270104 ^ path.Length);
            int scheduled = 0;
            for (int i = 0; i < 300; i++)
            {
                var mutated = new Dictionary<string, string>(files) { [path] = Mutate(original, random) };
                foreach (var root in roots)
                {
                    var p = CompileChecked(root, mutated, "mutation " + i + " of " + path + " compiled from " + root);
                    if (p.Schedule != null) scheduled++;
                }
            }

            // Some mutations keep a valid plan valid, so scheduling itself is fuzzed too.
            if (validOriginal) scheduled.Should().BeGreaterThan(0);
        }

        [Fact]
        public void Random_bytes_never_throw_or_hang()
        {
            var random = new Random(7);
            for (int i = 0; i < 400; i++)
            {
                var bytes = new byte[random.Next(0, 600)];
                random.NextBytes(bytes);
                var text = Encoding.UTF8.GetString(bytes);
                CompileChecked(text, "bytes.tpm", "random bytes " + i);
            }
        }

        [Fact]
        public void Random_token_soup_never_throws_or_hangs()
        {
            // Mostly keywords and punctuation, so the parser gets past the first token and the binder sees real input.
            var random = new Random(11);
            for (int i = 0; i < 400; i++)
            {
                var sb = new StringBuilder(random.Next(2) == 0 ? "program p { start 2027-01-04 " : string.Empty);
                int n = random.Next(1, 120);
                for (int k = 0; k < n; k++) sb.Append(Words[random.Next(Words.Length)]).Append(random.Next(3) == 0 ? "" : " ");
                CompileChecked(sb.ToString(), "soup.tpm", "token soup " + i);
            }
        }

        [Fact]
        public void Truncations_of_the_examples_never_throw()
        {
            foreach (var (path, text) in RepoFiles.Examples())
            {
                for (int cut = 0; cut <= text.Length; cut += Math.Max(1, text.Length / 200))
                {
                    CompileChecked(text.Substring(0, cut), path, "the first " + cut + " characters of " + path);
                }
            }
        }
    }
}
