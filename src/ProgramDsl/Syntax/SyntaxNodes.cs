using System;
using System.Collections.Generic;
using System.Linq;
using ProgramDsl.Text;

namespace ProgramDsl.Syntax
{
    /// <summary>Base of every node of the syntax tree; each carries the span of text it came from.</summary>
    public abstract class SyntaxNode
    {
        /// <summary>Creates a node covering a span.</summary>
        protected SyntaxNode(TextSpan span) => Span = span;

        /// <summary>The text the node covers.</summary>
        public TextSpan Span { get; }

        /// <summary>
        /// The nodes directly inside this one, in text order. Each call returns the same instances (nodes made on
        /// demand, such as a statement's keyword, are made once and kept).
        /// </summary>
        public virtual IEnumerable<SyntaxNode> ChildNodes() => Array.Empty<SyntaxNode>();

        /// <summary>True when <paramref name="offset"/> is inside the node's span (its end excluded).</summary>
        public bool Contains(int offset) => offset >= Span.Start && offset < Span.End;
    }

    /// <summary>An identifier: a keyword, a name or one segment of a reference.</summary>
    public sealed class IdentifierSyntax : SyntaxNode
    {
        /// <summary>Creates an identifier.</summary>
        public IdentifierSyntax(string text, TextSpan span) : base(span) => Text = text;

        /// <summary>The identifier as written.</summary>
        public string Text { get; }

        /// <inheritdoc />
        public override string ToString() => Text;
    }

    /// <summary>A reference: identifiers joined by dots (<c>data.eda</c>).</summary>
    /// <remarks>
    /// Kept compact (the names and the span; segments are contiguous, one '.' apart): a large plan has hundreds of
    /// thousands of references. <see cref="Segments"/> builds identifier nodes on first use.
    /// </remarks>
    public sealed class ReferenceSyntax : SyntaxNode
    {
        private readonly string _first;
        private readonly string[]? _rest;
        private IReadOnlyList<IdentifierSyntax>? _segments;

        /// <summary>Creates a reference from its segments, which must be contiguous and separated by single dots.</summary>
        public ReferenceSyntax(IReadOnlyList<IdentifierSyntax> segments)
            : base(TextSpan.FromBounds(segments[0].Span.Start, segments[segments.Count - 1].Span.End))
        {
            _first = segments[0].Text;
            _rest = segments.Count == 1 ? null : segments.Skip(1).Select(s => s.Text).ToArray();
            _segments = segments;
        }

        internal ReferenceSyntax(string first, string[]? rest, int start)
            : base(new TextSpan(start, LengthOf(first, rest)))
        {
            _first = first;
            _rest = rest;
        }

        private static int LengthOf(string first, string[]? rest)
        {
            int length = first.Length;
            if (rest != null) foreach (var r in rest) length += r.Length + 1;
            return length;
        }

        /// <summary>Number of segments.</summary>
        public int SegmentCount => _rest is null ? 1 : _rest.Length + 1;

        /// <summary>The text of segment <paramref name="index"/>.</summary>
        public string SegmentText(int index) => index == 0 ? _first : _rest![index - 1];

        /// <summary>The segments, outermost first; made on first use, the same list and nodes on every call.</summary>
        public IReadOnlyList<IdentifierSyntax> Segments =>
            _segments ?? System.Threading.Interlocked.CompareExchange(ref _segments, BuildSegments(), null) ?? _segments!;

        /// <inheritdoc />
        public override IEnumerable<SyntaxNode> ChildNodes() => Segments;

        /// <summary>The reference as written, e.g. <c>data.eda</c>.</summary>
        public string Text => _rest is null ? _first : _first + "." + string.Join(".", _rest);

        private IReadOnlyList<IdentifierSyntax> BuildSegments()
        {
            var result = new IdentifierSyntax[SegmentCount];
            int at = Span.Start;
            for (int i = 0; i < result.Length; i++)
            {
                var text = SegmentText(i);
                result[i] = new IdentifierSyntax(text, new TextSpan(at, text.Length));
                at += text.Length + 1;
            }

            return result;
        }

        /// <inheritdoc />
        public override string ToString() => Text;
    }

    /// <summary>Base of the values that follow a keyword.</summary>
    public abstract class ValueSyntax : SyntaxNode
    {
        /// <summary>Creates a value covering a span.</summary>
        protected ValueSyntax(TextSpan span) : base(span) { }
    }

    /// <summary>A string literal, already unescaped.</summary>
    public sealed class StringValueSyntax : ValueSyntax
    {
        /// <summary>Creates a string value.</summary>
        public StringValueSyntax(string value, TextSpan span) : base(span) => Value = value;

        /// <summary>The unescaped text.</summary>
        public string Value { get; }
    }

    /// <summary>A number (<c>12</c>, <c>12.5</c>, <c>1_200_000</c>).</summary>
    public sealed class NumberValueSyntax : ValueSyntax
    {
        /// <summary>Creates a number value.</summary>
        public NumberValueSyntax(decimal value, TextSpan span) : base(span) => Value = value;

        /// <summary>The value.</summary>
        public decimal Value { get; }
    }

    /// <summary>A percentage (<c>80%</c>); <see cref="Percent"/> is 80.</summary>
    public sealed class PercentValueSyntax : ValueSyntax
    {
        /// <summary>Creates a percentage.</summary>
        public PercentValueSyntax(decimal percent, TextSpan span) : base(span) => Percent = percent;

        /// <summary>The number written before the percent sign.</summary>
        public decimal Percent { get; }

        /// <summary>The fraction (80% → 0.8).</summary>
        public decimal Fraction => Percent / 100m;
    }

    /// <summary>A date as written (<c>2027-01-04</c>); validity is checked by the binder.</summary>
    public sealed class DateValueSyntax : ValueSyntax
    {
        /// <summary>Creates a date.</summary>
        public DateValueSyntax(int year, int month, int day, TextSpan span) : base(span)
        {
            Year = year;
            Month = month;
            Day = day;
        }

        /// <summary>Year as written.</summary>
        public int Year { get; }

        /// <summary>Month as written.</summary>
        public int Month { get; }

        /// <summary>Day as written.</summary>
        public int Day { get; }

        /// <summary>True when the date exists in the Gregorian calendar.</summary>
        public bool IsValid => Year >= 1 && Year <= 9999 && Month >= 1 && Month <= 12 && Day >= 1 && Day <= DateTime.DaysInMonth(Year, Month);

        /// <inheritdoc />
        public override string ToString() => $"{Year:D4}-{Month:D2}-{Day:D2}";
    }

    /// <summary>An inclusive date range (<c>2027-03-01..2027-03-05</c>), or a single date when <see cref="To"/> is null.</summary>
    public sealed class DateRangeValueSyntax : ValueSyntax
    {
        /// <summary>Creates a range.</summary>
        public DateRangeValueSyntax(DateValueSyntax from, DateValueSyntax? to)
            : base(to is null ? from.Span : from.Span.Union(to.Span))
        {
            From = from;
            To = to;
        }

        /// <summary>First day.</summary>
        public DateValueSyntax From { get; }

        /// <summary>Last day, or null for a single day.</summary>
        public DateValueSyntax? To { get; }

        /// <inheritdoc />
        public override IEnumerable<SyntaxNode> ChildNodes()
        {
            yield return From;
            if (To != null) yield return To;
        }
    }

    /// <summary>Units of a duration.</summary>
    public enum DurationUnit
    {
        /// <summary>Hours, converted through <c>hours-per-day</c>.</summary>
        Hours,

        /// <summary>Working days.</summary>
        Days,

        /// <summary>Weeks of five working days.</summary>
        Weeks,
    }

    /// <summary>A duration (<c>10d</c>, <c>4h</c>, <c>2w</c>).</summary>
    public sealed class DurationValueSyntax : ValueSyntax
    {
        /// <summary>Creates a duration.</summary>
        public DurationValueSyntax(decimal amount, DurationUnit unit, TextSpan span) : base(span)
        {
            Amount = amount;
            Unit = unit;
        }

        /// <summary>The number.</summary>
        public decimal Amount { get; }

        /// <summary>The unit.</summary>
        public DurationUnit Unit { get; }

        /// <inheritdoc />
        public override string ToString() => Amount.ToString(System.Globalization.CultureInfo.InvariantCulture) + (Unit == DurationUnit.Hours ? "h" : Unit == DurationUnit.Days ? "d" : "w");
    }

    /// <summary>A rate per unit of time (<c>950/d</c>, <c>120/h</c>).</summary>
    public sealed class RateValueSyntax : ValueSyntax
    {
        /// <summary>Creates a rate.</summary>
        public RateValueSyntax(decimal amount, DurationUnit per, TextSpan span) : base(span)
        {
            Amount = amount;
            Per = per;
        }

        /// <summary>The amount of money.</summary>
        public decimal Amount { get; }

        /// <summary>The time unit it is per.</summary>
        public DurationUnit Per { get; }
    }

    /// <summary>A name used as a value: an enumeration word (<c>on</c>, <c>weekly</c>) or a skill.</summary>
    public sealed class NameValueSyntax : ValueSyntax
    {
        private IdentifierSyntax? _name;

        /// <summary>Creates a name value.</summary>
        public NameValueSyntax(IdentifierSyntax name) : base(name.Span)
        {
            _name = name;
            Text = name.Text;
        }

        internal NameValueSyntax(string text, TextSpan span) : base(span) => Text = text;

        /// <summary>The identifier; made on first use, the same node on every call.</summary>
        public IdentifierSyntax Name =>
            _name ?? System.Threading.Interlocked.CompareExchange(ref _name, new IdentifierSyntax(Text, Span), null) ?? _name!;

        /// <inheritdoc />
        public override IEnumerable<SyntaxNode> ChildNodes() => new SyntaxNode[] { Name };

        /// <summary>The text.</summary>
        public string Text { get; }
    }

    /// <summary>A reference used as a value (<c>owner alice</c>, <c>gate auc</c>).</summary>
    public sealed class ReferenceValueSyntax : ValueSyntax
    {
        /// <summary>Creates a reference value.</summary>
        public ReferenceValueSyntax(ReferenceSyntax reference) : base(reference.Span) => Reference = reference;

        /// <summary>The reference.</summary>
        public ReferenceSyntax Reference { get; }

        /// <inheritdoc />
        public override IEnumerable<SyntaxNode> ChildNodes() => new SyntaxNode[] { Reference };
    }

    /// <summary>A weekday range (<c>mon..fri</c>) or a single weekday (<see cref="To"/> null).</summary>
    public sealed class WeekdayRangeSyntax : ValueSyntax
    {
        /// <summary>Creates a weekday range.</summary>
        public WeekdayRangeSyntax(DayOfWeek from, DayOfWeek? to, TextSpan span) : base(span)
        {
            From = from;
            To = to;
        }

        /// <summary>First day.</summary>
        public DayOfWeek From { get; }

        /// <summary>Last day (inclusive), or null for one day.</summary>
        public DayOfWeek? To { get; }
    }

    /// <summary>A comparison against a number (<c>&gt;= 0.85</c>).</summary>
    public sealed class ComparisonValueSyntax : ValueSyntax
    {
        /// <summary>Creates a comparison.</summary>
        public ComparisonValueSyntax(string op, decimal value, TextSpan span) : base(span)
        {
            Operator = op;
            Value = value;
        }

        /// <summary>One of <c>&gt;=</c>, <c>&lt;=</c>, <c>&gt;</c>, <c>&lt;</c>, <c>=</c>.</summary>
        public string Operator { get; }

        /// <summary>The number compared with.</summary>
        public decimal Value { get; }
    }

    /// <summary>One item of <c>after</c>: a target, an optional type (fs ss ff sf) and an optional lag or lead.</summary>
    public sealed class DependencyItemSyntax : ValueSyntax
    {
        private readonly int _typeStart;

        // The type's text until its node is asked for, then the node: one field either way, so the items of large
        // plans do not grow for a node most never need.
        private object? _type;

        /// <summary>Creates a dependency item.</summary>
        public DependencyItemSyntax(ReferenceSyntax target, IdentifierSyntax? type, DurationValueSyntax? lag, bool isLead, TextSpan span)
            : this(target, type?.Text, type?.Span.Start ?? 0, lag, isLead, span)
        {
            _type = type;
        }

        internal DependencyItemSyntax(ReferenceSyntax target, string? typeText, int typeStart, DurationValueSyntax? lag, bool isLead, TextSpan span) : base(span)
        {
            Target = target;
            _type = typeText;
            _typeStart = typeStart;
            Lag = lag;
            IsLead = isLead;
        }

        /// <summary>What the task depends on.</summary>
        public ReferenceSyntax Target { get; }

        /// <summary>fs, ss, ff or sf as written; null means fs.</summary>
        public string? TypeText => _type as string ?? (_type as IdentifierSyntax)?.Text;

        /// <summary>The type's token (made on first use, the same node on every call), or null.</summary>
        public IdentifierSyntax? Type
        {
            get
            {
                var current = _type;
                if (current is null || current is IdentifierSyntax) return (IdentifierSyntax?)current;
                var text = (string)current;
                var made = new IdentifierSyntax(text, new TextSpan(_typeStart, text.Length));
                // Two threads may race to make it: the first one stored wins, so every caller sees one node.
                var previous = System.Threading.Interlocked.CompareExchange(ref _type, made, current);
                return ReferenceEquals(previous, current) ? made : (IdentifierSyntax)previous!;
            }
        }

        /// <summary>The lag (or lead when <see cref="IsLead"/>).</summary>
        public DurationValueSyntax? Lag { get; }

        /// <summary>True for <c>-Nd</c>.</summary>
        public bool IsLead { get; }

        /// <inheritdoc />
        public override IEnumerable<SyntaxNode> ChildNodes()
        {
            yield return Target;
            if (Type is IdentifierSyntax type) yield return type;
            if (Lag != null) yield return Lag;
        }
    }

    /// <summary>One item of <c>assign</c>: a person, or <c>role X</c>, with an optional share.</summary>
    public sealed class AssignmentItemSyntax : ValueSyntax
    {
        /// <summary>Creates an assignment item.</summary>
        public AssignmentItemSyntax(ReferenceSyntax target, bool isRole, PercentValueSyntax? share, TextSpan span) : base(span)
        {
            Target = target;
            IsRole = isRole;
            Share = share;
        }

        /// <summary>The person (or role).</summary>
        public ReferenceSyntax Target { get; }

        /// <summary>True for <c>assign role X</c>.</summary>
        public bool IsRole { get; }

        /// <summary>The share, or null for 100%.</summary>
        public PercentValueSyntax? Share { get; }

        /// <inheritdoc />
        public override IEnumerable<SyntaxNode> ChildNodes()
        {
            yield return Target;
            if (Share != null) yield return Share;
        }
    }

    /// <summary>One item of <c>uses</c>: a resource and its units (default 1).</summary>
    public sealed class ResourceUseItemSyntax : ValueSyntax
    {
        /// <summary>Creates a resource use.</summary>
        public ResourceUseItemSyntax(ReferenceSyntax resource, NumberValueSyntax? units, TextSpan span) : base(span)
        {
            Resource = resource;
            Units = units;
        }

        /// <summary>The resource.</summary>
        public ReferenceSyntax Resource { get; }

        /// <summary>The units held, or null for one.</summary>
        public NumberValueSyntax? Units { get; }

        /// <inheritdoc />
        public override IEnumerable<SyntaxNode> ChildNodes()
        {
            yield return Resource;
            if (Units != null) yield return Units;
        }
    }

    /// <summary>Base of statements: every statement starts with a keyword.</summary>
    public abstract class StatementSyntax : SyntaxNode
    {
        /// <summary>Creates a statement.</summary>
        protected StatementSyntax(IdentifierSyntax keyword, TextSpan span) : this(keyword.Text, keyword.Span, span) => _keyword = keyword;

        // The parser keeps the keyword as text and span; the node is made only if asked for, which keeps the
        // trees of large plans a statement's worth of objects smaller. One field holds the text until then and the
        // node after, so keeping the node costs no memory per statement.
        private object _keyword;

        private protected StatementSyntax(string keywordText, TextSpan keywordSpan, TextSpan span) : base(span)
        {
            _keyword = keywordText;
            KeywordSpan = keywordSpan;
        }

        /// <summary>The keyword that starts the statement (made on first use, the same node on every call).</summary>
        public IdentifierSyntax Keyword
        {
            get
            {
                var current = _keyword;
                if (current is IdentifierSyntax keyword) return keyword;
                var made = new IdentifierSyntax((string)current, KeywordSpan);
                // Two threads may race to make it: the first one stored wins, so every caller sees one node.
                var previous = System.Threading.Interlocked.CompareExchange(ref _keyword, made, current);
                return ReferenceEquals(previous, current) ? made : (IdentifierSyntax)previous;
            }
        }

        /// <summary>The keyword's text.</summary>
        public string KeywordText => _keyword as string ?? ((IdentifierSyntax)_keyword).Text;

        /// <summary>The keyword's span.</summary>
        public TextSpan KeywordSpan { get; }
    }

    /// <summary>A setting: a keyword and its values (<c>effort 10d</c>, <c>after eda fs+2d, labeling ss</c>).</summary>
    public sealed class PropertySyntax : StatementSyntax
    {
        /// <summary>Creates a setting.</summary>
        public PropertySyntax(IdentifierSyntax keyword, IReadOnlyList<ValueSyntax> values, TextSpan span) : this(keyword.Text, keyword.Span, values, span) { }

        internal PropertySyntax(string keyword, TextSpan keywordSpan, IReadOnlyList<ValueSyntax> values, TextSpan span) : base(keyword, keywordSpan, span) => Values = values;

        /// <summary>The values, in order.</summary>
        public IReadOnlyList<ValueSyntax> Values { get; }

        /// <inheritdoc />
        public override IEnumerable<SyntaxNode> ChildNodes()
        {
            yield return Keyword;
            foreach (var value in Values) yield return value;
        }
    }

    /// <summary><c>include "path"</c>.</summary>
    public sealed class IncludeSyntax : StatementSyntax
    {
        /// <summary>Creates an include.</summary>
        public IncludeSyntax(IdentifierSyntax keyword, StringValueSyntax path, TextSpan span) : this(keyword.Text, keyword.Span, path, span) { }

        internal IncludeSyntax(string keyword, TextSpan keywordSpan, StringValueSyntax path, TextSpan span) : base(keyword, keywordSpan, span) => Path = path;

        /// <summary>The path, relative to the including file.</summary>
        public StringValueSyntax Path { get; }

        /// <inheritdoc />
        public override IEnumerable<SyntaxNode> ChildNodes() => new SyntaxNode[] { Keyword, Path };
    }

    /// <summary>The kinds of named definitions.</summary>
    public enum DeclarationKind
    {
        /// <summary><c>program</c></summary>
        Program,

        /// <summary><c>calendar</c></summary>
        Calendar,

        /// <summary><c>role</c></summary>
        Role,

        /// <summary><c>skill</c></summary>
        Skill,

        /// <summary><c>person</c></summary>
        Person,

        /// <summary><c>team</c></summary>
        Team,

        /// <summary><c>resource</c></summary>
        Resource,

        /// <summary><c>stakeholder</c></summary>
        Stakeholder,

        /// <summary><c>metric</c></summary>
        Metric,

        /// <summary><c>workstream</c></summary>
        Workstream,

        /// <summary><c>task</c></summary>
        Task,

        /// <summary><c>milestone</c></summary>
        Milestone,

        /// <summary><c>risk</c></summary>
        Risk,

        /// <summary><c>decision</c></summary>
        Decision,

        /// <summary><c>portfolio</c>: a file's block naming programs and the members they share (docs/portfolios.md).</summary>
        Portfolio,
    }

    /// <summary>A named definition: <c>task eda "Exploratory data analysis" { ... }</c>.</summary>
    public sealed class DeclarationSyntax : StatementSyntax
    {
        /// <summary>Creates a declaration.</summary>
        public DeclarationSyntax(
            IdentifierSyntax keyword,
            DeclarationKind kind,
            IdentifierSyntax name,
            StringValueSyntax? title,
            IReadOnlyList<StatementSyntax> body,
            TextSpan? openBrace,
            TextSpan? closeBrace,
            bool containsErrors,
            TextSpan span)
            : this(keyword.Text, keyword.Span, kind, name, title, body, openBrace, closeBrace, containsErrors, span)
        {
        }

        internal DeclarationSyntax(
            string keyword,
            TextSpan keywordSpan,
            DeclarationKind kind,
            IdentifierSyntax name,
            StringValueSyntax? title,
            IReadOnlyList<StatementSyntax> body,
            TextSpan? openBrace,
            TextSpan? closeBrace,
            bool containsErrors,
            TextSpan span)
            : base(keyword, keywordSpan, span)
        {
            Kind = kind;
            Name = name;
            Title = title;
            Body = body;
            OpenBrace = openBrace;
            CloseBrace = closeBrace;
            ContainsErrors = containsErrors;
        }

        /// <summary>What is declared.</summary>
        public DeclarationKind Kind { get; }

        /// <summary>The identifier.</summary>
        public IdentifierSyntax Name { get; }

        /// <summary>The display name, if given.</summary>
        public StringValueSyntax? Title { get; }

        /// <summary>The statements in braces (empty without a body).</summary>
        public IReadOnlyList<StatementSyntax> Body { get; }

        /// <summary>The opening brace, if there is a body.</summary>
        public TextSpan? OpenBrace { get; }

        /// <summary>The closing brace, if present.</summary>
        public TextSpan? CloseBrace { get; }

        /// <summary>True when a syntax error was recovered from inside this declaration's body.</summary>
        public bool ContainsErrors { get; }

        /// <summary>The span of the header: keyword, name and title.</summary>
        public TextSpan HeaderSpan => TextSpan.FromBounds(KeywordSpan.Start, (Title?.Span ?? Name.Span).End);

        /// <summary>True when <paramref name="offset"/> is inside the braces (after '{', up to and including the position of '}', or to the end of the file when it is never closed).</summary>
        public bool BodyContains(int offset) =>
            OpenBrace is TextSpan open && offset >= open.End && (CloseBrace is TextSpan close ? offset <= close.Start : offset <= Span.End);

        /// <inheritdoc />
        public override IEnumerable<SyntaxNode> ChildNodes()
        {
            yield return Keyword;
            yield return Name;
            if (Title != null) yield return Title;
            foreach (var statement in Body) yield return statement;
        }
    }

    /// <summary>
    /// An entry of a portfolio: <c>program "path" { priority 800 }</c>, the path relative to the portfolio file and an
    /// optional block of settings.
    /// </summary>
    public sealed class ProgramEntrySyntax : StatementSyntax
    {
        internal ProgramEntrySyntax(string keyword, TextSpan keywordSpan, StringValueSyntax path, IReadOnlyList<StatementSyntax> body,
            TextSpan? openBrace, TextSpan? closeBrace, bool containsErrors, TextSpan span)
            : base(keyword, keywordSpan, span)
        {
            Path = path;
            Body = body;
            OpenBrace = openBrace;
            CloseBrace = closeBrace;
            ContainsErrors = containsErrors;
        }

        /// <summary>The program file's path as written, relative to the portfolio file.</summary>
        public StringValueSyntax Path { get; }

        /// <summary>The settings in braces (empty without a block).</summary>
        public IReadOnlyList<StatementSyntax> Body { get; }

        /// <summary>The opening brace, if there is a block.</summary>
        public TextSpan? OpenBrace { get; }

        /// <summary>The closing brace, if present.</summary>
        public TextSpan? CloseBrace { get; }

        /// <summary>True when a syntax error was recovered from inside the block.</summary>
        public bool ContainsErrors { get; }

        /// <summary>True when <paramref name="offset"/> is inside the braces (as <see cref="DeclarationSyntax.BodyContains"/>).</summary>
        public bool BodyContains(int offset) =>
            OpenBrace is TextSpan open && offset >= open.End && (CloseBrace is TextSpan close ? offset <= close.Start : offset <= Span.End);

        /// <inheritdoc />
        public override IEnumerable<SyntaxNode> ChildNodes()
        {
            yield return Keyword;
            yield return Path;
            foreach (var statement in Body) yield return statement;
        }
    }

    /// <summary>The statements of one file: a program, or the members of a fragment.</summary>
    public sealed class CompilationUnitSyntax : SyntaxNode
    {
        /// <summary>Creates a compilation unit.</summary>
        public CompilationUnitSyntax(IReadOnlyList<StatementSyntax> statements, TextSpan span) : base(span) => Statements = statements;

        /// <summary>The top-level statements.</summary>
        public IReadOnlyList<StatementSyntax> Statements { get; }

        /// <summary>The program declaration, if the file has one.</summary>
        public DeclarationSyntax? Program => Statements.OfType<DeclarationSyntax>().FirstOrDefault(d => d.Kind == DeclarationKind.Program);

        /// <summary>The portfolio declaration, if the file has one.</summary>
        public DeclarationSyntax? Portfolio => Statements.OfType<DeclarationSyntax>().FirstOrDefault(d => d.Kind == DeclarationKind.Portfolio);

        /// <inheritdoc />
        public override IEnumerable<SyntaxNode> ChildNodes() => Statements;
    }

    /// <summary>The result of parsing one file: its tree and its syntax diagnostics.</summary>
    public sealed class SyntaxTree
    {
        /// <summary>Creates a tree.</summary>
        public SyntaxTree(SourceText source, CompilationUnitSyntax root, IReadOnlyList<Diagnostics.Diagnostic> diagnostics)
        {
            Source = source;
            Root = root;
            Diagnostics = diagnostics;
        }

        /// <summary>The text parsed.</summary>
        public SourceText Source { get; }

        /// <summary>The root.</summary>
        public CompilationUnitSyntax Root { get; }

        /// <summary>Syntax errors (TPM0001).</summary>
        public IReadOnlyList<Diagnostics.Diagnostic> Diagnostics { get; }

        /// <summary>The tokens (names, numbers, strings) of this file, counted against <see cref="InputLimits.MaxTokens"/>.</summary>
        internal int TokenCount { get; set; }

        /// <summary>The declarations of this file, counted against <see cref="InputLimits.MaxDeclarations"/>.</summary>
        internal int DeclarationCount { get; set; }

        /// <summary>A location in this tree's file.</summary>
        public SourceLocation GetLocation(TextSpan span) => new SourceLocation(Source, span);

        /// <summary>Parses a text.</summary>
        public static SyntaxTree Parse(SourceText source) => Parser.Parse(source);

        /// <summary>
        /// The innermost node whose span contains <paramref name="offset"/> (its end excluded): a segment of a reference,
        /// a keyword, a value, a statement, a declaration, or the root when the offset is between statements of the file.
        /// </summary>
        public SyntaxNode FindNode(int offset)
        {
            var path = FindPath(offset);
            return path[path.Count - 1];
        }

        /// <summary>
        /// The nodes containing <paramref name="offset"/>, outermost first: the root, then each enclosing declaration
        /// and statement down to the innermost node (<see cref="FindNode"/>). Nodes have no parent links; this chain is
        /// how a caller learns a node's ancestors.
        /// </summary>
        /// <remarks>Iterative, with a binary search in statement and value lists: O(depth · log n).</remarks>
        public IReadOnlyList<SyntaxNode> FindPath(int offset)
        {
            var path = new List<SyntaxNode> { Root };
            SyntaxNode node = Root;
            while (true)
            {
                var child = ChildContaining(node, offset);
                if (child is null) return path;
                path.Add(child);
                node = child;
            }
        }

        private static SyntaxNode? ChildContaining(SyntaxNode node, int offset)
        {
            switch (node)
            {
                case CompilationUnitSyntax unit:
                    return StatementContaining(unit.Statements, offset);
                case DeclarationSyntax declaration:
                    if (declaration.KeywordSpan.Start <= offset && offset < declaration.KeywordSpan.End) return declaration.Keyword;
                    if (declaration.Name.Contains(offset)) return declaration.Name;
                    if (declaration.Title != null && declaration.Title.Contains(offset)) return declaration.Title;
                    return StatementContaining(declaration.Body, offset);
                case PropertySyntax property:
                    if (property.KeywordSpan.Start <= offset && offset < property.KeywordSpan.End) return property.Keyword;
                    return Containing(property.Values, offset);
                case ProgramEntrySyntax entry:
                    if (entry.KeywordSpan.Start <= offset && offset < entry.KeywordSpan.End) return entry.Keyword;
                    if (entry.Path.Contains(offset)) return entry.Path;
                    return StatementContaining(entry.Body, offset);
                default:
                    foreach (var child in node.ChildNodes())
                    {
                        if (child.Contains(offset)) return child;
                    }

                    return null;
            }
        }

        private static StatementSyntax? StatementContaining(IReadOnlyList<StatementSyntax> statements, int offset) => Containing(statements, offset);

        /// <summary>The node of a list in text order (disjoint spans) that contains <paramref name="offset"/>, by binary search.</summary>
        private static T? Containing<T>(IReadOnlyList<T> nodes, int offset) where T : SyntaxNode
        {
            int lo = 0, hi = nodes.Count - 1, found = -1;
            while (lo <= hi)
            {
                int mid = lo + ((hi - lo) >> 1);
                if (nodes[mid].Span.Start <= offset)
                {
                    found = mid;
                    lo = mid + 1;
                }
                else
                {
                    hi = mid - 1;
                }
            }

            return found >= 0 && nodes[found].Contains(offset) ? nodes[found] : null;
        }
    }
}
