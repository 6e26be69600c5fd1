using System;
using System.IO;
using System.Text.Json;

// The build wrote one schedule per program next to this program: tpm/<program-id>/schedule.json.
foreach (var path in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "tpm"), "schedule.json", SearchOption.AllDirectories))
{
    using var json = JsonDocument.Parse(File.ReadAllText(path));
    var program = json.RootElement.GetProperty("program");
    Console.WriteLine($"{program.GetProperty("id").GetString()}: finishes {program.GetProperty("finish").GetString()}, critical path {string.Join(" → ", CriticalPath(json.RootElement))}");
}

static string[] CriticalPath(JsonElement root)
{
    var path = root.GetProperty("critical_path");
    var ids = new string[path.GetArrayLength()];
    for (int i = 0; i < ids.Length; i++) ids[i] = path[i].GetString() ?? "";
    return ids;
}
