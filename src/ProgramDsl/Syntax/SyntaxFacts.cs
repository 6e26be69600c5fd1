using System;
using System.Collections.Generic;
using System.Linq;
using Sprache;

namespace ProgramDsl.Syntax
{
    /// <summary>The block a statement appears in; it decides which keywords are statements there.</summary>
    public enum BlockContext
    {
        /// <summary>The top of a file: a program, or a fragment's members.</summary>
        File,

        /// <summary>Inside <c>program { }</c>.</summary>
        Program,

        /// <summary>Inside <c>calendar { }</c>.</summary>
        Calendar,

        /// <summary>Inside <c>role { }</c>.</summary>
        Role,

        /// <summary>Inside <c>skill { }</c>.</summary>
        Skill,

        /// <summary>Inside <c>person { }</c>.</summary>
        Person,

        /// <summary>Inside <c>team { }</c>.</summary>
        Team,

        /// <summary>Inside <c>resource { }</c>.</summary>
        Resource,

        /// <summary>Inside <c>stakeholder { }</c>.</summary>
        Stakeholder,

        /// <summary>Inside <c>metric { }</c>.</summary>
        Metric,

        /// <summary>Inside <c>workstream { }</c>.</summary>
        Workstream,

        /// <summary>Inside <c>task { }</c>.</summary>
        Task,

        /// <summary>Inside <c>milestone { }</c>.</summary>
        Milestone,

        /// <summary>Inside <c>risk { }</c>.</summary>
        Risk,

        /// <summary>Inside <c>decision { }</c>.</summary>
        Decision,

        /// <summary>Inside <c>portfolio { }</c>.</summary>
        Portfolio,

        /// <summary>Inside a portfolio's <c>program "path" { }</c> entry.</summary>
        PortfolioProgram,
    }

    /// <summary>What a keyword starts.</summary>
    internal enum StatementKind
    {
        Property,
        Declaration,
        Include,
        ProgramEntry,
    }

    /// <summary>The grammar of one statement keyword in one context, made from its <see cref="StatementInfo"/>.</summary>
    internal sealed class StatementRule
    {
        public StatementRule(StatementInfo info, StatementKind kind, DeclarationKind declarationKind, Parser<IReadOnlyList<ValueSyntax>>? arguments)
        {
            Info = info;
            Keyword = info.Keyword;
            Kind = kind;
            DeclarationKind = declarationKind;
            Arguments = arguments;
        }

        public StatementInfo Info { get; }

        public string Keyword { get; }

        public StatementKind Kind { get; }

        public DeclarationKind DeclarationKind { get; }

        public Parser<IReadOnlyList<ValueSyntax>>? Arguments { get; }
    }

    /// <summary>Keywords and what follows them, per block.</summary>
    public static class SyntaxFacts
    {
        private static readonly Dictionary<BlockContext, Dictionary<string, StatementRule>> Rules = BuildRules();

        // Per context, the rules as an array indexed by the context's value: a few dozen keywords at most,
        // so a scan with a length check beats hashing a substring.
        private static readonly StatementRule[][] RuleLists = BuildRuleLists();

        private static StatementRule[][] BuildRuleLists()
        {
#if NET
            var values = Enum.GetValues<BlockContext>();
#else
            var values = (BlockContext[])Enum.GetValues(typeof(BlockContext));
#endif
            var lists = new StatementRule[values.Length][];
            foreach (var context in values) lists[(int)context] = Rules[context].Values.ToArray();
            return lists;
        }

        /// <summary>The keyword that opens a declaration of a kind.</summary>
        public static string KeywordOf(DeclarationKind kind) => kind switch
        {
            DeclarationKind.Program => Keywords.Program,
            DeclarationKind.Calendar => Keywords.Calendar,
            DeclarationKind.Role => Keywords.Role,
            DeclarationKind.Skill => Keywords.Skill,
            DeclarationKind.Person => Keywords.Person,
            DeclarationKind.Team => Keywords.Team,
            DeclarationKind.Resource => Keywords.Resource,
            DeclarationKind.Stakeholder => Keywords.Stakeholder,
            DeclarationKind.Metric => Keywords.Metric,
            DeclarationKind.Workstream => Keywords.Workstream,
            DeclarationKind.Task => Keywords.Task,
            DeclarationKind.Milestone => Keywords.Milestone,
            DeclarationKind.Risk => Keywords.Risk,
            DeclarationKind.Decision => Keywords.Decision,
            DeclarationKind.Portfolio => Keywords.Portfolio,
            _ => kind.ToString().ToLowerInvariant(),
        };

        /// <summary>The block context a declaration's body is parsed in.</summary>
        public static BlockContext BodyContext(DeclarationKind kind) => kind switch
        {
            DeclarationKind.Program => BlockContext.Program,
            DeclarationKind.Calendar => BlockContext.Calendar,
            DeclarationKind.Role => BlockContext.Role,
            DeclarationKind.Skill => BlockContext.Skill,
            DeclarationKind.Person => BlockContext.Person,
            DeclarationKind.Team => BlockContext.Team,
            DeclarationKind.Resource => BlockContext.Resource,
            DeclarationKind.Stakeholder => BlockContext.Stakeholder,
            DeclarationKind.Metric => BlockContext.Metric,
            DeclarationKind.Workstream => BlockContext.Workstream,
            DeclarationKind.Task => BlockContext.Task,
            DeclarationKind.Milestone => BlockContext.Milestone,
            DeclarationKind.Risk => BlockContext.Risk,
            DeclarationKind.Decision => BlockContext.Decision,
            DeclarationKind.Portfolio => BlockContext.Portfolio,
            _ => BlockContext.Program,
        };

        /// <summary>
        /// Words of other planning tools (TaskJuggler, MS Project) that users write for a <c>.tpm</c> keyword: the word,
        /// the tool it comes from, and the keyword it means, in the blocks where that keyword is a statement. A typo
        /// suggestion would miss them (<c>depends</c> is far from <c>after</c>).
        /// </summary>
        private static readonly (string Word, string Tool, string Keyword)[] ForeignWords =
        {
            ("depends", "TaskJuggler", "after"),
            ("precedes", "TaskJuggler", "after"),
            ("predecessors", "MS Project", "after"),
            ("predecessor", "MS Project", "after"),
            ("allocate", "TaskJuggler", "assign"),
            ("resources", "MS Project", "assign"),
            ("length", "TaskJuggler", "duration"),
            ("work", "MS Project", "effort"),
            ("start", "TaskJuggler and MS Project", "not-before"),
            ("maxend", "TaskJuggler", "due"),
            ("deadline", "MS Project", "due"),
            ("complete", "TaskJuggler", "progress"),
        };

        /// <summary>
        /// The keyword another tool's <paramref name="word"/> means in <paramref name="context"/>, with the tool's name, when
        /// that keyword is a statement there (<c>start</c> inside a task is <c>not-before</c>; in a program it is itself).
        /// </summary>
        public static (string Keyword, string Tool)? ForeignKeyword(BlockContext context, string word)
        {
            foreach (var (w, tool, keyword) in ForeignWords)
            {
                if (string.Equals(w, word, StringComparison.OrdinalIgnoreCase) && Rules[context].ContainsKey(keyword)) return (keyword, tool);
            }

            return null;
        }

        /// <summary>The statement keywords allowed in a block, sorted.</summary>
        public static IReadOnlyList<string> KeywordsIn(BlockContext context) => Rules[context].Keys.OrderBy(k => k, StringComparer.Ordinal).ToArray();

        /// <summary>True when <paramref name="word"/> starts a statement in <paramref name="context"/>.</summary>
        public static bool IsStatementKeyword(BlockContext context, string word) => Rules[context].ContainsKey(word);

        /// <summary>Looks a keyword up by its span in the text, without allocating a string for it.</summary>
        internal static bool TryGetRule(BlockContext context, string text, int start, int length, out StatementRule rule)
        {
            foreach (var candidate in RuleLists[(int)context])
            {
                var k = candidate.Keyword;
                if (k.Length == length && string.CompareOrdinal(text, start, k, 0, length) == 0)
                {
                    rule = candidate;
                    return true;
                }
            }

            rule = null!;
            return false;
        }

        /// <summary>
        /// True when <paramref name="text"/> is a name the lexer reads whole and clean: a letter or <c>_</c>, then letters,
        /// digits, <c>_</c>, <c>-</c> or combining marks, with no invisible character (which is an error where it stands).
        /// </summary>
        public static bool IsIdentifier(string? text)
        {
            if (string.IsNullOrEmpty(text) || !Lexer.IsIdentifierStart(text![0])) return false;
            foreach (char c in text)
            {
                if (!Lexer.IsIdentifierPart(c) || Lexer.IsInvisible(c)) return false;
            }

            return true;
        }

        /// <summary>
        /// The comment (<c>//</c> to the end of the line, or <c>/* */</c>) that holds offset <paramref name="offset"/> of
        /// <paramref name="text"/>, read as the lexer reads it (a <c>//</c> inside a string is not a comment), or null when
        /// the offset is not in a comment. For editors: a diagnostic code written in a comment.
        /// </summary>
        public static Text.TextSpan? CommentAt(string text, int offset)
        {
            if (text is null) throw new ArgumentNullException(nameof(text));
            if (offset < 0 || offset >= text.Length) return null;
            return CommentScanner.CommentAt(text, offset);
        }

        /// <summary>
        /// True when the first statement of a text is <c>program</c>: a program file rather than a fragment
        /// that is only read through <c>include</c>.
        /// </summary>
        public static bool IsProgramText(string text)
        {
            int p = Lexer.SkipTrivia(text, 0);
            int e = Lexer.ScanIdentifier(text, p);
            return e - p == 7 && string.CompareOrdinal(text, p, "program", 0, 7) == 0;
        }

        /// <summary>
        /// True when the first statement of a text is <c>portfolio</c>: a portfolio file (docs/portfolios.md) rather than a
        /// program or a fragment.
        /// </summary>
        public static bool IsPortfolioText(string text)
        {
            if (text is null) throw new ArgumentNullException(nameof(text));
            int p = Lexer.SkipTrivia(text, 0);
            int e = Lexer.ScanIdentifier(text, p);
            return e - p == Keywords.Portfolio.Length && string.CompareOrdinal(text, p, Keywords.Portfolio, 0, e - p) == 0;
        }

        private static Dictionary<BlockContext, Dictionary<string, StatementRule>> BuildRules()
        {
            // One parser per shape, shared by every statement of that shape.
            var parsers = new Dictionary<ValueShape, Parser<IReadOnlyList<ValueSyntax>>>
            {
                [ValueShape.Date] = Grammar.One(Grammar.Date),
                [ValueShape.Text] = Grammar.One(Grammar.StringValue),
                [ValueShape.Number] = Grammar.One(Grammar.Number),
                [ValueShape.SignedNumber] = Grammar.One(Grammar.SignedNumber),
                [ValueShape.Word] = Grammar.One(Grammar.Name),
                [ValueShape.Choice] = Grammar.One(Grammar.Name),
                [ValueShape.ChoiceList] = Grammar.ListOf(Grammar.Name),
                [ValueShape.PercentOrChoice] = Grammar.One(Grammar.Either(Grammar.Percent, Grammar.Name)),
                [ValueShape.NameList] = Grammar.ListOf(Grammar.Name),
                [ValueShape.Reference] = Grammar.One(Grammar.ReferenceValue),
                [ValueShape.ReferenceList] = Grammar.ListOf(Grammar.ReferenceValue),
                [ValueShape.Duration] = Grammar.One(Grammar.Duration),
                [ValueShape.Estimate] = Grammar.Sequence(Grammar.Duration, Grammar.Duration, Grammar.Duration),
                [ValueShape.Percent] = Grammar.One(Grammar.Percent),
                [ValueShape.Rate] = Grammar.One(Grammar.Rate),
                [ValueShape.Weekdays] = Grammar.ListOf(Grammar.WeekdayRange),
                [ValueShape.DatedLabel] = Grammar.WithOptionalLabel(Grammar.DateOrRange),
                [ValueShape.Comparison] = Grammar.One(Grammar.Comparison),
                [ValueShape.Dependencies] = Grammar.ListOf(Grammar.DependencyItem),
                [ValueShape.Assignments] = Grammar.ListOf(Grammar.AssignmentItem),
                [ValueShape.ResourceUses] = Grammar.ListOf(Grammar.ResourceUseItem),
            };

            StatementRule RuleOf(StatementInfo info) => info.ValueShape switch
            {
                ValueShape.Declaration => new StatementRule(info, StatementKind.Declaration, info.Declares!.Value, null),
                ValueShape.IncludePath => new StatementRule(info, StatementKind.Include, default, null),
                ValueShape.ProgramEntry => new StatementRule(info, StatementKind.ProgramEntry, DeclarationKind.Program, null),
                ValueShape.SkillList => new StatementRule(info, StatementKind.Property, default, Grammar.WordThenList(info.ItemWords.ToArray(), Grammar.Name)),
                _ => new StatementRule(info, StatementKind.Property, default, parsers[info.ValueShape]),
            };

            var map = new Dictionary<BlockContext, Dictionary<string, StatementRule>>();
            foreach (BlockContext context in Enum.GetValues(typeof(BlockContext)))
            {
                map[context] = Statements.In(context).ToDictionary(s => s.Keyword, RuleOf, StringComparer.Ordinal);
            }

            return map;
        }
    }
}
