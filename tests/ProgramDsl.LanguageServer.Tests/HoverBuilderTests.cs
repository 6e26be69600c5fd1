using System;
using System.Linq;
using OmniSharp.Extensions.LanguageServer.Protocol.Client.Capabilities;
using OmniSharp.Extensions.LanguageServer.Protocol.Models;
using ProgramDsl.Forecasting;
using ProgramDsl.LanguageServer.Features.Hover;
using ProgramDsl.LanguageServer.Features.InlayHints;
using ProgramDsl.LanguageServer.Handlers;
using ProgramDsl.Text;

namespace ProgramDsl.LanguageServer.Tests
{
    /// <summary>The hover and inlay hint content builders in process, on small plans.</summary>
    public sealed class HoverBuilderTests
    {
        private const string Plan = @"program p ""P"" {
  start 2027-01-04
  currency EUR
  calendar emea ""EMEA"" { workdays mon..thu  holiday 2027-01-06 }
  skill gnn ""Graph networks""
  role ds ""Data Scientist"" { rate 900/d }
  person ana ""Ana"" { role ds  skills gnn  calendar emea  capacity 50% }
  team ml ""ML"" { lead ana  members ana }
  stakeholder cfo ""CFO"" { raci accountable  cadence monthly  contact ana }
  task a ""A"" { effort 2d  estimate 1d 2d 4d  assign ana  priority 700 }
  milestone m ""M"" { after a  due 2027-02-01 }
  risk r ""R"" { likelihood 30%  impact 5d  owner ana  affects a  status open }
  decision d ""D"" { date 2027-01-05  owner ana  status accepted  rationale ""Because"" }
}
";

        [Fact]
        public void Without_a_forecast_the_hover_says_nothing_about_one_and_with_it_shows_the_milestone_percentiles()
        {
            var program = TpmProgram.Parse(Plan);
            var tree = program.SyntaxTrees[0];

            var without = Hover(program, "milestone m", 10);
            without.Should().NotContain("Forecast").And.NotContain("pending").And.NotContain("P50");

            var forecast = MonteCarloForecast.Run(program.Schedule!, new ForecastOptions { Iterations = 500, Seed = 0, MaxDegreeOfParallelism = 1 });
            var m = forecast.Milestones.Single().Finish;
            var with = HoverBuilder.Build(new HoverRequest(tree, Offset(tree, "milestone m", 10)) { Program = program, Forecast = forecast })!.Text;
            with.Should().EndWith("- Forecast: P50 " + m.P50 + " · P80 " + m.P80 + " · on time in 100% (500 runs)");
            m.Planned.Should().Be(program.Schedule!.Find("m")!.FinishDate, "the forecast is of the schedule the hover shows");
        }

        [Fact]
        public void A_task_of_a_quick_leveling_says_so_and_plain_text_has_no_markup()
        {
            var program = TpmProgram.Parse(Plan);
            var tree = program.SyntaxTrees[0];
            var request = new HoverRequest(tree, Offset(tree, "task a", 5)) { Program = program, QuickLeveling = true, Markdown = false };

            var text = HoverBuilder.Build(request)!.Text;

            // Ana works Monday to Thursday at half capacity, not on Jan 6: two days of effort take four working days.
            text.Should().StartWith("task a \"A\"\n\n2027-01-04 → 2027-01-11 · float 0 · critical\n\n- Start: 2027-01-04\n- Finish: 2027-01-11\n- Duration: 4 working days\n");
            text.Should().EndWith("\n\nDates from a quick leveling; the full leveling follows.");
            text.Should().NotContain("`").And.NotContain("**").And.NotContain("_");
        }

        [Fact]
        public void Other_symbols_get_a_kind_id_name_and_one_line_summaries()
        {
            var program = TpmProgram.Parse(Plan);
            var tree = program.SyntaxTrees[0];

            Hover(program, "calendar emea", 10).Should().Be("**calendar** `emea` \"EMEA\"\n\n- Workdays: mon, tue, wed, thu\n- Days off: 1 holiday");
            Hover(program, "skill gnn", 7).Should().Be("**skill** `gnn` \"Graph networks\"\n\n- People with it: `ana`");
            Hover(program, "role ds", 6).Should().Be("**role** `ds` \"Data Scientist\"\n\n- Rate: 900/d EUR\n- Held by: `ana`");
            Hover(program, "team ml", 6).Should().Be("**team** `ml` \"ML\"\n\n- Lead: `ana`\n- Members: `ana`");
            Hover(program, "stakeholder cfo", 13).Should().Be("**stakeholder** `cfo` \"CFO\"\n\n- RACI: accountable\n- Cadence: monthly\n- Contact: `ana`");
            Hover(program, "risk r", 5).Should().Be("**risk** `r` \"R\"\n\n- Likelihood: 30% · impact 5 working days · open\n- Owner: `ana`\n- Affects: `a`");
            Hover(program, "decision d", 9).Should().Be("**decision** `d` \"D\"\n\n- Status: accepted on 2027-01-05\n- Owner: `ana`\n- Rationale: Because");
            // Shares are counted as TPM2101 counts them: assigned full time on each of the four days (capacity stretches the days).
            Hover(program, "person ana", 7).Should().Be(
                "**person** `ana` \"Ana\"\n\n- Roles: `ds`\n- Skills: gnn\n- Calendar: `emea`\n- Capacity: 50%\n" +
                "- Load: 4 busy working days, 4 person-days, peak 100% (1 task)\n- Over-allocated: never (the schedule is leveled)");
        }

        [Fact]
        public void Keywords_show_their_allowed_words_and_ranges_from_the_statement_table()
        {
            var program = TpmProgram.Parse(Plan);
            var tree = program.SyntaxTrees[0];

            Hover(program, "priority 700", 2).Should().StartWith("`priority` — ").And.EndWith("\n\n- Range: priority is a whole number from 1 to 1000");
            Hover(program, "status open", 2).Should().StartWith("`status` — ").And.Contain("- Values: `open`");
            // 'task' as a declaration keyword inside the program block.
            Hover(program, "task a", 1).Should().StartWith("`task` — ");
        }

        [Fact]
        public void A_program_with_errors_still_names_its_symbols_but_has_no_dates()
        {
            var program = TpmProgram.Parse("program p \"P\" {\n  start 2027-01-04\n  task a \"A\" { effort 2d  assign nobody }\n}\n");
            var tree = program.SyntaxTrees[0];
            program.Schedule.Should().BeNull();

            var hover = HoverBuilder.Build(new HoverRequest(tree, Offset(tree, "task a", 5)) { Program = program })!;
            hover.Text.Should().Be("**task** `a` \"A\"\n\nNot scheduled: the program has errors.");

            // On the unknown name: the error, its title and docs link.
            var error = HoverBuilder.Build(new HoverRequest(tree, Offset(tree, "nobody", 2)) { Program = program })!;
            error.Text.Should().StartWith("**TPM1001** ").And.Contain("— [docs](https://github.com/programdsl/programdsl/blob/main/docs/diagnostics/TPM1001.md)\n\nunknown person 'nobody'");
            error.Span.Should().Be(new TextSpan(Offset(tree, "nobody", 0), 6));
        }

        [Fact]
        public void Codes_in_comments_must_be_whole_and_known_and_a_file_parsed_alone_still_answers_keywords()
        {
            var tree = ProgramDsl.Syntax.SyntaxTree.Parse(new SourceText("f.tpm", "// TPM3001 TPM30011 TPM9999\nperson ana \"Ana\" { rate 900/d }\n"));

            HoverBuilder.Build(new HoverRequest(tree, 4))!.Span.Should().Be(new TextSpan(3, 7));
            HoverBuilder.Build(new HoverRequest(tree, 14)).Should().BeNull("TPM30011 is not a code");
            HoverBuilder.Build(new HoverRequest(tree, 23)).Should().BeNull("no diagnostic has the code TPM9999");
            HoverBuilder.Build(new HoverRequest(tree, Offset(tree, "rate", 1)))!.Text.Should().StartWith("`rate` — ");
            HoverBuilder.Build(new HoverRequest(tree, Offset(tree, "ana", 1))).Should().BeNull("without a program no symbol is known");
            HoverBuilder.Build(new HoverRequest(tree, 10_000)).Should().BeNull();
        }

        [Fact]
        public void Markdown_escapes_the_plan_s_words_and_plain_text_keeps_them()
        {
            new HoverText(true).Words("a*b_c [x]").Should().Be("a\\*b\\_c \\[x\\]");
            new HoverText(false).Words("a*b_c [x]").Should().Be("a*b_c [x]");
            new HoverText(true).Code("x`y").Should().Be("`x'y`");
            new HoverText(false).Link("docs", "https://x").Should().Be("docs: https://x");
        }

        [Fact]
        public void The_client_s_content_format_order_decides_markdown()
        {
            HoverHandler.PrefersMarkdown(new HoverCapability { ContentFormat = new Container<MarkupKind>(MarkupKind.Markdown, MarkupKind.PlainText) }).Should().BeTrue();
            HoverHandler.PrefersMarkdown(new HoverCapability { ContentFormat = new Container<MarkupKind>(MarkupKind.PlainText, MarkupKind.Markdown) }).Should().BeFalse();
            HoverHandler.PrefersMarkdown(new HoverCapability()).Should().BeFalse();
            HoverHandler.PrefersMarkdown(null).Should().BeFalse();
        }

        [Fact]
        public void Inlay_hints_keep_the_compiled_position_clamped_to_a_buffer_that_moved_on()
        {
            var compiled = new SourceText("p.tpm", "aaaa\nbbbbbbbb\ncc");
            var buffer = new SourceText("p.tpm", "aaaa\nbb");

            var same = InlayHintHandler.PositionIn(compiled, null, 11)!;
            (same.Line, same.Character).Should().Be((1, 6));
            var clamped = InlayHintHandler.PositionIn(compiled, buffer, 11)!;
            (clamped.Line, clamped.Character).Should().Be((1, 2));
            InlayHintHandler.PositionIn(compiled, buffer, 15).Should().BeNull("the buffer has no third line");
        }

        [Fact]
        public void Schedule_hints_label_milestones_with_one_date_and_skip_files_of_other_programs()
        {
            var program = TpmProgram.Parse(Plan);
            var tree = program.SyntaxTrees[0];
            var hints = ScheduleHints.For(program, tree, new TextSpan(0, tree.Source.Length));

            hints.Select(h => h.Task.Id + " " + h.Label).Should().Equal("a 2027-01-04 → 2027-01-11 · float 0 · critical", "m 2027-01-11 · float 0 · critical");
            hints[0].Offset.Should().Be(Offset(tree, "task a \"A\"", 10), "right after the title");
            var other = TpmProgram.Parse(Plan, "other.tpm").SyntaxTrees[0];
            ScheduleHints.For(program, other, new TextSpan(0, other.Source.Length)).Should().BeEmpty();
        }

        private static string Hover(TpmProgram program, string anchor, int column)
        {
            var tree = program.SyntaxTrees[0];
            return HoverBuilder.Build(new HoverRequest(tree, Offset(tree, anchor, column)) { Program = program })!.Text;
        }

        private static int Offset(ProgramDsl.Syntax.SyntaxTree tree, string anchor, int column)
        {
            int at = tree.Source.Text.IndexOf(anchor, StringComparison.Ordinal);
            at.Should().BeGreaterThanOrEqualTo(0, anchor);
            return at + column;
        }
    }
}
