using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ProgramDsl.Diagnostics;
using ProgramDsl.Text;

namespace ProgramDsl.Reports
{
    /// <summary>How <see cref="SarifWriter"/> places results in a repository.</summary>
    public sealed class SarifOptions
    {
        /// <summary>
        /// The source root as an absolute <c>file:</c> URI ending with '/' (see <see cref="SarifWriter.ToFolderUri"/>),
        /// written as <c>originalUriBaseIds["%SRCROOT%"]</c>; null writes no <c>originalUriBaseIds</c> (a consumer then
        /// supplies the root, as GitHub does with the checkout).
        /// </summary>
        public string? SourceRootUri { get; init; }

        /// <summary>
        /// A diagnostic path relative to the source root ('/' separators, no <c>..</c>), or null when the file lies
        /// outside it. Null uses <see cref="SarifWriter.DefaultRelativePath"/>: relative paths that do not climb.
        /// </summary>
        public Func<string, string?>? RelativePath { get; init; }

        /// <summary>
        /// The run's category (GitHub code scanning keeps one set of alerts per category), written as
        /// <c>automationDetails.id</c> "<c>category/</c>"; null writes no <c>automationDetails</c>, so the uploader's own
        /// category applies (GitHub's upload action only fills it in when the log has none).
        /// </summary>
        public string? Category { get; init; }
    }

    /// <summary>
    /// Diagnostics as a SARIF 2.1.0 log, for code-scanning services (GitHub) and IDE viewers. Every result lies under
    /// <c>%SRCROOT%</c> with a root-relative URI and carries a <see cref="FingerprintKey"/> partial fingerprint; a
    /// diagnostic without a place under the root (no location, or a file outside the root) cannot be a result there,
    /// so it is written as a tool notification instead (docs/diagnostics/README.md, "SARIF").
    /// </summary>
    public static class SarifWriter
    {
        /// <summary>The base id of every artifact location: the source root.</summary>
        public const string SourceRootId = "%SRCROOT%";

        /// <summary>
        /// The key of the partial fingerprint: SHA-256 of the code, the root-relative path, the message with its quoted
        /// places and numbers blurred and the primary line's text with its spacing collapsed (no line number), then ":n", the occurrence of
        /// that hash in the log (docs/diagnostics/README.md, "SARIF").
        /// </summary>
        public const string FingerprintKey = "tpmFindingHash/v1";

        /// <summary>Writes a SARIF log with one run, without a source root URI (paths as <see cref="DefaultRelativePath"/> places them).</summary>
        public static string ToSarif(IReadOnlyList<Diagnostic> diagnostics, string toolVersion) => ToSarif(diagnostics, toolVersion, null);

        /// <summary>Writes a SARIF log with one run.</summary>
        public static string ToSarif(IReadOnlyList<Diagnostic> diagnostics, string toolVersion, SarifOptions? options) => JsonOutput.Write(writer =>
        {
            options ??= new SarifOptions();
            var relative = options.RelativePath ?? DefaultRelativePath;
            var rules = diagnostics.Select(d => d.Descriptor).GroupBy(r => r.Code, StringComparer.Ordinal).Select(g => g.First())
                .OrderBy(r => r.Code, StringComparer.Ordinal).ToList();
            var ruleIndex = rules.Select((r, i) => (r.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.Ordinal);
            var placed = new List<(Diagnostic Diagnostic, string Path)>();
            var unplaced = new List<Diagnostic>();
            foreach (var d in diagnostics)
            {
                if (d.Location is SourceLocation at && relative(at.Path) is string path) placed.Add((d, path));
                else unplaced.Add(d);
            }

            writer.WriteStartObject();
            writer.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            writer.WriteString("version", "2.1.0");
            writer.WriteStartArray("runs");
            writer.WriteStartObject();
            writer.WriteStartObject("tool");
            writer.WriteStartObject("driver");
            writer.WriteString("name", "tpm");
            writer.WriteString("fullName", "tpm, the ProgramDsl compiler");
            writer.WriteString("semanticVersion", toolVersion);
            writer.WriteString("informationUri", "https://github.com/programdsl/programdsl");
            writer.WriteStartArray("rules");
            foreach (var rule in rules) WriteRule(writer, rule);
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndObject();

            writer.WriteStartArray("invocations");
            writer.WriteStartObject();
            // The tool ran to its end: errors in the plans are results, not a failed run.
            writer.WriteBoolean("executionSuccessful", true);
            if (unplaced.Count > 0)
            {
                writer.WriteStartArray("toolExecutionNotifications");
                foreach (var d in unplaced) WriteNotification(writer, d, ruleIndex[d.Code]);
                writer.WriteEndArray();
            }

            writer.WriteEndObject();
            writer.WriteEndArray();

            if (options.SourceRootUri != null)
            {
                writer.WriteStartObject("originalUriBaseIds");
                writer.WriteStartObject(SourceRootId);
                writer.WriteString("uri", options.SourceRootUri);
                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            if (options.Category != null)
            {
                writer.WriteStartObject("automationDetails");
                writer.WriteString("id", options.Category.TrimEnd('/') + "/");
                writer.WriteEndObject();
            }

            writer.WriteString("columnKind", "utf16CodeUnits");
            writer.WriteStartArray("results");
            var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (d, path) in placed)
            {
                var at = d.Location!.Value;
                writer.WriteStartObject();
                writer.WriteString("ruleId", d.Code);
                writer.WriteNumber("ruleIndex", ruleIndex[d.Code]);
                writer.WriteString("level", Level(d.Severity));
                writer.WriteStartObject("message");
                writer.WriteString("text", d.Message);
                writer.WriteEndObject();
                writer.WriteStartArray("locations");
                WriteLocation(writer, at, path, null);
                writer.WriteEndArray();
                var related = d.AdditionalLocations.Select(l => (Location: l, Path: relative(l.Path))).Where(l => l.Path != null).ToList();
                if (related.Count > 0)
                {
                    writer.WriteStartArray("relatedLocations");
                    for (int i = 0; i < related.Count; i++) WriteLocation(writer, related[i].Location, related[i].Path!, i + 1);
                    writer.WriteEndArray();
                }

                var hash = FindingHash(d, path);
                occurrences[hash] = occurrences.TryGetValue(hash, out var n) ? n + 1 : 1;
                writer.WriteStartObject("partialFingerprints");
                writer.WriteString(FingerprintKey, hash + ":" + occurrences[hash].ToString(CultureInfo.InvariantCulture));
                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        });

        /// <summary>The SARIF level of a severity.</summary>
        public static string Level(DiagnosticSeverity severity) => severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            DiagnosticSeverity.Info => "note",
            _ => "none",
        };

        /// <summary>GitHub's <c>problem.severity</c> of a rule: error, warning or recommendation.</summary>
        public static string ProblemSeverity(DiagnosticSeverity severity) => severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            _ => "recommendation",
        };

        /// <summary>
        /// The root-relative path of a diagnostic path when no source root is known: a relative path that stays in its
        /// folder, normalised (<c>plans/./a.tpm</c> → <c>plans/a.tpm</c>); null for an absolute path or one that climbs (<c>../x</c>).
        /// </summary>
        public static string? DefaultRelativePath(string path)
        {
            if (SourcePaths.IsRooted(path)) return null;
            var normal = SourcePaths.Normalize(path);
            return normal == "." || normal == ".." || normal.StartsWith("../", StringComparison.Ordinal) ? null : normal;
        }

        /// <summary>
        /// The <c>file:</c> URI of an absolute folder, ending with '/' as <c>originalUriBaseIds</c> requires
        /// (<c>/home/u/repo</c> → <c>file:///home/u/repo/</c>, <c>C:\repo</c> → <c>file:///C:/repo/</c>).
        /// </summary>
        public static string ToFolderUri(string absoluteFolder)
        {
            var uri = ToUri(absoluteFolder);
            return uri.EndsWith("/", StringComparison.Ordinal) ? uri : uri + "/";
        }

        /// <summary>
        /// The URI of a path: a relative reference with '/' separators and each segment escaped, or a
        /// <c>file://</c> URI for an absolute path (<c>/x</c>, <c>C:\x</c>, <c>\\server\share</c>).
        /// </summary>
        public static string ToUri(string path)
        {
            var normalized = path.Replace('\\', '/');
            bool drive = normalized.Length >= 2 && normalized[1] == ':' && char.IsLetter(normalized[0]) && (normalized.Length == 2 || normalized[2] == '/');
            var escaped = string.Join("/", normalized.Split('/').Select((s, i) => i == 0 && drive ? s : Uri.EscapeDataString(s)));
            // A bare "C:/x" would read as a URI with the scheme "c", and "/x" as relative to the log: both need file:.
            if (drive) return "file:///" + escaped;
            if (normalized.StartsWith("//", StringComparison.Ordinal)) return "file:" + escaped;
            if (normalized.StartsWith("/", StringComparison.Ordinal)) return "file://" + escaped;
            return escaped;
        }

        /// <summary>
        /// The URI of a path relative to the source root: each segment escaped, so a folder named like a drive
        /// (<c>C:/plan.tpm</c>, a legal name on Linux) stays relative (<c>C%3A/plan.tpm</c>) instead of becoming an
        /// absolute <c>file:</c> URI, which a relative location must never be.
        /// </summary>
        public static string ToRelativeUri(string relativePath) =>
            string.Join("/", relativePath.Replace('\\', '/').Split('/').Select(Uri.EscapeDataString));

        /// <summary>
        /// The fingerprint hash of a finding (hex, 32 digits; <see cref="FingerprintKey"/>): it stays the same when lines
        /// are inserted above the finding or its line is re-indented, and changes when its code, file, message (numbers
        /// aside) or line text changes.
        /// </summary>
        public static string FindingHash(Diagnostic diagnostic, string relativePath)
        {
            var line = diagnostic.Location is SourceLocation at ? LineText(at) : string.Empty;
            var input = string.Join("\n", "tpm-finding/v1", diagnostic.Code, relativePath, BlurMessage(diagnostic.Message), Collapse(line));
            using var sha = SHA256.Create();
            var digest = sha.ComputeHash(Encoding.UTF8.GetBytes(input));
            var sb = new StringBuilder(32);
            for (int i = 0; i < 16; i++) sb.Append(digest[i].ToString("x2", CultureInfo.InvariantCulture));
            return sb.ToString();
        }

        // Messages quote places ("defined as a task at plans/a.tpm(4,8)": the path depends on the folder tpm ran in, the
        // numbers on the lines above), dates and day counts that move with unrelated edits: a place counts as "@" and
        // every run of digits as one "0", so the finding keeps its fingerprint when lines move or tpm runs elsewhere.
        private static string BlurMessage(string message)
        {
            message = BlurPlaces(message);
            var sb = new StringBuilder(message.Length);
            for (int i = 0; i < message.Length; i++)
            {
                if (message[i] >= '0' && message[i] <= '9')
                {
                    if (i == 0 || message[i - 1] < '0' || message[i - 1] > '9') sb.Append('0');
                    continue;
                }

                sb.Append(message[i]);
            }

            return Collapse(sb.ToString());
        }

        // Each "path(line,column)" as "@", the path being the text back to a space or quote. Linear: no regex backtracking.
        private static string BlurPlaces(string message)
        {
            StringBuilder? sb = null;
            int copied = 0;
            for (int i = 0; i < message.Length; i++)
            {
                if (message[i] != '(') continue;
                int j = Digits(message, i + 1);
                if (j == i + 1 || j >= message.Length || message[j] != ',') continue;
                int k = Digits(message, j + 1);
                if (k == j + 1 || k >= message.Length || message[k] != ')') continue;
                int from = i;
                while (from > copied && !char.IsWhiteSpace(message[from - 1]) && message[from - 1] != '\'' && message[from - 1] != '"') from--;
                sb ??= new StringBuilder(message.Length);
                sb.Append(message, copied, from - copied).Append('@');
                copied = k + 1;
                i = k;
            }

            return sb is null ? message : sb.Append(message, copied, message.Length - copied).ToString();
        }

        private static int Digits(string text, int at)
        {
            while (at < text.Length && text[at] >= '0' && text[at] <= '9') at++;
            return at;
        }

        // The whole line the finding starts on, without its line break.
        private static string LineText(SourceLocation at)
        {
            var source = at.Source;
            int line = at.Start.Line;
            int start = source.GetLineStart(line);
            int end = line < source.LineCount ? source.GetLineStart(line + 1) : source.Length;
            return source.Text.Substring(start, end - start).TrimEnd('\r', '\n');
        }

        // Runs of white space as one space, none at the ends: indentation and alignment are not the finding.
        private static string Collapse(string text)
        {
            var sb = new StringBuilder(text.Length);
            bool space = false;
            foreach (char c in text)
            {
                if (char.IsWhiteSpace(c))
                {
                    space = sb.Length > 0;
                    continue;
                }

                if (space) sb.Append(' ');
                space = false;
                sb.Append(c);
            }

            return sb.ToString();
        }

        private static void WriteRule(Utf8JsonWriter writer, DiagnosticDescriptor rule)
        {
            var help = DiagnosticHelp.For(rule);
            writer.WriteStartObject();
            writer.WriteString("id", rule.Code);
            writer.WriteString("name", rule.Name);
            writer.WriteStartObject("shortDescription");
            writer.WriteString("text", rule.Title);
            writer.WriteEndObject();
            writer.WriteStartObject("fullDescription");
            writer.WriteString("text", help?.Description ?? rule.Title + ".");
            if (help != null) writer.WriteString("markdown", help.DescriptionMarkdown);
            writer.WriteEndObject();
            writer.WriteStartObject("help");
            writer.WriteString("text", (help?.Description ?? rule.Title + ".") + " See " + rule.HelpLink);
            writer.WriteString("markdown", help?.Markdown ?? "See [" + rule.Code + "](" + rule.HelpLink + ").");
            writer.WriteEndObject();
            writer.WriteString("helpUri", rule.HelpLink);
            writer.WriteStartObject("defaultConfiguration");
            writer.WriteString("level", Level(rule.DefaultSeverity));
            writer.WriteEndObject();
            writer.WriteStartObject("properties");
            writer.WriteString("category", rule.Category);
            writer.WriteStartArray("tags");
            writer.WriteStringValue(rule.Category.ToLowerInvariant());
            writer.WriteEndArray();
            // A compiler's findings are facts about the plan, not guesses.
            writer.WriteString("precision", "very-high");
            writer.WriteString("problem.severity", ProblemSeverity(rule.DefaultSeverity));
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        private static void WriteNotification(Utf8JsonWriter writer, Diagnostic d, int ruleIndex)
        {
            writer.WriteStartObject();
            writer.WriteString("level", "warning");
            writer.WriteStartObject("message");
            var why = d.Location is null ? "it has no location" : "its file lies outside the source root";
            writer.WriteString("text", d + " (not a result: " + why + ")");
            writer.WriteEndObject();
            writer.WriteStartObject("associatedRule");
            writer.WriteString("id", d.Code);
            writer.WriteNumber("index", ruleIndex);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        private static void WriteLocation(Utf8JsonWriter writer, SourceLocation location, string relativePath, int? id)
        {
            writer.WriteStartObject();
            if (id is int n) writer.WriteNumber("id", n);
            writer.WriteStartObject("physicalLocation");
            writer.WriteStartObject("artifactLocation");
            writer.WriteString("uri", ToRelativeUri(relativePath));
            writer.WriteString("uriBaseId", SourceRootId);
            writer.WriteEndObject();
            writer.WriteStartObject("region");
            writer.WriteNumber("startLine", location.Start.Line);
            writer.WriteNumber("startColumn", location.Start.Column);
            writer.WriteNumber("endLine", location.End.Line);
            writer.WriteNumber("endColumn", location.End.Column);
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
    }
}
