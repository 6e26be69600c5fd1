using System.IO;
using ProgramDsl.Cli.Tests.Infrastructure;

namespace ProgramDsl.Cli.Tests
{
    /// <summary>A repository cannot choose where a build writes by committing a link named like the default output folder.</summary>
    public class DefaultOutputLinkTests
    {
        [Fact]
        public void A_default_output_folder_that_is_a_link_is_refused_and_nothing_is_written_through_it()
        {
            using var repository = new TempFolder();
            using var outside = new TempFolder();
            repository.Write("plan.tpm", Plans.Valid);
            File.CreateSymbolicLink(Path.Combine(repository.Path, "tpm-out"), outside.Path);

            var result = Tpm.Run(repository.Path, "build", "plan.tpm", "-q");

            result.ExitCode.Should().Be(2, result.ToString());
            result.Error.Should().Be("tpm: error: the default output folder 'tpm-out' is a symbolic link (to '" + new DirectoryInfo(outside.Path).FullName +
                                     "'); tpm does not follow it unasked, so a repository cannot choose where a build writes: remove the link, or pass '-o tpm-out' to write there on purpose\n");
            Directory.GetFileSystemEntries(outside.Path).Should().BeEmpty();
        }

        [Fact]
        public void The_same_link_named_with_o_is_written_through_as_asked()
        {
            using var repository = new TempFolder();
            using var outside = new TempFolder();
            repository.Write("plan.tpm", Plans.Valid);
            File.CreateSymbolicLink(Path.Combine(repository.Path, "tpm-out"), outside.Path);

            var result = Tpm.Run(repository.Path, "build", "plan.tpm", "-q", "-o", "tpm-out");

            result.ExitCode.Should().Be(0, result.ToString());
            Directory.GetDirectories(outside.Path).Should().ContainSingle();
        }

        [Fact]
        public void A_default_output_folder_that_is_a_real_folder_is_used()
        {
            using var repository = new TempFolder();
            repository.Write("plan.tpm", Plans.Valid);
            Directory.CreateDirectory(Path.Combine(repository.Path, "tpm-out"));

            Tpm.Run(repository.Path, "build", "plan.tpm", "-q").ExitCode.Should().Be(0);
            Directory.GetDirectories(Path.Combine(repository.Path, "tpm-out")).Should().ContainSingle();
        }
    }
}
