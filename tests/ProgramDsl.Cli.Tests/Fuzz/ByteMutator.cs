using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using ProgramDsl.Cli.Tests.Infrastructure;

namespace ProgramDsl.Cli.Tests.Fuzz
{
    /// <summary>
    /// Byte-level mutations (bit flips, inserted bytes and tokens, deletions, splices from elsewhere in the file or from
    /// another file, truncation) of the example plans (<c>examples/**/*.tpm</c>, each mutated inside a copy of its own
    /// example folder so its includes still resolve) and of an MS Project XML exported by <c>tpm build --emit mspdi</c>.
    /// </summary>
    public static class ByteMutator
    {
        private static readonly byte[][] Interesting =
        {
            new byte[] { 0 }, new byte[] { 0xFF }, new byte[] { 0xC3 }, new byte[] { 0xE2, 0x80, 0x8B }, new byte[] { 0xF0, 0x9F, 0x98, 0x80 },
            new byte[] { 0xED, 0xA0, 0x80 }, new byte[] { 0xEF, 0xBB, 0xBF }, new byte[] { 0xCC, 0x81 },
            Ascii("{"), Ascii("}"), Ascii("\""), Ascii("\n"), Ascii("\r\n"), Ascii("/*"), Ascii("*/"), Ascii("//"), Ascii(".."), Ascii("../"),
            Ascii("9999-12-31"), Ascii("0001-01-01"), Ascii("2027-02-29"), Ascii("79228162514264337593543950335"), Ascii("2147483648"),
            Ascii("include \"../outside/secret.tpm\"\n"), Ascii("<!DOCTYPE x>"), Ascii("<![CDATA["), Ascii("]]>"), Ascii("&amp;"), Ascii("&#0;"),
            Ascii("<Task>"), Ascii("</Task>"), Ascii("PT99999999999H0M0S"), Ascii("<Period>2147483647</Period>"), Ascii("<Month>12</Month>"),
        };

        private static readonly Lazy<IReadOnlyList<(string Folder, string File, Dictionary<string, byte[]> Files)>> LazyExamples =
            new Lazy<IReadOnlyList<(string, string, Dictionary<string, byte[]>)>>(LoadExamples);

        private static readonly Lazy<byte[]> LazyExportedXml = new Lazy<byte[]>(ExportXml);

        private static byte[] Ascii(string s) => Encoding.UTF8.GetBytes(s);

        /// <summary>The input for a seed: a mutated example plan (three in four) or a mutated exported project.xml.</summary>
        public static FuzzInput Generate(long seed)
        {
            var r = new Random(unchecked((int)(seed * 69069L)) ^ 0xb17e);
            if (r.Next(4) == 0)
            {
                var xml = new FuzzInput("mutations", seed, "mutated project.xml exported from examples/ml-platform");
                xml.Files["project.xml"] = Mutate(LazyExportedXml.Value, r, null);
                MspdiFuzzer.AddImportCommands(xml, "project.xml", r);
                return xml;
            }

            var examples = LazyExamples.Value;
            var (folder, file, files) = examples[r.Next(examples.Count)];
            var input = new FuzzInput("mutations", seed, "mutated " + folder + "/" + file);
            foreach (var (path, bytes) in files) input.Files[path] = bytes;
            var donor = examples[r.Next(examples.Count)].Files.Values.ToArray();
            input.Files[file] = Mutate(files[file], r, donor[r.Next(donor.Length)]);

            // The program files of the folder: a mutated fragment is compiled through the programs that include it.
            var programs = files.Where(f => Encoding.UTF8.GetString(f.Value).TrimStart('\uFEFF', ' ', '\n', '\r', '\t').StartsWith("program", StringComparison.Ordinal)).Select(f => f.Key).OrderBy(k => k, StringComparer.Ordinal).ToList();
            var main = programs.Contains(file) || programs.Count == 0 ? file : programs[r.Next(programs.Count)];
            input.Run(new FuzzCommand("check", r.Next(4) == 0 ? "." : main));
            input.Run(new FuzzCommand("schedule", main, "--format", "json").Json());
            input.Run(new FuzzCommand("build", main, "-o", "out", "--iterations", r.Next(3) == 0 ? "10" : "0").Writes("out"));
            return input;
        }

        /// <summary>One to eight byte edits.</summary>
        public static byte[] Mutate(byte[] original, Random r, byte[]? donor)
        {
            var b = new List<byte>(original);
            for (int edits = r.Next(1, 9); edits > 0; edits--)
            {
                int at = r.Next(b.Count + 1);
                switch (r.Next(6))
                {
                    case 0: // flip a bit
                        if (b.Count > 0) b[Math.Min(at, b.Count - 1)] ^= (byte)(1 << r.Next(8));
                        break;
                    case 1: // insert interesting bytes
                        b.InsertRange(at, Interesting[r.Next(Interesting.Length)]);
                        break;
                    case 2: // delete a range
                        b.RemoveRange(at, Math.Min(b.Count - at, r.Next(1, 64)));
                        break;
                    case 3: // splice a range from the file itself or from another file
                        var source = donor != null && r.Next(2) == 0 ? donor : b.ToArray();
                        if (source.Length == 0) break;
                        int from = r.Next(source.Length);
                        b.InsertRange(at, source.Skip(from).Take(r.Next(1, 200)));
                        break;
                    case 4: // random bytes
                        var bytes = new byte[r.Next(1, 8)];
                        r.NextBytes(bytes);
                        b.InsertRange(at, bytes);
                        break;
                    default: // truncate
                        if (r.Next(3) == 0) b.RemoveRange(at, b.Count - at);
                        break;
                }
            }

            return b.ToArray();
        }

        /// <summary>Every .tpm file under examples/, with the files of its example folder (the folder under examples/).</summary>
        private static IReadOnlyList<(string, string, Dictionary<string, byte[]>)> LoadExamples()
        {
            var result = new List<(string, string, Dictionary<string, byte[]>)>();
            foreach (var folder in Directory.GetDirectories(RepositoryPaths.Examples).OrderBy(f => f, StringComparer.Ordinal))
            {
                var files = Directory.GetFiles(folder, "*.tpm", SearchOption.AllDirectories)
                    .ToDictionary(f => Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllBytes, StringComparer.Ordinal);
                foreach (var file in files.Keys.OrderBy(k => k, StringComparer.Ordinal)) result.Add((Path.GetFileName(folder), file, files));
            }

            return result;
        }

        /// <summary>The MS Project XML of examples/ml-platform, as tpm build writes it.</summary>
        private static byte[] ExportXml()
        {
            using var temp = new TempFolder();
            var result = Tpm.Run(RepositoryPaths.Root, "build", "examples/ml-platform/program.tpm", "-o", temp.Path, "--emit", "mspdi", "--iterations", "0");
            if (result.ExitCode != 0) throw new InvalidOperationException("cannot export the example's project.xml: " + result);
            var xml = Directory.GetFiles(temp.Path, "*.xml", SearchOption.AllDirectories).Single();
            return File.ReadAllBytes(xml);
        }
    }
}
