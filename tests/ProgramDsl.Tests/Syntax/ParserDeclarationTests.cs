using System;
using System.Linq;
using ProgramDsl.Syntax;
using static ProgramDsl.Tests.Syntax.SyntaxTestKit;

namespace ProgramDsl.Tests.Syntax;

/// <summary>Program header, program settings and the non-work declarations of design §3.</summary>
public class ParserDeclarationTests
{
    [Fact]
    public void Program_header_has_name_title_braces_and_spans()
    {
        var text = Lines(
            "program fraud-v2 \"Fraud Detection v2\" {",
            "  start 2027-01-04",
            "}");
        var tree = ParseClean(text);

        var program = tree.Root.Statements.Should().ContainSingle().Which.Should().BeOfType<DeclarationSyntax>().Which;
        program.Kind.Should().Be(DeclarationKind.Program);
        tree.Root.Program.Should().BeSameAs(program);
        tree.ShouldSpan(program.Keyword, 1, 1, "program");
        tree.ShouldSpan(program.Name, 1, 9, "fraud-v2");
        program.Title!.Value.Should().Be("Fraud Detection v2");
        tree.ShouldSpan(program.Title, 1, 18, "\"Fraud Detection v2\"");
        Position(tree.Source, program.OpenBrace!.Value.Start).Should().Be((1, 39));
        Position(tree.Source, program.CloseBrace!.Value.Start).Should().Be((3, 1));
        program.Span.Should().Be(new ProgramDsl.Text.TextSpan(0, text.Length));
        tree.Source.ToString(program.HeaderSpan).Should().Be("program fraud-v2 \"Fraud Detection v2\"");
        program.ContainsErrors.Should().BeFalse();

        var start = program.Property("start");
        tree.ShouldSpan(start, 2, 3, "start 2027-01-04");
        tree.ShouldSpan(start.Keyword, 2, 3, "start");
    }

    [Fact]
    public void Program_without_title_has_null_title()
    {
        var program = ParseClean("program p { }").ProgramOf();
        program.Name.Text.Should().Be("p");
        program.Title.Should().BeNull();
        program.Body.Should().BeEmpty();
    }

    [Theory]
    [InlineData("start 2027-01-04", 7, 2027, 1, 4)]
    [InlineData("deadline 2027-06-30", 10, 2027, 6, 30)]
    [InlineData("status-date 2027-02-10", 13, 2027, 2, 10)]
    public void Program_date_settings(string statement, int column, int year, int month, int day)
    {
        var property = ProgramStatement(statement);
        property.Keyword.Text.Should().Be(statement.Split(' ')[0]);
        var date = property.Value<DateValueSyntax>();
        (date.Year, date.Month, date.Day).Should().Be((year, month, day));
        date.IsValid.Should().BeTrue();
        Position(Parse(Lines("program p {", statement, "}")).Source, date.Span.Start).Should().Be((2, column));
        date.Span.Length.Should().Be(10);
    }

    [Fact]
    public void Program_scalar_settings()
    {
        ProgramStatement("currency USD").Value<NameValueSyntax>().Text.Should().Be("USD");
        var budget = ProgramStatement("budget 1_200_000").Value<NumberValueSyntax>();
        budget.Value.Should().Be(1_200_000m);
        budget.Span.Length.Should().Be("1_200_000".Length);
        ProgramStatement("hours-per-day 7.5").Value<NumberValueSyntax>().Value.Should().Be(7.5m);
        ProgramStatement("leveling off").Value<NameValueSyntax>().Text.Should().Be("off");
        ProgramStatement("leveling on").Value<NameValueSyntax>().Text.Should().Be("on");
        ProgramStatement("note \"free text\"").Value<StringValueSyntax>().Value.Should().Be("free text");
    }

    [Fact]
    public void Program_workdays_and_holiday()
    {
        var workdays = ProgramStatement("workdays mon..fri").Value<WeekdayRangeSyntax>();
        (workdays.From, workdays.To).Should().Be((DayOfWeek.Monday, (DayOfWeek?)DayOfWeek.Friday));

        var tree = ParseClean(Lines("program p {", "holiday 2027-01-18 \"MLK Day\"", "}"));
        var holiday = tree.ProgramOf().Property("holiday");
        holiday.Values.Should().HaveCount(2);
        var day = holiday.Value<DateRangeValueSyntax>();
        day.From.ToString().Should().Be("2027-01-18");
        day.To.Should().BeNull();
        tree.ShouldSpan(day, 2, 9, "2027-01-18");
        var label = holiday.Value<StringValueSyntax>(1);
        label.Value.Should().Be("MLK Day");
        tree.ShouldSpan(label, 2, 20, "\"MLK Day\"");
    }

    [Fact]
    public void Include_holds_the_path()
    {
        var tree = ParseClean(Lines("program p {", "  include \"sub/teams.tpm\"", "}"));
        var include = tree.ProgramOf().Body.Should().ContainSingle().Which.Should().BeOfType<IncludeSyntax>().Which;
        include.Path.Value.Should().Be("sub/teams.tpm");
        tree.ShouldSpan(include, 2, 3, "include \"sub/teams.tpm\"");
        tree.ShouldSpan(include.Path, 2, 11, "\"sub/teams.tpm\"");
    }

    [Fact]
    public void Fragment_file_holds_members_at_the_top()
    {
        var tree = ParseClean(Lines("person alice", "include \"more.tpm\"", "role r"));
        tree.Root.Program.Should().BeNull();
        tree.Root.Statements.Select(s => s.Keyword.Text).Should().Equal("person", "include", "role");
    }

    [Fact]
    public void Calendar_with_body()
    {
        var tree = ParseClean(Lines(
            "program p {",
            "  calendar emea \"EMEA office\" { workdays mon..thu, sat  holiday 2027-04-05 \"Easter Monday\" }",
            "}"));
        var calendar = tree.ProgramOf().Member("emea");
        calendar.Kind.Should().Be(DeclarationKind.Calendar);
        calendar.Title!.Value.Should().Be("EMEA office");
        var days = calendar.Property("workdays").Values.Cast<WeekdayRangeSyntax>().ToList();
        days.Should().HaveCount(2);
        (days[0].From, days[0].To).Should().Be((DayOfWeek.Monday, (DayOfWeek?)DayOfWeek.Thursday));
        (days[1].From, days[1].To).Should().Be((DayOfWeek.Saturday, (DayOfWeek?)null));
        tree.ShouldSpan(days[0], 2, 42, "mon..thu");
        tree.ShouldSpan(days[1], 2, 52, "sat");
        calendar.Property("holiday").Value<StringValueSyntax>(1).Value.Should().Be("Easter Monday");
        Position(tree.Source, calendar.CloseBrace!.Value.Start).Should().Be((2, 92));
        tree.ShouldSpan(calendar, 2, 3, tree.Source.Text.Split('\n')[1].Substring(2));
    }

    [Fact]
    public void Role_and_skill_with_and_without_body()
    {
        var tree = ParseClean(Lines(
            "program p {",
            "  role data-scientist \"Data Scientist\"",
            "  role data-engineer { rate 900/d }",
            "  skill spark \"Apache Spark\"",
            "}"));
        var program = tree.ProgramOf();
        var scientist = program.Member("data-scientist");
        scientist.Kind.Should().Be(DeclarationKind.Role);
        scientist.Title!.Value.Should().Be("Data Scientist");
        scientist.OpenBrace.Should().BeNull();
        scientist.Body.Should().BeEmpty();
        tree.ShouldSpan(scientist, 2, 3, "role data-scientist \"Data Scientist\"");

        var engineer = program.Member("data-engineer");
        engineer.Title.Should().BeNull();
        var rate = engineer.Property("rate").Value<RateValueSyntax>();
        (rate.Amount, rate.Per).Should().Be((900m, DurationUnit.Days));
        tree.ShouldSpan(rate, 3, 29, "900/d");

        program.Member("spark").Kind.Should().Be(DeclarationKind.Skill);
    }

    [Fact]
    public void Person_with_every_setting()
    {
        var tree = ParseClean(Lines(
            "program p {",
            "  person alice \"Alice Chen\" {",
            "    role data-scientist, data-engineer",
            "    skills python, sql, xgboost",
            "    capacity 80%",
            "    rate 950/d",
            "    calendar emea",
            "    vacation 2027-03-01..2027-03-05 \"Spring break\"",
            "    vacation 2027-04-02",
            "    email \"alice@example.com\"",
            "  }",
            "  person bob { rate 120/h }",
            "}"));
        var alice = tree.ProgramOf().Member("alice");
        alice.Kind.Should().Be(DeclarationKind.Person);
        alice.Title!.Value.Should().Be("Alice Chen");
        alice.Body.Select(s => s.Keyword.Text).Should().Equal("role", "skills", "capacity", "rate", "calendar", "vacation", "vacation", "email");

        var roles = alice.Property("role").Values.Cast<ReferenceValueSyntax>().Select(r => r.Reference.Text);
        roles.Should().Equal("data-scientist", "data-engineer");
        tree.ShouldSpan(alice.Property("role").Values[1], 3, 26, "data-engineer");
        alice.Property("skills").Values.Cast<NameValueSyntax>().Select(n => n.Text).Should().Equal("python", "sql", "xgboost");

        var capacity = alice.Property("capacity").Value<PercentValueSyntax>();
        (capacity.Percent, capacity.Fraction).Should().Be((80m, 0.8m));
        tree.ShouldSpan(capacity, 5, 14, "80%");

        var rate = alice.Property("rate").Value<RateValueSyntax>();
        (rate.Amount, rate.Per).Should().Be((950m, DurationUnit.Days));
        alice.Property("calendar").Value<ReferenceValueSyntax>().Reference.Text.Should().Be("emea");

        var vacations = alice.Body.OfType<PropertySyntax>().Where(p => p.Keyword.Text == "vacation").ToList();
        var range = vacations[0].Value<DateRangeValueSyntax>();
        range.From.ToString().Should().Be("2027-03-01");
        range.To!.ToString().Should().Be("2027-03-05");
        tree.ShouldSpan(range, 8, 14, "2027-03-01..2027-03-05");
        tree.ShouldSpan(range.To, 8, 26, "2027-03-05");
        vacations[0].Value<StringValueSyntax>(1).Value.Should().Be("Spring break");
        var single = vacations[1].Value<DateRangeValueSyntax>();
        single.To.Should().BeNull();
        vacations[1].Values.Should().HaveCount(1);
        alice.Property("email").Value<StringValueSyntax>().Value.Should().Be("alice@example.com");

        var hourly = tree.ProgramOf().Member("bob").Property("rate").Value<RateValueSyntax>();
        (hourly.Amount, hourly.Per).Should().Be((120m, DurationUnit.Hours));
        tree.ShouldSpan(hourly, 12, 21, "120/h");
    }

    [Fact]
    public void Team_resource_and_stakeholder()
    {
        var tree = ParseClean(Lines(
            "program p {",
            "  team platform \"ML Platform\" { lead alice  members alice, bob }",
            "  resource gpu-pool \"A100 pool\" { capacity 16  rate 2.5/h }",
            "  resource storage \"Feature-store slots\" { capacity 4 }",
            "  stakeholder vp-risk \"VP Risk\" { raci accountable  cadence weekly  contact alice }",
            "}"));
        var program = tree.ProgramOf();
        var team = program.Member("platform");
        team.Kind.Should().Be(DeclarationKind.Team);
        team.Property("lead").Value<ReferenceValueSyntax>().Reference.Text.Should().Be("alice");
        team.Property("members").Values.Cast<ReferenceValueSyntax>().Select(r => r.Reference.Text).Should().Equal("alice", "bob");
        tree.ShouldSpan(team.Property("members"), 2, 45, "members alice, bob");

        var gpu = program.Member("gpu-pool");
        gpu.Kind.Should().Be(DeclarationKind.Resource);
        gpu.Property("capacity").Value<NumberValueSyntax>().Value.Should().Be(16m);
        var rate = gpu.Property("rate").Value<RateValueSyntax>();
        (rate.Amount, rate.Per).Should().Be((2.5m, DurationUnit.Hours));
        program.Member("storage").Property("capacity").Value<NumberValueSyntax>().Value.Should().Be(4m);

        var vp = program.Member("vp-risk");
        vp.Kind.Should().Be(DeclarationKind.Stakeholder);
        vp.Property("raci").Value<NameValueSyntax>().Text.Should().Be("accountable");
        vp.Property("cadence").Value<NameValueSyntax>().Text.Should().Be("weekly");
        vp.Property("contact").Value<ReferenceValueSyntax>().Reference.Text.Should().Be("alice");
    }

    [Theory]
    [InlineData(">= 0.85", ">=", "0.85")]
    [InlineData("<= 120", "<=", "120")]
    [InlineData("> 0.5", ">", "0.5")]
    [InlineData("< 3", "<", "3")]
    [InlineData("= 1", "=", "1")]
    [InlineData(">=-2.5", ">=", "-2.5")]
    public void Metric_target_comparisons(string target, string op, string value)
    {
        var comparison = StatementIn("metric", "target " + target).Value<ComparisonValueSyntax>();
        comparison.Operator.Should().Be(op);
        comparison.Value.Should().Be(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture));
        comparison.Span.Start.Should().Be("program p {\nmetric x {\ntarget ".Length);
        comparison.Span.Length.Should().Be(target.Length);
    }

    [Fact]
    public void Metric_with_signed_current_unit_and_owner()
    {
        var tree = ParseClean(Lines(
            "program p {",
            "  metric auc \"AUC on holdout\" { target >= 0.85  current 0.81  unit \"AUC\"  owner alice }",
            "  metric drift { target < 0  current -0.25 }",
            "}"));
        var auc = tree.ProgramOf().Member("auc");
        auc.Kind.Should().Be(DeclarationKind.Metric);
        auc.Property("current").Value<NumberValueSyntax>().Value.Should().Be(0.81m);
        auc.Property("unit").Value<StringValueSyntax>().Value.Should().Be("AUC");
        auc.Property("owner").Value<ReferenceValueSyntax>().Reference.Text.Should().Be("alice");
        var negative = tree.ProgramOf().Member("drift").Property("current").Value<NumberValueSyntax>();
        negative.Value.Should().Be(-0.25m);
        tree.ShouldSpan(negative, 3, 38, "-0.25");
    }

    [Fact]
    public void Risk_with_every_setting()
    {
        var tree = ParseClean(Lines(
            "program p {",
            "  risk label-quality \"Label quality insufficient\" {",
            "    likelihood 30%",
            "    impact 10d",
            "    owner alice",
            "    mitigation \"Budget a relabeling sprint\"",
            "    affects data.pipeline, eda",
            "    status open",
            "  }",
            "  risk r2 { likelihood high }",
            "}"));
        var risk = tree.ProgramOf().Member("label-quality");
        risk.Kind.Should().Be(DeclarationKind.Risk);
        risk.Property("likelihood").Value<PercentValueSyntax>().Percent.Should().Be(30m);
        var impact = risk.Property("impact").Value<DurationValueSyntax>();
        (impact.Amount, impact.Unit).Should().Be((10m, DurationUnit.Days));
        risk.Property("owner").Value<ReferenceValueSyntax>().Reference.Text.Should().Be("alice");
        risk.Property("mitigation").Value<StringValueSyntax>().Value.Should().Be("Budget a relabeling sprint");
        var affects = risk.Property("affects").Values.Cast<ReferenceValueSyntax>().ToList();
        affects.Select(a => a.Reference.Text).Should().Equal("data.pipeline", "eda");
        tree.ShouldSpan(affects[0], 7, 13, "data.pipeline");
        risk.Property("status").Value<NameValueSyntax>().Text.Should().Be("open");

        var word = tree.ProgramOf().Member("r2").Property("likelihood").Value<NameValueSyntax>();
        word.Text.Should().Be("high");
        tree.ShouldSpan(word, 10, 24, "high");
    }

    [Theory]
    [InlineData("low")]
    [InlineData("medium")]
    [InlineData("high")]
    public void Risk_likelihood_words(string word) =>
        StatementIn("risk", "likelihood " + word).Value<NameValueSyntax>().Text.Should().Be(word);

    [Fact]
    public void Decision_on_one_line()
    {
        var tree = ParseClean(Lines(
            "program p {",
            "  decision xgb \"XGBoost for the baseline\" { date 2027-01-20  owner alice  status accepted  rationale \"fast\"  affects eda }",
            "}"));
        var decision = tree.ProgramOf().Member("xgb");
        decision.Kind.Should().Be(DeclarationKind.Decision);
        decision.Body.Select(s => s.Keyword.Text).Should().Equal("date", "owner", "status", "rationale", "affects");
        decision.Property("date").Value<DateValueSyntax>().ToString().Should().Be("2027-01-20");
        decision.Property("status").Value<NameValueSyntax>().Text.Should().Be("accepted");
        decision.Property("rationale").Value<StringValueSyntax>().Value.Should().Be("fast");
        tree.ShouldSpan(decision.Property("owner"), 2, 62, "owner alice");
    }
}
