namespace ProgramDsl.Tests.Comparison
{
    /// <summary>
    /// A plan and its next version, with both schedules worked out by hand, for the diff's tests (the Reports tests link
    /// this file for the formatters).
    /// </summary>
    internal static class DiffPlans
    {
        // Calendar: mon..fri, no holidays; 2027-03-01 is a Monday. Working-day index i:
        //   0 Mar 1, 1 Mar 2, 2 Mar 3, 3 Mar 4, 4 Mar 5, 5 Mar 8, 6 Mar 9, 7 Mar 10, 8 Mar 11, 9 Mar 12,
        //   10 Mar 15, 11 Mar 16, 12 Mar 17, ..., 20 Mar 29, 21 Mar 30, 22 Mar 31.
        // Old:
        //   data.collect  effort 4d, ana           [0,4)  Mar 1..Mar 4    cost 4 x 500       = 2000
        //   data.clean    effort 2d, bo 50%, fs+1d [5,9)  Mar 8..Mar 11   cost 4 x 0.5 x 400 =  800
        //   docs          duration 2d              [4,6)  Mar 5..Mar 8    due Mar 5: TPM2201, 1 working day late
        //   ready         after data, docs         Mar 11 (index 8)
        //   finish Mar 11, 9 working days, cost 2800; deadline Mar 31 (index 22): margin 22 - 8 = 14.
        //   critical path: data.collect -> data.clean -> ready.
        public const string Old =
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
            "  task docs \"Docs\" { duration 2d  after data.collect  due 2027-03-05 }\n" +
            "  milestone ready \"Ready\" { after data, docs }\n" +
            "}\n";

        // New: clean re-estimated (effort 4d) and due Mar 12; docs renamed "Documentation", assigned to ana, due Mar 8;
        // review added; a comment line above the workstream shifts every later line by one.
        //   data.collect  unchanged                [0,4)  Mar 1..Mar 4    2000
        //   data.clean    effort 4d, bo 50%        [5,13) Mar 8..Mar 17   8 x 0.5 x 400 = 1600; due Mar 12: TPM2201, 3 working days late (9 -> 12)
        //   docs          duration 2d, ana         [4,6)  Mar 5..Mar 8    2 x 500 = 1000; due Mar 8: met, the old TPM2201 is resolved
        //   review        duration 1d after docs   [6,7)  Mar 9           0
        //   ready         Mar 17 (index 12): moved +4 working days
        //   finish Mar 17 (+4), 13 working days, cost 4600 (+1800); margin 22 - 12 = 10 (-4).
        public const string New =
            "program demo \"Demo plan\" {\n" +
            "  start 2027-03-01\n" +
            "  deadline 2027-03-31\n" +
            "  budget 50_000\n" +
            "  currency EUR\n" +
            "  person ana \"Ana\" { rate 500/d }\n" +
            "  person bo \"Bo\" { rate 400/d }\n" +
            "  // the data work\n" +
            "  workstream data \"Data\" {\n" +
            "    task collect \"Collect\" { effort 4d  assign ana }\n" +
            "    task clean \"Clean\" { effort 4d  assign bo 50%  after collect fs+1d  due 2027-03-12 }\n" +
            "  }\n" +
            "  task docs \"Documentation\" { duration 2d  assign ana  after data.collect  due 2027-03-08 }\n" +
            "  task review \"Review\" { duration 1d  after docs }\n" +
            "  milestone ready \"Ready\" { after data, docs }\n" +
            "}\n";

        public static TpmProgram Compile(string text, string path = "plans/demo.tpm") => TpmProgram.Parse(text, path);
    }
}
