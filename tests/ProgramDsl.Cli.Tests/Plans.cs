namespace ProgramDsl.Cli.Tests
{
    /// <summary>Plans for the CLI tests, with their schedules and diagnostics worked out by hand.</summary>
    internal static class Plans
    {
        // mon..fri from Monday 2027-03-01: index 0 Mar 1 … 4 Mar 5, 5 Mar 8 … 8 Mar 11.
        // data.collect [0,4) Mar 1–4; data.clean 2d/50% = 4 days after collect fs+1d: [5,9) Mar 8–11;
        // docs [4,6) Mar 5–8, float 3; ready at index 9, dated Mar 11. Finish Mar 11, 9 working days.
        // Deadline Mar 31 is index 22: 22 - 8 = 14 working days to spare. Cost 4x500 + 4x0.5x400 = 2,800.
        public const string Valid =
            "program demo \"Demo plan\" {\n" +
            "  start 2027-03-01\n" +
            "  deadline 2027-03-31\n" +
            "  budget 50_000\n" +
            "  currency EUR\n" +
            "  person ana \"Ana\" { rate 500/d }\n" +
            "  person bo \"Bo\" { rate 400/d }\n" +
            "  workstream data \"Data\" {\n" +
            "    task collect \"Collect\" { effort 4d  assign ana }\n" +
            "    task clean \"Clean\" { effort 2d  assign bo 50%  after collect fs+1d }\n" +
            "  }\n" +
            "  task docs \"Docs\" { duration 2d  after data.collect }\n" +
            "  milestone ready \"Ready\" { after data, docs }\n" +
            "}\n";

        // A plan to freeze as a baseline: mon..fri from Monday 2027-03-01, collect Mar 1–4 (4 × 500 = 2,000), clean Mar 5–10
        // (4 × 400 = 1,600), docs Mar 5–8 (fixed 600), ready on Mar 10. Cost 4,200; three tasks and a milestone.
        public const string Frozen =
            "program demo \"Demo\" {\n" +
            "  start 2027-03-01\n" +
            "  currency EUR\n" +
            "  person ana \"Ana\" { rate 500/d }\n" +
            "  person bo \"Bo\" { rate 400/d }\n" +
            "  workstream data \"Data\" {\n" +
            "    task collect \"Collect\" { duration 4d  assign ana }\n" +
            "    task clean \"Clean\" { duration 4d  assign bo  after collect }\n" +
            "  }\n" +
            "  task docs \"Docs\" { duration 2d  cost 600  after data.collect }\n" +
            "  milestone ready \"Ready\" { after data, docs }\n" +
            "}\n";

        public const string ValidTable =
            "Program demo \"Demo plan\"\n" +
            "  start 2027-03-01   finish 2027-03-11   9 working days   deadline 2027-03-31 (met, 14 working days to spare)\n" +
            "  cost 2,800 EUR   budget 50,000 EUR\n" +
            "  leveled: 3 schedules tried, no task waits for a person or pool\n" +
            "\n" +
            "   ID            Name     Start       Finish      Days  Float   Cost  Assigned  Delayed by\n" +
            "*  data.collect  Collect  2027-03-01  2027-03-04     4      0  2,000  ana\n" +
            "*  data.clean    Clean    2027-03-08  2027-03-11     4      0    800  bo 50%\n" +
            "   docs          Docs     2027-03-05  2027-03-08     2      3      0\n" +
            "*  ready         ◆ Ready  2027-03-11  2027-03-11     0      0      0\n" +
            "\n" +
            "Critical path, with resources (3 tasks): data.collect → data.clean → ready\n" +
            "* critical (zero total float); Days = working days of work (as taken, once finished); Float = total float in working days; Cost = planned labour, resource and fixed cost\n" +
            "Delayed by = the person or pool that held the task back, and for how many working days; ⇢ = waits for a person or pool\n" +
            "\n" +
            "Cost by workstream (EUR)\n" +
            "  data           Data  2,800\n" +
            "  program total        2,800\n";

        // Ana cannot do both 5-day and 3-day tasks at once. Leveled: 'first' takes Mar 1–5 (the longer task first
        // shortens the program), 'second' waits for Ana until Mar 8–10, 5 working days after its dependencies allowed.
        // Unleveled both start Mar 1 and she is at 200% on Mar 1–3 (TPM2101 at the first task's assignment, line 4 col 42).
        public const string Contended =
            "program contended \"Contended\" {\n" +
            "  start 2027-03-01\n" +
            "  person ana \"Ana\"\n" +
            "  task first \"First\" { effort 5d  assign ana }\n" +
            "  task second \"Second\" { effort 3d  assign ana }\n" +
            "  milestone done \"Done\" { after first, second }\n" +
            "}\n";

        /// <summary>One warning: TPM2003 at the effort statement, line 3 column 16.</summary>
        public const string WithWarning =
            "program warn \"Warn\" {\n" +
            "  start 2027-03-01\n" +
            "  task t \"T\" { effort 3d }\n" +
            "}\n";

        public const string WarningLine =
            "task 't' has effort 3d but nobody assigned, so it is taken as a duration of 3 working days; assign someone or use 'duration'";

        /// <summary>One error: TPM1001 at line 3 column 35 (the reference 'nope').</summary>
        public const string WithError =
            "program bad \"Bad\" {\n" +
            "  start 2027-03-01\n" +
            "  task t \"T\" { duration 1d  after nope }\n" +
            "}\n";

        public const string ErrorLine = "unknown task 'nope'";

        /// <summary>A fragment: a file of members, read through include; not a program on its own.</summary>
        public const string Fragment = "person zoe \"Zoe\" { rate 100/d }\n";
    }
}
