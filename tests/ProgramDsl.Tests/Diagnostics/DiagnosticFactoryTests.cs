using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using FluentAssertions;
using ProgramDsl.Diagnostics;
using ProgramDsl.Semantics;
using ProgramDsl.Syntax;
using ProgramDsl.Tests.Robustness;
using ProgramDsl.Text;
using Xunit;

namespace ProgramDsl.Tests.Diagnostics;

/// <summary>
/// Message texts come from the catalogue's typed factories: call sites outside the catalogue never hand a converted
/// descriptor a text of their own, and the factories write the exact words the tools have always printed.
/// </summary>
public class DiagnosticFactoryTests
{
    /// <summary>
    /// Descriptors whose every message is written by a factory in Diagnostics/DiagnosticMessages*.cs. A descriptor
    /// joins this list when its last call site is converted; the guard below then keeps it that way.
    /// </summary>
    private static readonly string[] Converted =
    {
        nameof(DiagnosticCatalog.SyntaxError), nameof(DiagnosticCatalog.UnknownReference),
        nameof(DiagnosticCatalog.InvalidConfiguration), nameof(DiagnosticCatalog.IncludeError), nameof(DiagnosticCatalog.IncludeOutsideWorkspace),
        nameof(DiagnosticCatalog.InputLimitExceeded), nameof(DiagnosticCatalog.MissingSetting), nameof(DiagnosticCatalog.InvalidValue),
        nameof(DiagnosticCatalog.ConflictingSetting), nameof(DiagnosticCatalog.NoWorkingDays), nameof(DiagnosticCatalog.OutOfCalendarRange),
        nameof(DiagnosticCatalog.AmountOutOfRange), nameof(DiagnosticCatalog.WorkBudgetExhausted), nameof(DiagnosticCatalog.OverAllocation),
        nameof(DiagnosticCatalog.InfeasibleDemand), nameof(DiagnosticCatalog.DueDateMissed), nameof(DiagnosticCatalog.DeadlineMissed),
        nameof(DiagnosticCatalog.UnmanagedRisk), nameof(DiagnosticCatalog.MissingSkill), nameof(DiagnosticCatalog.NoEvaluationGate),
        nameof(DiagnosticCatalog.NoMonitoring), nameof(DiagnosticCatalog.MissingReview), nameof(DiagnosticCatalog.GateMetricBelowTarget),
        nameof(DiagnosticCatalog.OverBudget), nameof(DiagnosticCatalog.BuilderUnknownId), nameof(DiagnosticCatalog.BuilderDuplicateId),
        nameof(DiagnosticCatalog.BuilderSelfDependency), nameof(DiagnosticCatalog.BuilderDependencyCycle), nameof(DiagnosticCatalog.BuilderResultUnused),
        nameof(DiagnosticCatalog.BuilderClockDate), nameof(DiagnosticCatalog.BuilderInvalidValue), nameof(DiagnosticCatalog.BuilderConflictingWork),
        nameof(DiagnosticCatalog.BuilderNoWork), nameof(DiagnosticCatalog.DuplicateDefinition), nameof(DiagnosticCatalog.AmbiguousReference),
        nameof(DiagnosticCatalog.WrongKind), nameof(DiagnosticCatalog.NoWork), nameof(DiagnosticCatalog.EffortWithoutAssignee),
        nameof(DiagnosticCatalog.DependencyCycle),
    };

    private static readonly Regex Use = new Regex(@"\b(?:DiagnosticCatalog|Catalog)\.(" + string.Join("|", Converted) + @")\b(?!\s*\()", RegexOptions.Compiled);

    [Fact]
    public void Converted_descriptors_are_used_only_through_their_factories()
    {
        var root = RepoFiles.Root;
        var catalogue = Path.Combine(root, "src", "ProgramDsl", "Diagnostics");
        var offenders = new[] { "src", "analyzers" }
            .SelectMany(d => Directory.GetFiles(Path.Combine(root, d), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar) && !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar))
            .Where(f => !(f.StartsWith(catalogue, StringComparison.Ordinal) && Path.GetFileName(f).StartsWith("DiagnosticMessages", StringComparison.Ordinal)))
            .Where(f => !f.EndsWith(Path.Combine("Diagnostics", "DiagnosticCatalog.cs"), StringComparison.Ordinal))
            .SelectMany(f => File.ReadAllLines(f).Select((line, i) => (File: Path.GetRelativePath(root, f), Line: i + 1, Text: line)))
            // Asking which descriptor a diagnostic has is fine; making one with a text of the caller's is not.
            .Where(l => Use.IsMatch(l.Text) && !l.Text.Contains("ReferenceEquals(", StringComparison.Ordinal) && !l.Text.Contains("==", StringComparison.Ordinal))
            .Select(l => l.File + ":" + l.Line + ": " + l.Text.Trim())
            .ToList();

        offenders.Should().BeEmpty("these descriptors' messages are written only by the catalogue's factories");
        Converted.Should().OnlyContain(name => typeof(DiagnosticCatalog).GetField(name) != null, "every listed name is a descriptor of the catalogue");
    }

    [Fact]
    public void The_guard_notices_a_raw_message()
    {
        Use.IsMatch("Diagnostic.Create(DiagnosticCatalog.InvalidValue, at, \"words\")").Should().BeTrue();
        Use.IsMatch("context.ReportDiagnostic(Create(Catalog.BuilderInvalidValue, location, null, null, message));").Should().BeTrue();
        Use.IsMatch("_diagnostics.Add(DiagnosticCatalog.InvalidValueFoo(at));").Should().BeFalse();
        Use.IsMatch("Report(DiagnosticCatalog.SyntaxError, at, \"words\")").Should().BeTrue();
        Use.IsMatch("Report(DiagnosticCatalog.UnknownReference, at, noun, name, suggestion)").Should().BeTrue();
        Use.IsMatch("Report(DiagnosticCatalog.SyntaxErrorAt(at))").Should().BeFalse("a factory whose name starts like a descriptor's is no use of it");
    }

    private static SourceLocation At(string text = "program p \"P\" { }") => new SourceLocation(new SourceText("plan.tpm", text), new TextSpan(0, 7));

    [Fact]
    public void Binding_factories_write_the_compilers_words()
    {
        var d = DiagnosticCatalog.OutOfRange(At(), ValueRanges.Priority, 1234.5m);
        d.Code.Should().Be("TPM1102");
        d.Severity.Should().Be(DiagnosticSeverity.Error);
        d.Message.Should().Be(ValueRanges.Priority.Rule + ", not 1234.5");

        DiagnosticCatalog.EstimateNotOrdered(At(), 3m, 2.5m, 10m).Message
            .Should().Be("an estimate is optimistic, most likely, pessimistic with o ≤ m ≤ p; 3d 2.5d 10d is not ordered");
        DiagnosticCatalog.NotOneOf(At(), "hihg", "level", new[] { "low", "medium", "high" }).Message
            .Should().Be("'hihg' is not a valid level; did you mean 'high'?");
        DiagnosticCatalog.NotOneOf(At(), "zzzzzz", "level", new[] { "low", "high" }).Message
            .Should().Be("'zzzzzz' is not a valid level; use low, high");
        DiagnosticCatalog.DeadlineBeforeStart(At(), CalendarDate.FromYmd(2027, 1, 1), CalendarDate.FromYmd(2027, 2, 1)).Message
            .Should().Be("the deadline 2027-01-01 is before the program start 2027-02-01");
    }

    [Fact]
    public void Unknown_reference_factories_write_the_suggestion_ending()
    {
        var d = DiagnosticCatalog.UnknownName(At(), "task", "dsign", "design");
        d.Descriptor.Should().BeSameAs(DiagnosticCatalog.UnknownReference);
        d.Message.Should().Be("unknown task 'dsign'; did you mean 'design'?");
        DiagnosticCatalog.UnknownName(At(), "skill", "cobol", null).Message.Should().Be("unknown skill 'cobol'");
        DiagnosticCatalog.UnknownMemberOfLeaf(At(), "task", "lea.x", "person 'lea'", "x").Message
            .Should().Be("unknown task 'lea.x'; person 'lea' has no members, so 'x' cannot be found in it");
        DiagnosticCatalog.UnknownWorkstreamMember(At(), "task", "ws.b", "ws", "b", null).Message.Should().Be("unknown task 'ws.b'; workstream 'ws' has no 'b'");
        DiagnosticCatalog.UnknownWorkstreamMember(At(), "task", "ws.b", "ws", "b", "ws.a").Message.Should().Be("unknown task 'ws.b'; did you mean 'ws.a'?");
    }

    [Fact]
    public void Syntax_factories_write_the_parsers_words()
    {
        var keywords = new[] { "after", "effort" };
        DiagnosticCatalog.ExpectedStatement(At(), "'5'", null, null).Message.Should().Be("unexpected '5'; expected 'program' or a program member");
        DiagnosticCatalog.ExpectedStatement(At(), "string", "task", "t").Message.Should().Be("unexpected string; expected a statement of task 't' or '}'");
        DiagnosticCatalog.UnknownStatement(At(), "depends", "task", "t", "after", "TaskJuggler", null, keywords).Message
            .Should().Be("unexpected 'depends' in task 't'; did you mean 'after'? ('depends' is TaskJuggler's word; a .tpm plan writes 'after')");
        DiagnosticCatalog.UnknownStatement(At(), "efort", "task", "t", null, null, "effort", keywords).Message.Should().Be("unexpected 'efort' in task 't'; did you mean 'effort'?");
        DiagnosticCatalog.UnknownStatement(At(), "zz", null, null, null, null, null, keywords).Message.Should().Be("unexpected 'zz' at the top of a file; expected one of: after, effort");
        DiagnosticCatalog.ExpectedAfter(At(), null, SyntaxMessages.ExpectName, "owner").Message.Should().Be("unexpected end of line; expected a name after 'owner'");
        DiagnosticCatalog.ExpectedAfter(At(), "'}'", Array.Empty<string>(), "owner").Message.Should().Be("unexpected '}'; expected more after 'owner'");
        DiagnosticCatalog.ExpectedAfter(At(), "'5'", SyntaxMessages.ExpectOneOf(new[] { "skill", "skills" }), "requires").Message
            .Should().Be("unexpected '5'; expected 'skill' or 'skills' after 'requires'");
        DiagnosticCatalog.UnexpectedCloseBrace(At()).Message.Should().Be("unexpected '}': no block is open here");
        DiagnosticCatalog.UnterminatedBlockComment(At()).Message.Should().Be("unterminated block comment; close it with '*/'");
        var grammar = DiagnosticCatalog.FromGrammar(At(), SyntaxMessages.ExpectedDurationUnit("10"));
        grammar.Descriptor.Should().BeSameAs(DiagnosticCatalog.SyntaxError);
        grammar.Message.Should().Be("expected a unit after 10: h (hours), d (working days) or w (weeks), as in 10d");
        SyntaxMessages.InvalidDate("'2027-13-45'").Should().Be("invalid date '2027-13-45'; write dates as YYYY-MM-DD");
        SyntaxMessages.UnknownEscape('q').Should().Be("unknown escape sequence '\\q'; use \\\", \\\\, \\n or \\t");
        SyntaxMessages.UnknownEscape('\0').Should().Be("unknown escape sequence '\\'; use \\\", \\\\, \\n or \\t");
    }

    [Fact]
    public void Factories_format_counts_with_separators_and_plurals()
    {
        DiagnosticCatalog.ForecastIterationsCut(At(), 1234, 10000, 56789, 1000000).Message.Should().Be(
            "the forecast ran 1,234 of 10,000 iterations within its work budget (an iteration of this plan costs up to 56,789 work units of 1,000,000); its percentiles are less precise; ask for fewer iterations to silence this");
        DiagnosticCatalog.DiagnosticsCut(At(), 1, 0, byCount: true).Message.Should().StartWith("1 more diagnostic from here on is not reported (no errors): a program reports at most ");
        DiagnosticCatalog.DiagnosticsCut(At(), 2500, 3, byCount: false).Message.Should().StartWith("2,500 more diagnostics from here on are not reported (3 errors): ");
        DiagnosticCatalog.RiskUnmanaged(At(), "r1", 0.5m, 12m, noOwner: true, noMitigation: false).Message.Should().Be(
            "open risk 'r1' has an exposure of 6 working days (50% × 12d) and no owner; add an 'owner', or close the risk");
    }

    [Fact]
    public void Builder_factories_keep_the_descriptor_and_carry_no_location()
    {
        var d = DiagnosticCatalog.BuilderUnknown("task", "dsign", "design");
        d.Descriptor.Should().BeSameAs(DiagnosticCatalog.BuilderUnknownId);
        d.Location.Should().BeNull();
        d.Message.Should().Be("unknown task 'dsign': the plan never defines it; did you mean 'design'?");
        DiagnosticCatalog.BuilderEstimateNotOrdered(5, 2.5, 1).Message.Should().Be(
            "an estimate is optimistic ≤ most likely ≤ pessimistic, and 5, 2.5, 1 is not in that order; reorder the values");
        DiagnosticCatalog.BuilderWorkTwice("t", "Effort").Message.Should().StartWith("task 't' already has an Effort;");
    }
}
