using System.IO;
using System.Text;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using ProgramDsl.LanguageServer.Tests.Infrastructure;

namespace ProgramDsl.LanguageServer.Tests
{
    public sealed class ProbeTests
    {
        [Fact]
        public async Task Probe()
        {
            using var workspace = new TempWorkspace();
            var root = workspace.CopyExample("ml-platform");
            var plan = Path.Combine(root, "program.tpm");
            var people = Path.Combine(root, "people.tpm");
            await using var client = await LspClient.StartAsync(workspace.Root);
            await client.OpenAsync(plan);
            await client.RequestAsync("tpm/schedule", new JObject { ["textDocument"] = new JObject { ["uri"] = LspClient.UriOf(plan) } });
            await Task.Delay(3000);
            var sb = new StringBuilder();
            foreach (var (file, line, ch) in new[] { (plan, 175, 11), (plan, 179, 14), (plan, 409, 9), (plan, 379, 14), (plan, 381, 11), (plan, 170, 8), (people, 40, 7), (plan, 26, 12), (plan, 30, 14), (plan, 5, 9), (people, 4, 6), (plan, 9999, 0), (plan, 175, 500) })
            {
                sb.AppendLine("=== " + Path.GetFileName(file) + " " + line + ":" + ch);
                sb.AppendLine((await client.RequestAsync("textDocument/hover", LspClient.At(file, line, ch))).ToString());
            }

            sb.AppendLine((await client.RequestAsync("textDocument/inlayHint", new JObject { ["textDocument"] = new JObject { ["uri"] = LspClient.UriOf(plan) }, ["range"] = LspClient.Range(168, 0, 205, 0) })).ToString());
            File.WriteAllText("/tmp/probe.txt", sb.ToString());
        }
    }
}
