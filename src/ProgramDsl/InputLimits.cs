namespace ProgramDsl
{
    /// <summary>
    /// The documented bounds on a plan's files and text (TPM1007). <c>tpm</c> runs on plans from pull requests, so every
    /// dimension a user controls is bounded; each limit is far beyond any real plan. A file past a limit is
    /// reported at the first place past it and is not compiled further: nothing beyond the limit is read.
    /// </summary>
    public static class InputLimits
    {
        /// <summary>The largest plan file read: 64 MiB, checked before the file is opened. A bigger file is TPM1007 and is not read.</summary>
        public const long MaxFileBytes = 64L * 1024 * 1024;

        /// <summary>
        /// The most characters a program and all its includes may hold together: 64 Mi, as much as one file may. An include
        /// past it is TPM1007 and is not parsed, so many large fragments cannot multiply the file limit.
        /// </summary>
        public const long MaxProgramChars = 64L * 1024 * 1024;

        /// <summary>
        /// The most tokens (names, keywords, numbers, dates and strings; punctuation and comments are free) a program and
        /// its includes may hold together: 3,000,000, half again the generated 100,000-task plan of the benchmarks. Parsing
        /// and binding cost about a microsecond a token, so this, not the character limit, bounds the front end's time.
        /// </summary>
        public const int MaxTokens = 3_000_000;

        /// <summary>
        /// The most declarations (tasks, milestones, workstreams, people, teams, roles, risks, metrics and every other
        /// named block, the program included) a program and its includes may hold together: 250,000. Each declaration
        /// is a symbol and most are scheduled, so this bounds the binder and the first schedule.
        /// </summary>
        public const int MaxDeclarations = 250_000;

        /// <summary>
        /// The most diagnostics one program reports: 100,000, about three times the warnings of the generated
        /// 100,000-task plan. Past it one more TPM1007 says how many were left out (an error when any of them is one),
        /// so a mistake repeated a million times cannot flood a CI log or make a gigabyte of JSON.
        /// </summary>
        public const int MaxDiagnostics = 100_000;

        /// <summary>
        /// The most characters of diagnostic text (messages and paths) one program reports: 16,000,000. Messages are
        /// bounded one by one (a listing names ten candidates at most), but many long ones could still fill a CI log;
        /// past it, as past <see cref="MaxDiagnostics"/>, one TPM1007 says how many more there were.
        /// </summary>
        public const int MaxDiagnosticChars = 16_000_000;

        /// <summary>
        /// The most tokens one run of a tool (<c>tpm check DIR</c>, <c>tpm build DIR</c>) compiles, counting a fragment once
        /// for every program that includes it: 6,000,000, two programs at <see cref="MaxTokens"/>. Twenty tiny programs
        /// that each include one large fragment would otherwise compile it twenty times. Programs past it are not compiled
        /// (TPM1007 each); each can still be checked on its own.
        /// </summary>
        public const long MaxTokensPerRun = 6_000_000;

        /// <summary>The largest <c>.globalconfig</c> read: 1 MiB.</summary>
        public const long MaxConfigBytes = 1024L * 1024;

        /// <summary>The longest line, in UTF-16 characters.</summary>
        public const int MaxLineLength = 20_000;

        /// <summary>The longest name (an identifier or keyword, or one part of a dotted reference), in characters.</summary>
        public const int MaxNameLength = 256;

        /// <summary>The longest string literal between its quotes, in characters (escapes count as written).</summary>
        public const int MaxStringLength = 10_000;

        /// <summary>The longest number literal, in characters (digits and '_' separators of one run).</summary>
        public const int MaxNumberLength = 100;

        /// <summary>
        /// The longest qualified id (<c>workstream.workstream.task</c>), in characters. Ids are repeated in every
        /// output (tables, JSON, calendars), so this keeps the output within a small factor of the plan's size.
        /// </summary>
        public const int MaxIdLength = 512;

        /// <summary>
        /// How deep blocks nest: the program block counts as 1, each workstream adds 1 and the task inside adds 1, so
        /// workstreams nest at most <see cref="MaxNestingDepth"/> − 2 deep. Qualified ids grow with the depth, so this
        /// keeps every id, and the JSON schedule, linear in the size of the plan.
        /// </summary>
        public const int MaxNestingDepth = 64;

        /// <summary>
        /// How deep includes nest: the program file is depth 0, a file it includes depth 1, and so on. The include
        /// chain is kept per file and printed in a cycle's message, so this keeps both linear in the number of files.
        /// </summary>
        public const int MaxIncludeDepth = 64;
    }
}
