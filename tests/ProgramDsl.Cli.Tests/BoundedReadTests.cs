using System.Linq;
using System.IO;
using ProgramDsl.Cli.Infrastructure;
using ProgramDsl.Cli.Tests.Infrastructure;

namespace ProgramDsl.Cli.Tests
{
    /// <summary>The file system reads no more than the limit it is given, whatever size the file declares.</summary>
    public class BoundedReadTests
    {
        private readonly PhysicalFileSystem _files = new PhysicalFileSystem();

        [Fact]
        public void A_file_of_exactly_the_limit_is_read_and_one_byte_more_is_refused()
        {
            using var temp = new TempFolder();
            var exact = temp.Write("exact.tpm", "\uFEFF" + new string('a', 7));
            var over = temp.Write("over.tpm", new string('a', 11));

            _files.ReadAllText(exact, 10).Should().Be("aaaaaaa");
            var read = () => _files.ReadAllText(over, 10);
            read.Should().Throw<InputTooLargeException>().Which.Limit.Should().Be(10);
        }

        [Fact]
        public void A_file_that_declares_size_0_is_still_cut_at_the_limit()
        {
            // /proc files report a size of 0 and have content: only counting the bytes read bounds them.
            _files.Inspect("/proc/self/status").Should().Be(new PathInfo(PathKind.RegularFile, 0));

            var read = () => _files.ReadAllText("/proc/self/status", 16);

            read.Should().Throw<InputTooLargeException>();
        }

        [Fact]
        public void Inspect_tells_the_kinds_apart_without_opening()
        {
            using var temp = new TempFolder();
            var file = temp.Write("a.tpm", "abc");

            _files.Inspect(file).Should().Be(new PathInfo(PathKind.RegularFile, 3));
            _files.Inspect(temp.Path).Kind.Should().Be(PathKind.Folder);
            _files.Inspect("/dev/null").Kind.Should().Be(PathKind.CharacterDevice);
            _files.Inspect(Path.Combine(temp.Path, "missing", "x.tpm")).Kind.Should().Be(PathKind.Missing);
            _files.Inspect(Path.Combine(file, "below-a-file")).Kind.Should().Be(PathKind.Missing);
        }

        [Fact]
        public void The_real_path_follows_links_in_every_component_after_folding_dot_dot_as_written()
        {
            using var temp = new TempFolder();
            temp.Write("a/b/c.tpm", "x");
            Directory.CreateSymbolicLink(Path.Combine(temp.Path, "link"), Path.Combine(temp.Path, "a", "b"));

            _files.GetRealPath(Path.Combine(temp.Path, "link", "c.tpm")).Should().Be(Path.Combine(temp.Path, "a", "b", "c.tpm"));
            // '..' is folded as written first, as the compiler folds include paths, so the file checked is the file named.
            _files.GetRealPath(Path.Combine(temp.Path, "link", "..", "a", "b", "c.tpm")).Should().Be(Path.Combine(temp.Path, "a", "b", "c.tpm"));
            _files.GetRealPath(Path.Combine(temp.Path, "link", "new", "x.tpm")).Should().Be(Path.Combine(temp.Path, "a", "b", "new", "x.tpm"));
        }

        [Fact]
        public void A_folder_walk_keeps_the_texts_of_its_plans_only_within_a_budget_and_reads_the_others_again()
        {
            // Every program file of a walk was held from the walk to its compilation: a folder of fifty 60 MB plans
            // took gigabytes (12 such files: 1.9 GB peak, now 0.7 GB, whatever their number).
            using var temp = new TempFolder();
            string Plan(int i) => "program p" + i + " \"P\" {\n  start 2027-03-01\n  // " + new string('x', 400) + "\n  task t \"T\" { duration 1d }\n}\n";
            for (int i = 0; i < 5; i++) temp.Write("plans/p" + i + ".tpm", Plan(i));
            int size = Plan(0).Length;
            var loader = new Commands.PlanLoader(_files, new SeverityConfigLocator(_files), maxCachedChars: 2 * size);

            var programs = loader.ExpandProgramFiles(new[] { Path.Combine(temp.Path, "plans") });

            programs.Should().HaveCount(5);
            loader.CachedChars.Should().Be(2 * size);
            foreach (var (path, i) in programs.Select((p, i) => (p, i)))
            {
                var program = loader.Compile(path, null, warningsAsErrors: false);
                program.Diagnostics.Should().BeEmpty();
                program.Model!.Id.Should().Be("p" + i);
            }

            loader.CachedChars.Should().Be(0);
        }
    

        [Fact]
        public void A_run_compiles_a_bounded_number_of_tokens_counting_a_shared_fragment_for_each_program()
        {
            // Tiny programs that each include one large fragment would compile it once per program: the run stops
            // compiling once past its limit, and says so at each program it leaves out.
            using var temp = new TempFolder();
            temp.Write("plans/frag.tpm", string.Concat(Enumerable.Range(0, 20).Select(i => "task t" + i + " { duration 1d }\n")));
            for (int i = 0; i < 5; i++) temp.Write("plans/p" + i + ".tpm", "program p" + i + " {\n  start 2027-03-01\n  include \"frag.tpm\"\n}\n");
            var loader = new Commands.PlanLoader(_files, new SeverityConfigLocator(_files)) { MaxTokensPerRun = 200 };

            var results = loader.ExpandProgramFiles(new[] { Path.Combine(temp.Path, "plans") }).Select(p => loader.Compile(p, null, warningsAsErrors: false)).ToList();

            // Each program is 6 tokens (program p0 start 2027-03-01 include "frag.tpm") and its fragment 80: 86, 172, 258 (past 200), then nothing more.
            results.Take(3).Should().OnlyContain(p => p.Model != null && !p.Diagnostics.Any());
            results[0].Tokens.Should().Be(86);
            loader.TokensCompiled.Should().Be(258);
            foreach (var skipped in results.Skip(3))
            {
                skipped.Model.Should().BeNull();
                var d = skipped.Diagnostics.Should().ContainSingle().Subject;
                (d.Code, d.Location!.Value.Start.Line, d.Location!.Value.Start.Column).Should().Be(("TPM1007", 1, 1));
                d.Message.Should().Be("not compiled: this run has already compiled 258 tokens, past the limit of 200 for one run (a fragment counts once for each program that includes it); check this program on its own");
            }
        }
    }
}
