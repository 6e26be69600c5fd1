using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using ProgramDsl.Cli.Tests.Infrastructure;

namespace ProgramDsl.Cli.Tests.Baselines
{
    /// <summary>
    /// The example programs and where their expected outputs live:
    /// <c>examples/X/name.tpm</c> → <c>examples/X/expected/name.schedule.json</c> and <c>name.check.txt</c>.
    /// </summary>
    public static class ExampleBaselines
    {
        public const string UpdateVariable = "TPM_UPDATE_BASELINES";
        public const string AllowMissingVariable = "TPM_BASELINES_ALLOW_MISSING";
        public const string ExpectedFolder = "expected";

        public const string UpdateCommand =
            "TPM_UPDATE_BASELINES=1 dotnet test tests/ProgramDsl.Cli.Tests --filter \"FullyQualifiedName~Baseline\"";

        public static bool UpdateRequested => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

        public static bool MissingAllowed => Environment.GetEnvironmentVariable(AllowMissingVariable) == "1";

        /// <summary>Every program file under examples/, repo-relative with '/', sorted; fragments (read through include) are skipped.</summary>
        public static IReadOnlyList<string> ProgramFiles()
        {
            var root = RepositoryPaths.Root;
            return Directory.EnumerateFiles(RepositoryPaths.Examples, "*.tpm", SearchOption.AllDirectories)
                .Select(full => Path.GetRelativePath(root, full).Replace('\\', '/'))
                .Where(relative => !relative.Split('/').Contains(ExpectedFolder))
                // A C# example's build copies its plans into bin/ and obj/: those copies are not examples.
                .Where(relative => !relative.Split('/').Any(part => part == "bin" || part == "obj"))
                .Where(relative => ProgramDsl.Syntax.SyntaxFacts.IsProgramText(File.ReadAllText(Path.Combine(root, relative))))
                .OrderBy(relative => relative, StringComparer.Ordinal)
                .ToList();
        }

        /// <summary>Every portfolio file under examples/ (repo-relative with '/', sorted): its outputs are compared too.</summary>
        public static IReadOnlyList<string> PortfolioFiles()
        {
            var root = RepositoryPaths.Root;
            return Directory.EnumerateFiles(RepositoryPaths.Examples, "*.tpm", SearchOption.AllDirectories)
                .Select(full => Path.GetRelativePath(root, full).Replace('\\', '/'))
                .Where(relative => !relative.Split('/').Any(part => part == ExpectedFolder || part == "bin" || part == "obj"))
                .Where(relative => ProgramDsl.Portfolios.TpmPortfolio.IsPortfolioText(File.ReadAllText(Path.Combine(root, relative))))
                .OrderBy(relative => relative, StringComparer.Ordinal)
                .ToList();
        }

        /// <summary>The expected/ folder beside a program file (repo-relative).</summary>
        public static string ExpectedFolderOf(string programFile)
        {
            int slash = programFile.LastIndexOf('/');
            return (slash < 0 ? "" : programFile.Substring(0, slash + 1)) + ExpectedFolder;
        }

        public static string SchedulePath(string programFile) => ExpectedFolderOf(programFile) + "/" + BaseName(programFile) + ".schedule.json";

        public static string ForecastPath(string programFile) => ExpectedFolderOf(programFile) + "/" + BaseName(programFile) + ".forecast.json";

        public static string CheckPath(string programFile) => ExpectedFolderOf(programFile) + "/" + BaseName(programFile) + ".check.txt";

        /// <summary>Every file in an expected/ folder under examples/ (repo-relative).</summary>
        public static IReadOnlyList<string> StoredBaselines() =>
            Directory.EnumerateDirectories(RepositoryPaths.Examples, ExpectedFolder, SearchOption.AllDirectories)
                .SelectMany(folder => Directory.EnumerateFiles(folder))
                .Select(full => Path.GetRelativePath(RepositoryPaths.Root, full).Replace('\\', '/'))
                .OrderBy(p => p, StringComparer.Ordinal)
                .ToList();

        public static string ReadNormalized(string relativePath) =>
            File.ReadAllText(Full(relativePath), Encoding.UTF8).Replace("\r\n", "\n");

        public static void Write(string relativePath, string text)
        {
            var full = Full(relativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text, new UTF8Encoding(false));
        }

        /// <summary>Saves the actual output outside the tree so a failing comparison can be diffed.</summary>
        public static string SaveActual(string relativePath, string text)
        {
            var full = Path.Combine(Path.GetTempPath(), "tpm-baselines-actual", relativePath.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text, new UTF8Encoding(false));
            return full;
        }

        /// <summary>The failure message for a baseline that is missing (<paramref name="expected"/> null) or different.</summary>
        public static string DescribeMismatch(string baseline, string? expected, string actual, string savedActual)
        {
            var message = new StringBuilder();
            if (expected is null) message.Append("missing baseline ").Append(baseline).Append('\n');
            else message.Append("output differs from ").Append(baseline).Append('\n').Append(FirstDifference(expected, actual));
            message.Append("  actual output saved to ").Append(savedActual).Append('\n')
                .Append("  compare: diff -u ").Append(baseline).Append(' ').Append(savedActual).Append('\n')
                .Append("  if the new output is right, accept it: ").Append(UpdateCommand).Append('\n');
            return message.ToString();
        }

        public static string Full(string relativePath) => Path.Combine(RepositoryPaths.Root, relativePath.Replace('/', Path.DirectorySeparatorChar));

        private static string FirstDifference(string expected, string actual)
        {
            var e = expected.Split('\n');
            var a = actual.Split('\n');
            for (int i = 0; i < Math.Max(e.Length, a.Length); i++)
            {
                var el = i < e.Length ? e[i] : "<end of file>";
                var al = i < a.Length ? a[i] : "<end of file>";
                if (el != al) return $"  first difference at line {i + 1}:\n    expected: {el}\n    actual:   {al}\n";
            }

            return "  (the texts differ only in line ends)\n";
        }

        private static string BaseName(string programFile) => Path.GetFileNameWithoutExtension(programFile.Substring(programFile.LastIndexOf('/') + 1));
    }
}
