using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using ProgramDsl.Reports.Artefacts;
using ProgramDsl.Reports.Html;
using ProgramDsl.Semantics;

namespace ProgramDsl.Reports.Tests.Html
{
    /// <summary>Plans, pages and DOM queries shared by the Gantt tests.</summary>
    internal static class GanttTestKit
    {
        private static readonly Lazy<string> LazyRoot = new Lazy<string>(FindRoot);

        /// <summary>The repository (the folder holding ProgramDsl.sln).</summary>
        public static string RepositoryRoot => LazyRoot.Value;

        /// <summary>Compiles a plan that must have no errors.</summary>
        public static TpmProgram Compile(string text)
        {
            var compiled = TestPlans.Compile(text);
            compiled.Diagnostics.Where(d => d.IsError).Should().BeEmpty();
            return compiled;
        }

        /// <summary>examples/ml-platform, read from the repository with its includes.</summary>
        public static TpmProgram MlPlatform()
        {
            var folder = Path.Combine(RepositoryRoot, "examples", "ml-platform");
            var resolver = new InMemorySourceResolver();
            foreach (var file in Directory.GetFiles(folder).Where(f => f.EndsWith(".tpm", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal))) resolver.Add("ml-platform/" + Path.GetFileName(file), File.ReadAllText(file));
            resolver.Add("portfolio/shared/org.tpm", File.ReadAllText(Path.Combine(RepositoryRoot, "examples", "portfolio", "shared", "org.tpm")));
            var compiled = TpmProgram.Load("ml-platform/program.tpm", resolver);
            compiled.HasErrors.Should().BeFalse();
            return compiled;
        }

        /// <summary>The page of a compiled program, through the emitter as <c>tpm build</c> calls it.</summary>
        public static string Page(TpmProgram compiled, string toolVersion = "9.9.9")
        {
            var emitter = new HtmlArtefact();
            var files = emitter.Emit(ArtefactContext.Create(compiled, new[] { emitter }, toolVersion: toolVersion));
            return files.Single(f => f.FileName == "gantt.html").Text;
        }

        /// <summary>The version the tool itself writes (the product version, as <c>tpm --version</c>).</summary>
        public static string ProductVersion =>
            typeof(GanttHtml).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

        public static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);

        /// <summary>The id of the row a bar is drawn in.</summary>
        public static string RowId(IElement bar) => bar.ParentElement!.GetAttribute("data-id")!;

        /// <summary>Every task-bar element (tasks and milestones), by the id of its row.</summary>
        public static List<IElement> Bars(IDocument dom) => dom.QuerySelectorAll("svg.chart .bar").ToList();

        /// <summary>The arrows as (from, to, type) with the implicit finish-to-start written out.</summary>
        public static List<(string From, string To, string Type)> Arrows(IDocument dom) =>
            dom.QuerySelectorAll("svg.chart path.dep")
                .Select(e => (e.GetAttribute("data-from")!, e.GetAttribute("data-to")!, e.GetAttribute("data-type") ?? "fs"))
                .ToList();

        /// <summary>
        /// The dependency edges of the model, worked out from the symbols alone: every dependency of a task, milestone
        /// or workstream on a task, milestone or workstream with any work scheduled.
        /// </summary>
        public static List<(string From, string To, string Type)> ExpectedEdges(ProgramSymbol program)
        {
            var edges = new List<(string, string, string)>();
            var owners = program.Tasks.Cast<Symbol>().Select(s => (s, ((TaskSymbol)s).Dependencies))
                .Concat(program.Workstreams.Select(w => ((Symbol)w, w.Dependencies)));
            foreach (var (symbol, dependencies) in owners)
            {
                foreach (var d in dependencies) edges.Add((d.Target.Id, symbol.Id, Dependency.ShortName(d.Type)));
            }

            return edges;
        }

        private static string FindRoot()
        {
            var recorded = typeof(GanttTestKit).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .FirstOrDefault(a => a.Key == "ProgramDslRepositoryRoot")?.Value;
            foreach (var start in new[] { AppContext.BaseDirectory, recorded })
            {
                for (var dir = string.IsNullOrEmpty(start) ? null : new DirectoryInfo(start); dir != null; dir = dir.Parent)
                {
                    if (File.Exists(Path.Combine(dir.FullName, "ProgramDsl.sln"))) return dir.FullName;
                }
            }

            throw new InvalidOperationException("cannot find the repository root (ProgramDsl.sln) above " + AppContext.BaseDirectory + " or " + recorded);
        }
    }
}
