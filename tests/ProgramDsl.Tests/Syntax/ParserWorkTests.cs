using System.Linq;
using ProgramDsl.Syntax;
using static ProgramDsl.Tests.Syntax.SyntaxTestKit;

namespace ProgramDsl.Tests.Syntax;

/// <summary>Workstreams, tasks (every property) and milestones.</summary>
public class ParserWorkTests
{
    /// <summary>Column of a node inside a statement that <see cref="TaskStatement"/> put at column 1.</summary>
    private static int Column(PropertySyntax statement, SyntaxNode node) => node.Span.Start - statement.Span.Start + 1;

    private static string TextOf(string statement, PropertySyntax property, SyntaxNode node) =>
        statement.Substring(node.Span.Start - property.Span.Start, node.Span.Length);

    [Fact]
    public void Workstreams_nest_and_keep_their_children_in_order()
    {
        var tree = ParseClean(Lines(
            "program p {",
            "  workstream data \"Data & Features\" {",
            "    owner alice",
            "    after setup ss",
            "    due 2027-03-01",
            "    task eda { effort 10d }",
            "    workstream inner {",
            "      milestone done { after eda }",
            "    }",
            "    note \"n\"",
            "  }",
            "}"));
        var data = tree.ProgramOf().Member("data");
        data.Kind.Should().Be(DeclarationKind.Workstream);
        data.Title!.Value.Should().Be("Data & Features");
        data.Body.Select(s => s.Keyword.Text).Should().Equal("owner", "after", "due", "task", "workstream", "note");
        data.Property("after").Value<DependencyItemSyntax>().Type!.Text.Should().Be("ss");

        var eda = data.Member("eda");
        eda.Kind.Should().Be(DeclarationKind.Task);
        tree.ShouldSpan(eda, 6, 5, "task eda { effort 10d }");

        var inner = data.Member("inner");
        inner.Kind.Should().Be(DeclarationKind.Workstream);
        Position(tree.Source, inner.OpenBrace!.Value.Start).Should().Be((7, 22));
        Position(tree.Source, inner.CloseBrace!.Value.Start).Should().Be((9, 5));
        var done = inner.Member("done");
        done.Kind.Should().Be(DeclarationKind.Milestone);
        tree.ShouldSpan(done.Name, 8, 17, "done");
        tree.ShouldSpan(done.Property("after").Value<DependencyItemSyntax>().Target, 8, 30, "eda");
    }

    [Theory]
    [InlineData("effort 10d", 10, DurationUnit.Days)]
    [InlineData("effort 4h", 4, DurationUnit.Hours)]
    [InlineData("effort 2w", 2, DurationUnit.Weeks)]
    [InlineData("effort 2.5d", 2.5, DurationUnit.Days)]
    [InlineData("duration 15d", 15, DurationUnit.Days)]
    [InlineData("duration 1_000h", 1000, DurationUnit.Hours)]
    public void Effort_and_duration(string statement, double amount, DurationUnit unit)
    {
        var property = TaskStatement(statement);
        var duration = property.Value<DurationValueSyntax>();
        duration.Amount.Should().Be((decimal)amount);
        duration.Unit.Should().Be(unit);
        TextOf(statement, property, duration).Should().Be(statement.Substring(statement.IndexOf(' ') + 1));
    }

    [Fact]
    public void Estimate_has_three_durations()
    {
        const string statement = "estimate 8d 10d 15.5d";
        var property = TaskStatement(statement);
        property.Values.Cast<DurationValueSyntax>().Select(d => d.Amount).Should().Equal(8m, 10m, 15.5m);
        Column(property, property.Values[2]).Should().Be(17);
    }

    [Fact]
    public void Assign_people_with_shares()
    {
        const string statement = "assign alice, bob 50%";
        var property = TaskStatement(statement);
        var items = property.Values.Cast<AssignmentItemSyntax>().ToList();
        items.Should().HaveCount(2);
        items[0].Target.Text.Should().Be("alice");
        items[0].IsRole.Should().BeFalse();
        items[0].Share.Should().BeNull();
        items[1].Target.Text.Should().Be("bob");
        items[1].Share!.Percent.Should().Be(50m);
        Column(property, items[1]).Should().Be(15);
        TextOf(statement, property, items[1]).Should().Be("bob 50%");
        TextOf(statement, property, items[1].Share!).Should().Be("50%");
    }

    [Fact]
    public void Assign_role()
    {
        const string statement = "assign role data-engineer 50%, role";
        var property = TaskStatement(statement);
        var items = property.Values.Cast<AssignmentItemSyntax>().ToList();
        items[0].IsRole.Should().BeTrue();
        items[0].Target.Text.Should().Be("data-engineer");
        items[0].Share!.Percent.Should().Be(50m);
        TextOf(statement, property, items[0]).Should().Be("role data-engineer 50%");
        Column(property, items[0].Target).Should().Be(13);

        // 'role' with no name after it names a person called "role".
        items[1].IsRole.Should().BeFalse();
        items[1].Target.Text.Should().Be("role");
    }

    [Theory]
    [InlineData("after eda", null)]
    [InlineData("after eda fs", "fs")]
    [InlineData("after eda ss", "ss")]
    [InlineData("after eda ff", "ff")]
    [InlineData("after eda sf", "sf")]
    public void After_with_each_dependency_type(string statement, string? type)
    {
        var property = TaskStatement(statement);
        var item = property.Value<DependencyItemSyntax>();
        item.Target.Text.Should().Be("eda");
        (item.Type?.Text).Should().Be(type);
        item.Lag.Should().BeNull();
        item.IsLead.Should().BeFalse();
        TextOf(statement, property, item).Should().Be(statement.Substring("after ".Length));
    }

    [Theory]
    [InlineData("after eda fs+2d", "fs", false, 2, DurationUnit.Days)]
    [InlineData("after eda fs-2d", "fs", true, 2, DurationUnit.Days)]
    [InlineData("after eda ss+1w", "ss", false, 1, DurationUnit.Weeks)]
    [InlineData("after eda ff + 3d", "ff", false, 3, DurationUnit.Days)]
    [InlineData("after eda -1d", null, true, 1, DurationUnit.Days)]
    [InlineData("after eda +4h", null, false, 4, DurationUnit.Hours)]
    public void After_with_lags_and_leads(string statement, string? type, bool lead, int amount, DurationUnit unit)
    {
        var property = TaskStatement(statement);
        var item = property.Value<DependencyItemSyntax>();
        item.Target.Text.Should().Be("eda");
        (item.Type?.Text).Should().Be(type);
        item.IsLead.Should().Be(lead);
        item.Lag!.Amount.Should().Be(amount);
        item.Lag.Unit.Should().Be(unit);
        TextOf(statement, property, item).Should().Be(statement.Substring("after ".Length));
    }

    [Fact]
    public void After_list_with_qualified_targets()
    {
        const string statement = "after data.eda fs+2d, labeling ss, a.b.c";
        var property = TaskStatement(statement);
        var items = property.Values.Cast<DependencyItemSyntax>().ToList();
        items.Select(i => i.Target.Text).Should().Equal("data.eda", "labeling", "a.b.c");
        items[0].Target.Segments.Select(s => s.Text).Should().Equal("data", "eda");
        Column(property, items[0].Target.Segments[1]).Should().Be(12);
        Column(property, items[1]).Should().Be(23);
        TextOf(statement, property, items[1]).Should().Be("labeling ss");
        items[2].Target.Segments.Should().HaveCount(3);
        Column(property, items[2].Target.Segments[2]).Should().Be(40);
    }

    [Theory]
    [InlineData("requires skill spark", new[] { "spark" })]
    [InlineData("requires skills spark, sql", new[] { "spark", "sql" })]
    public void Requires_skills(string statement, string[] skills) =>
        TaskStatement(statement).Values.Cast<NameValueSyntax>().Select(n => n.Text).Should().Equal(skills);

    [Fact]
    public void Uses_resources_with_units()
    {
        const string statement = "uses gpu-pool 4, storage";
        var property = TaskStatement(statement);
        var items = property.Values.Cast<ResourceUseItemSyntax>().ToList();
        items[0].Resource.Text.Should().Be("gpu-pool");
        items[0].Units!.Value.Should().Be(4m);
        TextOf(statement, property, items[0]).Should().Be("gpu-pool 4");
        items[1].Resource.Text.Should().Be("storage");
        items[1].Units.Should().BeNull();
        Column(property, items[1]).Should().Be(18);
    }

    [Theory]
    [InlineData("not-before 2027-02-01")]
    [InlineData("due 2027-02-01")]
    [InlineData("actual-start 2027-02-01")]
    [InlineData("actual-finish 2027-02-01")]
    public void Task_dates(string statement)
    {
        var property = TaskStatement(statement);
        property.Keyword.Text.Should().Be(statement.Split(' ')[0]);
        property.Value<DateValueSyntax>().ToString().Should().Be("2027-02-01");
    }

    [Theory]
    [InlineData("priority 700", 700)]
    [InlineData("cost 5_000", 5000)]
    [InlineData("actual-cost 1_234.5", 1234.5)]
    public void Task_numbers(string statement, double value) =>
        TaskStatement(statement).Value<NumberValueSyntax>().Value.Should().Be((decimal)value);

    [Fact]
    public void Task_words_percent_owner_and_note()
    {
        TaskStatement("review fairness, privacy").Values.Cast<NameValueSyntax>().Select(n => n.Text).Should().Equal("fairness", "privacy");
        TaskStatement("progress 40%").Value<PercentValueSyntax>().Fraction.Should().Be(0.4m);
        TaskStatement("phase feasibility").Value<NameValueSyntax>().Text.Should().Be("feasibility");
        TaskStatement("owner platform").Value<ReferenceValueSyntax>().Reference.Text.Should().Be("platform");
        TaskStatement("note \"free text\"").Value<StringValueSyntax>().Value.Should().Be("free text");
    }

    [Fact]
    public void Task_with_every_property_in_one_block()
    {
        var tree = ParseClean(Lines(
            "program p {",
            "  task pipeline \"Feature pipeline\" {",
            "    effort 15d",
            "    estimate 8d 10d 15d",
            "    assign alice, bob 50%",
            "    after eda fs+2d, labeling ss",
            "    requires skill spark",
            "    uses gpu-pool 4, storage 1",
            "    not-before 2027-02-01",
            "    due 2027-03-01",
            "    priority 700",
            "    review fairness, privacy",
            "    cost 5000",
            "    progress 40%",
            "    actual-start 2027-01-05",
            "    actual-finish 2027-01-20",
            "    actual-cost 1200",
            "    phase data",
            "    owner alice",
            "    note \"free text\"",
            "  }",
            "}"));
        var task = tree.ProgramOf().Member("pipeline");
        task.Kind.Should().Be(DeclarationKind.Task);
        task.Body.Select(s => s.Keyword.Text).Should().Equal(
            "effort", "estimate", "assign", "after", "requires", "uses", "not-before", "due", "priority", "review", "cost",
            "progress", "actual-start", "actual-finish", "actual-cost", "phase", "owner", "note");
        task.Body.Should().AllBeOfType<PropertySyntax>();
        tree.ShouldSpan(task.Property("after"), 6, 5, "after eda fs+2d, labeling ss");
        tree.ShouldSpan(task.Property("note"), 20, 5, "note \"free text\"");
        Position(tree.Source, task.CloseBrace!.Value.Start).Should().Be((21, 3));
    }

    [Fact]
    public void Milestone_with_after_due_and_gate()
    {
        var tree = ParseClean(Lines(
            "program p {",
            "  milestone signoff \"Feasibility sign-off\" {",
            "    after data.eda",
            "    due 2027-02-15",
            "    gate auc, latency",
            "    phase evaluation",
            "    owner alice",
            "    not-before 2027-02-01",
            "    actual-finish 2027-02-14",
            "  }",
            "}"));
        var milestone = tree.ProgramOf().Member("signoff");
        milestone.Kind.Should().Be(DeclarationKind.Milestone);
        milestone.Title!.Value.Should().Be("Feasibility sign-off");
        milestone.Property("after").Value<DependencyItemSyntax>().Target.Text.Should().Be("data.eda");
        milestone.Property("due").Value<DateValueSyntax>().ToString().Should().Be("2027-02-15");
        var gates = milestone.Property("gate").Values.Cast<ReferenceValueSyntax>().ToList();
        gates.Select(g => g.Reference.Text).Should().Equal("auc", "latency");
        tree.ShouldSpan(gates[1], 5, 15, "latency");
        milestone.Body.Should().HaveCount(7);
    }
}
