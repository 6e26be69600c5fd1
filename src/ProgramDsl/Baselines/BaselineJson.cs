using System;
using System.Collections.Generic;
using System.Globalization;
using ProgramDsl.Diagnostics;
using ProgramDsl.Semantics;
using ProgramDsl.Text;
#if NET
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ProgramDsl.Syntax;
#endif

namespace ProgramDsl.Baselines
{
    /// <summary>
    /// The baseline file format: a <see cref="BaselineSnapshot"/> as JSON with snake_case names (like the schedule JSON),
    /// dates as <c>"YYYY-MM-DD"</c>, money and days as JSON numbers, and <c>format_version</c> 1 first. The program and
    /// the critical path are indented; each task or milestone is one compact line of <c>tasks</c>. <see cref="Write"/> is
    /// deterministic (the same snapshot gives the same bytes, LF line ends, a final LF), so a baseline committed to git
    /// changes only where the plan did, one line per changed task. <see cref="Read"/> takes the file as untrusted input: every size, count, string,
    /// date and number is bounded, and each problem is a TPM1104 located in the JSON (line and column of the bad value)
    /// whose message names the field (<c>tasks[3].start</c>) and never quotes the file's content. Unknown fields are
    /// skipped, so later versions of format 1 may add fields; a format this build does not read is a TPM1104 that says
    /// which version it reads. On the netstandard2.0 build of the library (no JSON reader in the framework) the reader
    /// reports that baselines are read by the tpm tool, the build and the language server, and the writer throws
    /// <see cref="PlatformNotSupportedException"/>.
    /// </summary>
    public static class BaselineJson
    {
        /// <summary>How deep a baseline's objects and arrays may nest (its own structure needs five levels).</summary>
        public const int MaxDepth = 16;

        /// <summary>The longest baseline, in characters: as long as a plan may be (<see cref="InputLimits.MaxProgramChars"/>).</summary>
        public const long MaxChars = InputLimits.MaxProgramChars;

        /// <summary>The most tasks and milestones one baseline holds: as many as one program may declare (<see cref="InputLimits.MaxDeclarations"/>).</summary>
        public const int MaxItems = InputLimits.MaxDeclarations;

        /// <summary>The most people one item of a baseline names in <c>assigned</c>.</summary>
        public const int MaxAssignees = 10_000;

        /// <summary>The longest baseline name and currency, in characters.</summary>
        public const int MaxNameLength = InputLimits.MaxNameLength;

#if NET
        private static readonly JsonWriterOptions WriterOptions = new JsonWriterOptions
        {
            Indented = true,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            NewLine = "\n",
        };

        private static readonly JsonWriterOptions CompactOptions = new JsonWriterOptions
        {
            Indented = false,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
#endif

        /// <summary>
        /// The largest amount (money or days) a baseline holds, 10^22: sums over a whole baseline then stay within
        /// <see cref="decimal"/>. <see cref="Read"/> refuses a larger one.
        /// </summary>
        public const decimal MaxAmount = 10_000_000_000_000_000_000_000m;

        /// <summary>
        /// What of a snapshot a baseline cannot hold (an amount above <see cref="MaxAmount"/>, which <see cref="Read"/>
        /// would refuse), as the field and its value (<c>task 'a' cost 79,228,162,514,264,337,593,543,950,335</c>);
        /// null when the snapshot can be written and read back.
        /// </summary>
        public static string? OverLimit(BaselineSnapshot snapshot)
        {
            if (snapshot is null) throw new ArgumentNullException(nameof(snapshot));
            static string N(decimal d) => d.ToString("#,0.##", CultureInfo.InvariantCulture);
            static bool Over(decimal? d) => d is decimal v && (v > MaxAmount || v < 0m);
            if (Over(snapshot.Cost)) return "the program's cost " + N(snapshot.Cost);
            if (Over(snapshot.Budget)) return "the program's budget " + N(snapshot.Budget!.Value);
            foreach (var item in snapshot.Items)
            {
                var what = (item.IsMilestone ? "milestone '" : "task '") + item.Id + "' ";
                if (Over(item.Cost)) return what + "cost " + N(item.Cost);
                if (Over(item.Work)) return what + "work " + N(item.Work);
                if (Over(item.Effort)) return what + "effort " + N(item.Effort!.Value);
                if (Over(item.Duration)) return what + "duration " + N(item.Duration!.Value);
                if (item.Estimate is ThreePointEstimate e && (Over(e.Optimistic) || Over(e.MostLikely) || Over(e.Pessimistic))) return what + "estimate " + N(e.Pessimistic);
                foreach (var a in item.Assigned) if (Over(a.Share)) return what + "share of '" + a.Person + "' " + N(a.Share);
            }

            return null;
        }

        /// <summary>The snapshot as baseline JSON, ending with a line feed.</summary>
        /// <exception cref="PlatformNotSupportedException">On the netstandard2.0 build of the library.</exception>
        public static string Write(BaselineSnapshot snapshot)
        {
            if (snapshot is null) throw new ArgumentNullException(nameof(snapshot));
#if NET
            using var stream = new MemoryStream();
            using (var w = new Utf8JsonWriter(stream, WriterOptions))
            {
                w.WriteStartObject();
                w.WriteNumber("format_version", BaselineSnapshot.CurrentFormatVersion);
                w.WriteString("name", snapshot.Name);
                w.WriteStartObject("program");
                w.WriteString("id", snapshot.ProgramId);
                w.WriteString("name", snapshot.ProgramName);
                w.WriteString("start", snapshot.Start.ToString());
                w.WriteString("finish", snapshot.Finish.ToString());
                w.WriteNumber("duration_days", snapshot.DurationDays);
                WriteDecimal(w, "cost", snapshot.Cost);
                WriteDate(w, "deadline", snapshot.Deadline);
                WriteDecimal(w, "budget", snapshot.Budget);
                if (snapshot.Currency is null) w.WriteNull("currency");
                else w.WriteString("currency", snapshot.Currency);
                WriteDate(w, "status_date", snapshot.StatusDate);
                w.WriteEndObject();
                w.WriteStartArray("critical_path");
                foreach (var id in snapshot.CriticalPath) w.WriteStringValue(id);
                w.WriteEndArray();
                w.WriteEndObject();
            }

            // The header as the writer indents it, without its closing brace; then the tasks, one a line: a baseline is
            // committed, and a diff then shows each changed task as one line that names it, at half the size of an
            // indented task.
            var header = Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
            var text = new StringBuilder(header.Length + snapshot.Items.Count * 256).Append(header, 0, header.LastIndexOf('\n')).Append(",\n  \"tasks\": [");
            using var itemStream = new MemoryStream();
            using var itemWriter = new Utf8JsonWriter(itemStream, CompactOptions);
            for (int i = 0; i < snapshot.Items.Count; i++)
            {
                itemStream.SetLength(0);
                itemWriter.Reset();
                WriteItem(itemWriter, snapshot.Items[i]);
                itemWriter.Flush();
                text.Append(i == 0 ? "\n    " : ",\n    ").Append(Encoding.UTF8.GetString(itemStream.GetBuffer(), 0, (int)itemStream.Length));
            }

            return text.Append(snapshot.Items.Count == 0 ? "]\n}\n" : "\n  ]\n}\n").ToString();
#else
            throw new PlatformNotSupportedException("Baselines are written by the tpm tool (the net10.0 build of the library); the netstandard2.0 build has no JSON writer.");
#endif
        }

#if NET
        private static void WriteItem(Utf8JsonWriter w, SnapshotItem item)
        {
            w.WriteStartObject();
            w.WriteString("id", item.Id);
            w.WriteString("name", item.Name);
            w.WriteString("kind", item.IsMilestone ? "milestone" : "task");
            w.WriteString("start", item.Start.ToString());
            w.WriteString("finish", item.Finish.ToString());
            w.WriteNumber("duration_days", item.DurationDays);
            WriteDecimal(w, "work", item.Work);
            WriteDecimal(w, "cost", item.Cost);
            w.WriteStartArray("assigned");
            foreach (var a in item.Assigned)
            {
                w.WriteStartObject();
                w.WriteString("person", a.Person);
                WriteDecimal(w, "share", a.Share);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteBoolean("critical", item.Critical);
            WriteDecimal(w, "effort", item.Effort);
            WriteDecimal(w, "duration", item.Duration);
            if (item.Estimate is ThreePointEstimate e)
            {
                w.WriteStartObject("estimate");
                WriteDecimal(w, "optimistic", e.Optimistic);
                WriteDecimal(w, "most_likely", e.MostLikely);
                WriteDecimal(w, "pessimistic", e.Pessimistic);
                w.WriteEndObject();
            }
            else
            {
                w.WriteNull("estimate");
            }

            WriteDate(w, "due", item.Due);
            w.WriteEndObject();
        }
#endif

        /// <summary>
        /// Reads baseline JSON. <paramref name="path"/> names the file in the diagnostics' locations. Never throws for bad
        /// input: the result holds the snapshot, or null and the TPM1104 that says why.
        /// </summary>
        public static BaselineReadResult Read(string text, string path)
        {
            if (text is null) throw new ArgumentNullException(nameof(text));
            var source = new SourceText(path ?? throw new ArgumentNullException(nameof(path)), text);
#if NET
            if (text.Length > MaxChars)
            {
                return Failed(source, DiagnosticCatalog.BaselineTooLong(new SourceLocation(source, new TextSpan(0, 0)), MaxChars));
            }

            var reader = new Parser(source);
            try
            {
                var snapshot = reader.Parse();
                return new BaselineReadResult(snapshot, Array.Empty<Diagnostic>(), source, reader.ItemSpans);
            }
            catch (ParseFailure failure)
            {
                return Failed(source, failure.Diagnostic);
            }
            catch (JsonException e)
            {
                return Failed(source, DiagnosticCatalog.BaselineNotJson(reader.LocationOf(e)));
            }
#else
            return Failed(source, DiagnosticCatalog.BaselineNotSupportedHere(new SourceLocation(source, new TextSpan(0, 0))));
#endif
        }

        private static BaselineReadResult Failed(SourceText source, Diagnostic diagnostic) =>
            new BaselineReadResult(null, new[] { diagnostic }, source, null);

#if NET
        private static void WriteDecimal(Utf8JsonWriter w, string name, decimal? value)
        {
            // Trailing zeros dropped ("2.50" → 2.5), so equal amounts are written alike whatever arithmetic made them.
            if (value is decimal d) w.WriteNumber(name, decimal.Parse(d.ToString("0.############################", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));
            else w.WriteNull(name);
        }

        private static void WriteDate(Utf8JsonWriter w, string name, CalendarDate? value)
        {
            if (value is CalendarDate d) w.WriteString(name, d.ToString());
            else w.WriteNull(name);
        }

        /// <summary>A problem found in the file: the reader stops at the first.</summary>
        private sealed class ParseFailure : Exception
        {
            public ParseFailure(Diagnostic diagnostic) => Diagnostic = diagnostic;

            public Diagnostic Diagnostic { get; }
        }

        /// <summary>A field's place in the file, for messages: <c>tasks[3].start</c>. Made into text only for a message.</summary>
        private readonly struct Field
        {
            public Field(string prefix, int index, string name)
            {
                Prefix = prefix;
                Index = index;
                Name = name;
            }

            public string Prefix { get; }

            public int Index { get; }

            public string Name { get; }

            public Field Child(string name) => new Field(ToString(), -1, name);

            public override string ToString() =>
                (Prefix.Length == 0 ? string.Empty : Prefix + (Index >= 0 ? "[" + Index.ToString(CultureInfo.InvariantCulture) + "]" : string.Empty) + (Name.Length == 0 ? string.Empty : ".")) + Name;
        }

        private sealed class Parser
        {
            private static readonly JsonReaderOptions Options = new JsonReaderOptions
            {
                // The parser's own depth check (MaxDepth) comes first and says what is wrong; this is a backstop.
                MaxDepth = 256,
                CommentHandling = JsonCommentHandling.Disallow,
                AllowTrailingCommas = false,
            };

            private readonly SourceText _source;
            private readonly byte[] _bytes;
            private readonly int _skipped; // a byte order mark, not in the bytes
            private long _mapByte;
            private int _mapChar;

            public Parser(SourceText source)
            {
                _source = source;
                var text = source.Text;
                _skipped = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
                _bytes = Encoding.UTF8.GetBytes(text.Substring(_skipped));
            }

            public Dictionary<string, TextSpan> ItemSpans { get; } = new Dictionary<string, TextSpan>(StringComparer.Ordinal);

            public BaselineSnapshot Parse()
            {
                var r = new Utf8JsonReader(_bytes, Options);
                Next(ref r);
                if (r.TokenType != JsonTokenType.StartObject) throw Fail(DiagnosticCatalog.BaselineNotObject(Token(ref r)));
                var rootStart = r.TokenStartIndex;
                string? name = null;
                ProgramPart? program = null;
                List<(string Id, TextSpan Span)>? critical = null;
                List<SnapshotItem>? items = null;
                int seen = 0;

                // The writer puts format_version first; anywhere else, one pass over the top level finds and judges it
                // before any other field is.
                Next(ref r);
                bool versionFirst = r.TokenType == JsonTokenType.PropertyName && r.ValueTextEquals("format_version");
                if (!versionFirst) CheckVersion();
                for (bool first = true; ; first = false)
                {
                    if (!first) Next(ref r);
                    if (r.TokenType == JsonTokenType.EndObject) break;
                    if (r.ValueTextEquals("format_version"))
                    {
                        Mark(ref r, ref seen, 1, "format_version");
                        Next(ref r);
                        if (versionFirst) CheckVersionValue(ref r);
                    }
                    else if (r.ValueTextEquals("name"))
                    {
                        Mark(ref r, ref seen, 2, "name");
                        Next(ref r);
                        name = ReadLabel(ref r, new Field(string.Empty, -1, "name"), MaxNameLength);
                    }
                    else if (r.ValueTextEquals("program"))
                    {
                        Mark(ref r, ref seen, 4, "program");
                        Next(ref r);
                        program = ReadProgram(ref r);
                    }
                    else if (r.ValueTextEquals("critical_path"))
                    {
                        Mark(ref r, ref seen, 8, "critical_path");
                        Next(ref r);
                        critical = ReadCriticalPath(ref r);
                    }
                    else if (r.ValueTextEquals("tasks"))
                    {
                        Mark(ref r, ref seen, 16, "tasks");
                        Next(ref r);
                        items = ReadItems(ref r);
                    }
                    else
                    {
                        Next(ref r);
                        Skip(ref r);
                    }
                }

                // Anything after the root value but white space is not JSON (the reader throws).
                if (versionFirst && r.Read()) throw Fail(DiagnosticCatalog.BaselineNotJson(Token(ref r)));
                var rootAt = At(rootStart, rootStart + 1);
                if (name is null) throw Fail(DiagnosticCatalog.BaselineMissingField(rootAt, "name"));
                if (program is null) throw Fail(DiagnosticCatalog.BaselineMissingField(rootAt, "program"));
                if (items is null) throw Fail(DiagnosticCatalog.BaselineMissingField(rootAt, "tasks"));
                var path = new List<string>(critical?.Count ?? 0);
                if (critical != null)
                {
                    for (int i = 0; i < critical.Count; i++)
                    {
                        if (!ItemSpans.ContainsKey(critical[i].Id))
                        {
                            throw Fail(DiagnosticCatalog.BaselineUnknownCriticalId(new SourceLocation(_source, critical[i].Span), new Field("critical_path", i, string.Empty).ToString()));
                        }

                        path.Add(critical[i].Id);
                    }
                }

                return new BaselineSnapshot(
                    name, program.Id, program.Name, program.Start, program.Finish, program.DurationDays, program.Cost, items, path,
                    program.Deadline, program.Budget, program.Currency, program.StatusDate, BaselineSnapshot.CurrentFormatVersion);
            }

            /// <summary>
            /// Finds <c>format_version</c> among the top-level fields before anything else is judged, so a file of another
            /// version is reported as such, not by the first field this version reads differently.
            /// </summary>
            private void CheckVersion()
            {
                var r = new Utf8JsonReader(_bytes, Options);
                Next(ref r);
                var rootStart = r.TokenStartIndex;
                if (r.TokenType != JsonTokenType.StartObject) throw Fail(DiagnosticCatalog.BaselineNotObject(Token(ref r)));
                bool found = false;
                while (true)
                {
                    Next(ref r);
                    if (r.TokenType == JsonTokenType.EndObject) break;
                    bool isVersion = r.ValueTextEquals("format_version");
                    Next(ref r);
                    if (!isVersion || found)
                    {
                        Skip(ref r);
                        continue;
                    }

                    found = true;
                    CheckVersionValue(ref r);
                }

                // Anything after the root value but white space is not JSON (the reader throws).
                if (r.Read()) throw Fail(DiagnosticCatalog.BaselineNotJson(Token(ref r)));
                if (!found) throw Fail(DiagnosticCatalog.BaselineWithoutVersion(At(rootStart, rootStart + 1), BaselineSnapshot.CurrentFormatVersion));
            }

            private void CheckVersionValue(ref Utf8JsonReader r)
            {
                if (r.TokenType != JsonTokenType.Number || !r.TryGetInt64(out var version))
                {
                    throw Fail(DiagnosticCatalog.BaselineUnsupportedVersion(Token(ref r), null, BaselineSnapshot.CurrentFormatVersion));
                }

                if (version != BaselineSnapshot.CurrentFormatVersion)
                {
                    throw Fail(DiagnosticCatalog.BaselineUnsupportedVersion(Token(ref r), version, BaselineSnapshot.CurrentFormatVersion));
                }
            }

            private sealed class ProgramPart
            {
                public string Id = string.Empty;
                public string Name = string.Empty;
                public CalendarDate Start;
                public CalendarDate Finish;
                public int DurationDays;
                public decimal Cost;
                public CalendarDate? Deadline;
                public decimal? Budget;
                public string? Currency;
                public CalendarDate? StatusDate;
            }

            private ProgramPart ReadProgram(ref Utf8JsonReader r)
            {
                var field = new Field(string.Empty, -1, "program");
                if (r.TokenType != JsonTokenType.StartObject) throw Fail(DiagnosticCatalog.BaselineWrongValue(Token(ref r), "program", "an object"));
                var objectAt = Token(ref r);
                var p = new ProgramPart();
                int seen = 0;
                while (true)
                {
                    Next(ref r);
                    if (r.TokenType == JsonTokenType.EndObject) break;
                    if (r.ValueTextEquals("id")) { Mark(ref r, ref seen, 1, "program.id"); Next(ref r); p.Id = ReadId(ref r, field.Child("id"), allowDots: false); }
                    else if (r.ValueTextEquals("name")) { Mark(ref r, ref seen, 2, "program.name"); Next(ref r); p.Name = ReadText(ref r, field.Child("name"), InputLimits.MaxStringLength); }
                    else if (r.ValueTextEquals("start")) { Mark(ref r, ref seen, 4, "program.start"); Next(ref r); p.Start = ReadDate(ref r, field.Child("start")); }
                    else if (r.ValueTextEquals("finish")) { Mark(ref r, ref seen, 8, "program.finish"); Next(ref r); p.Finish = ReadDate(ref r, field.Child("finish")); }
                    else if (r.ValueTextEquals("duration_days")) { Mark(ref r, ref seen, 16, "program.duration_days"); Next(ref r); p.DurationDays = ReadDays(ref r, field.Child("duration_days")); }
                    else if (r.ValueTextEquals("cost")) { Mark(ref r, ref seen, 32, "program.cost"); Next(ref r); p.Cost = ReadAmount(ref r, field.Child("cost")); }
                    else if (r.ValueTextEquals("deadline")) { Mark(ref r, ref seen, 64, "program.deadline"); Next(ref r); p.Deadline = IsNull(ref r) ? null : ReadDate(ref r, field.Child("deadline")); }
                    else if (r.ValueTextEquals("budget")) { Mark(ref r, ref seen, 128, "program.budget"); Next(ref r); p.Budget = IsNull(ref r) ? null : ReadAmount(ref r, field.Child("budget")); }
                    else if (r.ValueTextEquals("currency")) { Mark(ref r, ref seen, 256, "program.currency"); Next(ref r); p.Currency = IsNull(ref r) ? null : ReadId(ref r, field.Child("currency"), allowDots: false, MaxNameLength); }
                    else if (r.ValueTextEquals("status_date")) { Mark(ref r, ref seen, 512, "program.status_date"); Next(ref r); p.StatusDate = IsNull(ref r) ? null : ReadDate(ref r, field.Child("status_date")); }
                    else
                    {
                        Next(ref r);
                        Skip(ref r);
                    }
                }

                Require(seen, 1, objectAt, "program.id");
                Require(seen, 4, objectAt, "program.start");
                Require(seen, 8, objectAt, "program.finish");
                if (p.Finish < p.Start) throw Fail(DiagnosticCatalog.BaselineWrongValue(objectAt, "program.finish", "on or after 'program.start'"));
                if ((seen & 2) == 0) p.Name = p.Id;
                return p;
            }

            private List<(string, TextSpan)> ReadCriticalPath(ref Utf8JsonReader r)
            {
                if (r.TokenType != JsonTokenType.StartArray) throw Fail(DiagnosticCatalog.BaselineWrongValue(Token(ref r), "critical_path", "an array of task ids"));
                var ids = new List<(string, TextSpan)>();
                while (true)
                {
                    Next(ref r);
                    if (r.TokenType == JsonTokenType.EndArray) break;
                    var field = new Field("critical_path", ids.Count, string.Empty);
                    if (ids.Count >= MaxItems) throw Fail(DiagnosticCatalog.BaselineTooMany(Token(ref r), "critical_path", MaxItems));
                    var id = ReadId(ref r, field, allowDots: true);
                    ids.Add((id, Span(r.TokenStartIndex, r.BytesConsumed)));
                }

                return ids;
            }

            private List<SnapshotItem> ReadItems(ref Utf8JsonReader r)
            {
                if (r.TokenType != JsonTokenType.StartArray) throw Fail(DiagnosticCatalog.BaselineWrongValue(Token(ref r), "tasks", "an array of tasks and milestones"));
                var items = new List<SnapshotItem>();
                var firstIndex = new Dictionary<string, int>(StringComparer.Ordinal);
                while (true)
                {
                    Next(ref r);
                    if (r.TokenType == JsonTokenType.EndArray) break;
                    if (items.Count >= MaxItems) throw Fail(DiagnosticCatalog.BaselineTooMany(Token(ref r), "tasks", MaxItems));
                    items.Add(ReadItem(ref r, items.Count, firstIndex));
                }

                return items;
            }

            private SnapshotItem ReadItem(ref Utf8JsonReader r, int index, Dictionary<string, int> firstIndex)
            {
                var field = new Field("tasks", index, string.Empty);
                if (r.TokenType != JsonTokenType.StartObject) throw Fail(DiagnosticCatalog.BaselineWrongValue(Token(ref r), field.ToString(), "an object"));
                var objectAt = Token(ref r);
                string id = string.Empty;
                TextSpan idSpan = default;
                string? name = null;
                bool milestone = false, critical = false;
                CalendarDate start = default, finish = default;
                CalendarDate? due = null;
                int days = 0;
                decimal work = 0m, cost = 0m;
                decimal? effort = null, duration = null;
                ThreePointEstimate? estimate = null;
                IReadOnlyList<SnapshotAssignment> assigned = Array.Empty<SnapshotAssignment>();
                int seen = 0;
                while (true)
                {
                    Next(ref r);
                    if (r.TokenType == JsonTokenType.EndObject) break;
                    if (r.ValueTextEquals("id"))
                    {
                        Mark(ref r, ref seen, 1, field, "id");
                        Next(ref r);
                        id = ReadId(ref r, Named(field, "id"), allowDots: true);
                        idSpan = Span(r.TokenStartIndex, r.BytesConsumed);
                    }
                    else if (r.ValueTextEquals("name")) { Mark(ref r, ref seen, 2, field, "name"); Next(ref r); name = ReadText(ref r, Named(field, "name"), InputLimits.MaxStringLength); }
                    else if (r.ValueTextEquals("kind"))
                    {
                        Mark(ref r, ref seen, 4, field, "kind");
                        Next(ref r);
                        if (r.TokenType == JsonTokenType.String && r.ValueTextEquals("task")) milestone = false;
                        else if (r.TokenType == JsonTokenType.String && r.ValueTextEquals("milestone")) milestone = true;
                        else throw Fail(DiagnosticCatalog.BaselineWrongValue(Token(ref r), Named(field, "kind").ToString(), "\"task\" or \"milestone\""));
                    }
                    else if (r.ValueTextEquals("start")) { Mark(ref r, ref seen, 8, field, "start"); Next(ref r); start = ReadDate(ref r, Named(field, "start")); }
                    else if (r.ValueTextEquals("finish")) { Mark(ref r, ref seen, 16, field, "finish"); Next(ref r); finish = ReadDate(ref r, Named(field, "finish")); }
                    else if (r.ValueTextEquals("duration_days")) { Mark(ref r, ref seen, 32, field, "duration_days"); Next(ref r); days = ReadDays(ref r, Named(field, "duration_days")); }
                    else if (r.ValueTextEquals("work")) { Mark(ref r, ref seen, 64, field, "work"); Next(ref r); work = ReadAmount(ref r, Named(field, "work")); }
                    else if (r.ValueTextEquals("cost")) { Mark(ref r, ref seen, 128, field, "cost"); Next(ref r); cost = ReadAmount(ref r, Named(field, "cost")); }
                    else if (r.ValueTextEquals("assigned")) { Mark(ref r, ref seen, 256, field, "assigned"); Next(ref r); assigned = ReadAssigned(ref r, Named(field, "assigned")); }
                    else if (r.ValueTextEquals("critical"))
                    {
                        Mark(ref r, ref seen, 512, field, "critical");
                        Next(ref r);
                        if (r.TokenType == JsonTokenType.True) critical = true;
                        else if (r.TokenType == JsonTokenType.False) critical = false;
                        else throw Fail(DiagnosticCatalog.BaselineWrongValue(Token(ref r), Named(field, "critical").ToString(), "true or false"));
                    }
                    else if (r.ValueTextEquals("effort")) { Mark(ref r, ref seen, 1024, field, "effort"); Next(ref r); effort = IsNull(ref r) ? null : ReadAmount(ref r, Named(field, "effort")); }
                    else if (r.ValueTextEquals("duration")) { Mark(ref r, ref seen, 2048, field, "duration"); Next(ref r); duration = IsNull(ref r) ? null : ReadAmount(ref r, Named(field, "duration")); }
                    else if (r.ValueTextEquals("estimate")) { Mark(ref r, ref seen, 4096, field, "estimate"); Next(ref r); estimate = IsNull(ref r) ? null : ReadEstimate(ref r, Named(field, "estimate")); }
                    else if (r.ValueTextEquals("due")) { Mark(ref r, ref seen, 8192, field, "due"); Next(ref r); due = IsNull(ref r) ? null : ReadDate(ref r, Named(field, "due")); }
                    else
                    {
                        Next(ref r);
                        Skip(ref r);
                    }
                }

                Require(seen, 1, objectAt, Named(field, "id").ToString());
                Require(seen, 4, objectAt, Named(field, "kind").ToString());
                Require(seen, 8, objectAt, Named(field, "start").ToString());
                Require(seen, 16, objectAt, Named(field, "finish").ToString());
                if (finish < start) throw Fail(DiagnosticCatalog.BaselineWrongValue(objectAt, Named(field, "finish").ToString(), "on or after its 'start'"));
                if (firstIndex.TryGetValue(id, out var first))
                {
                    throw Fail(DiagnosticCatalog.BaselineDuplicateId(
                        new SourceLocation(_source, idSpan), Named(field, "id").ToString(), Named(new Field("tasks", first, string.Empty), "id").ToString(),
                        new SourceLocation(_source, ItemSpans[id])));
                }

                firstIndex[id] = index;
                ItemSpans[id] = idSpan;
                return new SnapshotItem(id, name ?? id, milestone, start, finish, days, work, cost, assigned, critical, effort, duration, estimate, due);
            }

            private IReadOnlyList<SnapshotAssignment> ReadAssigned(ref Utf8JsonReader r, Field field)
            {
                if (r.TokenType != JsonTokenType.StartArray) throw Fail(DiagnosticCatalog.BaselineWrongValue(Token(ref r), field.ToString(), "an array of {\"person\", \"share\"} objects"));
                var list = new List<SnapshotAssignment>();
                while (true)
                {
                    Next(ref r);
                    if (r.TokenType == JsonTokenType.EndArray) break;
                    var entry = new Field(field.ToString(), list.Count, string.Empty);
                    if (list.Count >= MaxAssignees) throw Fail(DiagnosticCatalog.BaselineTooMany(Token(ref r), field.ToString(), MaxAssignees));
                    if (r.TokenType != JsonTokenType.StartObject) throw Fail(DiagnosticCatalog.BaselineWrongValue(Token(ref r), entry.ToString(), "an object with \"person\" and \"share\""));
                    var objectAt = Token(ref r);
                    string person = string.Empty;
                    decimal share = 1m;
                    int seen = 0;
                    while (true)
                    {
                        Next(ref r);
                        if (r.TokenType == JsonTokenType.EndObject) break;
                        if (r.ValueTextEquals("person")) { Mark(ref r, ref seen, 1, entry, "person"); Next(ref r); person = ReadId(ref r, Named(entry, "person"), allowDots: false); }
                        else if (r.ValueTextEquals("share"))
                        {
                            Mark(ref r, ref seen, 2, entry, "share");
                            Next(ref r);
                            share = ReadAmount(ref r, Named(entry, "share"));
                            if (share <= 0m || share > 1m) throw Fail(DiagnosticCatalog.BaselineWrongValue(Token(ref r), Named(entry, "share").ToString(), "a number more than 0 and at most 1"));
                        }
                        else
                        {
                            Next(ref r);
                            Skip(ref r);
                        }
                    }

                    Require(seen, 1, objectAt, Named(entry, "person").ToString());
                    list.Add(new SnapshotAssignment(person, share));
                }

                return list;
            }

            private ThreePointEstimate ReadEstimate(ref Utf8JsonReader r, Field field)
            {
                if (r.TokenType != JsonTokenType.StartObject) throw Fail(DiagnosticCatalog.BaselineWrongValue(Token(ref r), field.ToString(), "an object with \"optimistic\", \"most_likely\" and \"pessimistic\", or null"));
                var objectAt = Token(ref r);
                decimal o = 0m, m = 0m, p = 0m;
                int seen = 0;
                while (true)
                {
                    Next(ref r);
                    if (r.TokenType == JsonTokenType.EndObject) break;
                    if (r.ValueTextEquals("optimistic")) { Mark(ref r, ref seen, 1, field.Child("optimistic")); Next(ref r); o = ReadAmount(ref r, field.Child("optimistic")); }
                    else if (r.ValueTextEquals("most_likely")) { Mark(ref r, ref seen, 2, field.Child("most_likely")); Next(ref r); m = ReadAmount(ref r, field.Child("most_likely")); }
                    else if (r.ValueTextEquals("pessimistic")) { Mark(ref r, ref seen, 4, field.Child("pessimistic")); Next(ref r); p = ReadAmount(ref r, field.Child("pessimistic")); }
                    else
                    {
                        Next(ref r);
                        Skip(ref r);
                    }
                }

                Require(seen, 1, objectAt, field.Child("optimistic").ToString());
                Require(seen, 2, objectAt, field.Child("most_likely").ToString());
                Require(seen, 4, objectAt, field.Child("pessimistic").ToString());
                if (o > m || m > p) throw Fail(DiagnosticCatalog.BaselineWrongValue(objectAt, field.ToString(), "ordered: optimistic ≤ most_likely ≤ pessimistic"));
                return new ThreePointEstimate(o, m, p);
            }

            private static Field Named(Field item, string name) => new Field(item.Prefix, item.Index, name);

            private static bool IsNull(ref Utf8JsonReader r) => r.TokenType == JsonTokenType.Null;

            /// <summary>An id: a name, or dotted names (<c>data.eda</c>) when <paramref name="allowDots"/>, as the language spells them.</summary>
            private string ReadId(ref Utf8JsonReader r, Field field, bool allowDots, int limit = InputLimits.MaxIdLength)
            {
                string expected = allowDots ? "an id such as \"data.eda\" (names joined by dots)" : "a name such as \"ana\"";
                var value = ReadString(ref r, field, limit, expected);
                if (!IsId(value, allowDots)) throw Fail(DiagnosticCatalog.BaselineWrongValue(Token(ref r), field.ToString(), expected));
                return value;
            }

            /// <summary>A label (the baseline's name): any printable text, no control or bidirectional characters.</summary>
            private string ReadLabel(ref Utf8JsonReader r, Field field, int limit)
            {
                var value = ReadString(ref r, field, limit, "a string");
                foreach (char c in value)
                {
                    if (char.IsControl(c) || Diagnostic.IsBidiControl(c) || c == '\u2028' || c == '\u2029')
                    {
                        throw Fail(DiagnosticCatalog.BaselineWrongValue(Token(ref r), field.ToString(), "a string without control characters"));
                    }
                }

                return value;
            }

            private string ReadText(ref Utf8JsonReader r, Field field, int limit) => ReadString(ref r, field, limit, "a string");

            private string ReadString(ref Utf8JsonReader r, Field field, int limit, string expected)
            {
                if (r.TokenType != JsonTokenType.String) throw Fail(DiagnosticCatalog.BaselineWrongValue(Token(ref r), field.ToString(), expected));

                // An escape is at most 6 bytes for a character, so a longer value is over the limit without decoding it.
                string? value;
                try
                {
                    value = r.ValueSpan.Length > (long)limit * 6 ? null : r.GetString();
                }
                catch (InvalidOperationException)
                {
                    // The reader checks escapes only when it decodes them: a lone surrogate escape ("\ud800") is valid JSON
                    // syntax but no string.
                    throw Fail(DiagnosticCatalog.BaselineWrongValue(Token(ref r), field.ToString(), expected + " of well-formed Unicode (no lone surrogate escape)"));
                }

                if (value is null || value.Length > limit)
                {
                    throw Fail(DiagnosticCatalog.BaselineWrongValue(Token(ref r), field.ToString(), expected + " of at most " + limit.ToString("N0", CultureInfo.InvariantCulture) + " characters"));
                }

                return value;
            }

            private CalendarDate ReadDate(ref Utf8JsonReader r, Field field)
            {
                const string expected = "a date \"YYYY-MM-DD\" from 0001-01-01 to 9999-12-31";
                if (r.TokenType != JsonTokenType.String || r.ValueSpan.Length != 10 || r.ValueIsEscaped) throw Fail(DiagnosticCatalog.BaselineWrongValue(Token(ref r), field.ToString(), expected));
                var s = r.ValueSpan;
                for (int i = 0; i < 10; i++)
                {
                    bool ok = i == 4 || i == 7 ? s[i] == (byte)'-' : s[i] >= (byte)'0' && s[i] <= (byte)'9';
                    if (!ok) throw Fail(DiagnosticCatalog.BaselineWrongValue(Token(ref r), field.ToString(), expected));
                }

                int year = Digits(s, 0, 4), month = Digits(s, 5, 2), day = Digits(s, 8, 2);
                if (!CalendarDate.TryCreate(year, month, day, out var date)) throw Fail(DiagnosticCatalog.BaselineWrongValue(Token(ref r), field.ToString(), expected));
                return date;
            }

            private static int Digits(ReadOnlySpan<byte> s, int start, int count)
            {
                int value = 0;
                for (int i = start; i < start + count; i++) value = value * 10 + (s[i] - '0');
                return value;
            }

            private int ReadDays(ref Utf8JsonReader r, Field field)
            {
                if (r.TokenType != JsonTokenType.Number || !r.TryGetInt32(out var days) || days < 0 || days > CalendarDate.MaxValue.DayNumber + 1)
                {
                    throw Fail(DiagnosticCatalog.BaselineWrongValue(Token(ref r), field.ToString(), "a whole number of days from 0 to " + (CalendarDate.MaxValue.DayNumber + 1).ToString("N0", CultureInfo.InvariantCulture)));
                }

                return days;
            }

            /// <summary>
            /// An amount of money or days: a number from 0 to <see cref="MaxAmount"/>, so that sums of a whole baseline stay
            /// within <see cref="decimal"/> (each item's at most 10^22, a quarter of a million of them at most 2.5 × 10^27).
            /// </summary>
            private decimal ReadAmount(ref Utf8JsonReader r, Field field)
            {
                if (r.TokenType != JsonTokenType.Number || !r.TryGetDecimal(out var value) || value < 0m || value > MaxAmount)
                {
                    throw Fail(DiagnosticCatalog.BaselineWrongValue(Token(ref r), field.ToString(), "a number from 0 to 10^22"));
                }

                return value;
            }


            private static bool IsId(string value, bool allowDots)
            {
                if (value.Length == 0) return false;
                bool partStart = true;
                foreach (char c in value)
                {
                    if (c == '.' && allowDots && !partStart)
                    {
                        partStart = true;
                        continue;
                    }

                    if (partStart ? !Lexer.IsIdentifierStart(c) : !Lexer.IsIdentifierPart(c) || Lexer.IsInvisible(c)) return false;
                    partStart = false;
                }

                return !partStart;
            }

            private void Mark(ref Utf8JsonReader r, ref int seen, int bit, string field)
            {
                if ((seen & bit) != 0) throw Fail(DiagnosticCatalog.BaselineRepeatedField(Token(ref r), field));
                seen |= bit;
            }

            private void Mark(ref Utf8JsonReader r, ref int seen, int bit, Field item, string name) => Mark(ref r, ref seen, bit, Named(item, name));

            private void Mark(ref Utf8JsonReader r, ref int seen, int bit, Field field) =>
                Mark(ref r, ref seen, bit, (seen & bit) != 0 ? field.ToString() : string.Empty);

            private void Require(int seen, int bit, SourceLocation objectAt, string field)
            {
                if ((seen & bit) == 0) throw Fail(DiagnosticCatalog.BaselineMissingField(objectAt, field));
            }

            /// <summary>Reads the next token, refusing to nest deeper than <see cref="MaxDepth"/>.</summary>
            private void Next(ref Utf8JsonReader r)
            {
                if (!r.Read()) throw Fail(DiagnosticCatalog.BaselineNotJson(At(_bytes.Length, _bytes.Length)));
                if ((r.TokenType == JsonTokenType.StartObject || r.TokenType == JsonTokenType.StartArray) && r.CurrentDepth >= MaxDepth)
                {
                    throw Fail(DiagnosticCatalog.BaselineTooDeep(Token(ref r), MaxDepth));
                }

                // ValueTextEquals decodes an escaped field name and throws on a lone surrogate escape ("\ud800"): judged here,
                // once, where the field name is.
                if (r.TokenType == JsonTokenType.PropertyName && r.ValueIsEscaped)
                {
                    try
                    {
                        r.GetString();
                    }
                    catch (InvalidOperationException)
                    {
                        throw Fail(DiagnosticCatalog.BaselineNotJson(Token(ref r)));
                    }
                }
            }

            /// <summary>Skips the value the reader is on (an unknown field's), token by token so the depth check holds.</summary>
            private void Skip(ref Utf8JsonReader r)
            {
                if (r.TokenType != JsonTokenType.StartObject && r.TokenType != JsonTokenType.StartArray) return;
                int depth = r.CurrentDepth;
                do Next(ref r);
                while (r.CurrentDepth > depth || (r.TokenType != JsonTokenType.EndObject && r.TokenType != JsonTokenType.EndArray));
            }

            private static ParseFailure Fail(Diagnostic diagnostic) => new ParseFailure(diagnostic);

            private SourceLocation Token(ref Utf8JsonReader r) => At(r.TokenStartIndex, r.BytesConsumed);

            private SourceLocation At(long startByte, long endByte) => new SourceLocation(_source, Span(startByte, endByte));

            private TextSpan Span(long startByte, long endByte)
            {
                int start = CharAt(startByte);
                return TextSpan.FromBounds(start, Math.Max(start, CharAt(endByte)));
            }

            /// <summary>
            /// The character offset of a byte offset. Offsets are asked for in increasing order while reading, so the
            /// count continues from the last one: linear over the file.
            /// </summary>
            private int CharAt(long byteOffset)
            {
                if (byteOffset > _bytes.Length) byteOffset = _bytes.Length;
                if (byteOffset < _mapByte)
                {
                    _mapByte = 0;
                    _mapChar = 0;
                }

                _mapChar += Encoding.UTF8.GetCharCount(_bytes, (int)_mapByte, (int)(byteOffset - _mapByte));
                _mapByte = byteOffset;
                return _mapChar + _skipped;
            }

            /// <summary>Where the reader found text that is not JSON (its line and byte in the line), as a location.</summary>
            public SourceLocation LocationOf(JsonException e)
            {
                long line = e.LineNumber ?? 0, column = e.BytePositionInLine ?? 0;
                long offset = 0;
                for (long l = 0; l < line && offset < _bytes.Length; offset++)
                {
                    if (_bytes[offset] == (byte)'\n') l++;
                }

                // The reader counts lines by '\n' only; a position in a multi-byte character is moved to its start.
                offset = Math.Min(_bytes.Length, offset + column);
                while (offset > 0 && offset < _bytes.Length && (_bytes[offset] & 0xC0) == 0x80) offset--;
                return At(offset, Math.Min(_bytes.Length, offset + 1));
            }
        }
#endif
    }
}
