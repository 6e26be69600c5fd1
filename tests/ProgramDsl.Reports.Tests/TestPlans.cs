using System.Linq;
using System.Text.Json;
using ProgramDsl;

namespace ProgramDsl.Reports.Tests
{
    /// <summary>Small plans whose schedules are worked out by hand in the comments.</summary>
    internal static class TestPlans
    {
        // Calendar: mon..fri, no holidays. 2027-03-01 is a Monday, so working-day index i is:
        //   0 Mar 1, 1 Mar 2, 2 Mar 3, 3 Mar 4, 4 Mar 5, 5 Mar 8, 6 Mar 9, 7 Mar 10, 8 Mar 11, 9 Mar 12.
        // data.collect: effort 4d, ana 100%            -> 4 days [0,4)  Mar 1..Mar 4,  cost 4 x 500       = 2000
        // data.clean:   effort 2d, bo 50%, fs+1d        -> 4 days [5,9)  Mar 8..Mar 11, cost 4 x 0.5 x 400 = 800
        // docs:         duration 2d after data.collect  ->        [4,6)  Mar 5..Mar 8,  cost 0
        // ready:        after data (all its tasks), docs -> S = 9, date = date(8) = Mar 11
        // Program finish index 9: finish Mar 11, 9 working days. Backward pass from 9:
        //   clean LS 5 (float 0); collect LF = min(LS clean - 1, LS docs) = min(4, 7) = 4 (float 0); docs LS 7 (float 3).
        // docs is due Mar 5 but finishes Mar 8 (index 5 vs 4): TPM2201, one working day late, at 'due' (line 12, column 55).
        public const string Demo =
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

        // Two errors: an unknown reference (3,35) and a duplicate 'a' (4,8) pointing back at (3,8); and a warning
        // TPM2003 at the effort statement (4,22).
        public const string Broken =
            "program bad \"Bad\" {\n" +
            "  start 2027-01-04\n" +
            "  task a \"A\" { duration 2d  after b }\n" +
            "  task a \"A again\" { effort 3d }\n" +
            "}\n";

        public static TpmProgram Compile(string text, string path = "plans/demo.tpm") => TpmProgram.Parse(text, path);

        public static JsonElement Parse(string json)
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.Clone();
        }

        public static string[] PropertyNames(JsonElement element) => element.EnumerateObject().Select(p => p.Name).ToArray();
    }
}
