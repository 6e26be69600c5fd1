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
    }

    /// <summary>What a keyword starts.</summary>
    internal enum StatementKind
    {
        Property,
        Declaration,
        Include,
    }

    /// <summary>The grammar of one statement keyword in one context.</summary>
    internal sealed class StatementRule
    {
        public StatementRule(string keyword, StatementKind kind, DeclarationKind declarationKind, Parser<IReadOnlyList<ValueSyntax>>? arguments)
        {
            Keyword = keyword;
            Kind = kind;
            DeclarationKind = declarationKind;
            Arguments = arguments;
        }

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
            DeclarationKind.Program => "program",
            DeclarationKind.Calendar => "calendar",
            DeclarationKind.Role => "role",
            DeclarationKind.Skill => "skill",
            DeclarationKind.Person => "person",
            DeclarationKind.Team => "team",
            DeclarationKind.Resource => "resource",
            DeclarationKind.Stakeholder => "stakeholder",
            DeclarationKind.Metric => "metric",
            DeclarationKind.Workstream => "workstream",
            DeclarationKind.Task => "task",
            DeclarationKind.Milestone => "milestone",
            DeclarationKind.Risk => "risk",
            DeclarationKind.Decision => "decision",
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
        /// True when the first statement of a text is <c>program</c>: a program file rather than a fragment
        /// that is only read through <c>include</c>.
        /// </summary>
        public static bool IsProgramText(string text)
        {
            int p = Lexer.SkipTrivia(text, 0);
            int e = Lexer.ScanIdentifier(text, p);
            return e - p == 7 && string.CompareOrdinal(text, p, "program", 0, 7) == 0;
        }

        private static Dictionary<BlockContext, Dictionary<string, StatementRule>> BuildRules()
        {
            var date = Grammar.One(Grammar.Date);
            var text = Grammar.One(Grammar.StringValue);
            var number = Grammar.One(Grammar.Number);
            var name = Grammar.One(Grammar.Name);
            var reference = Grammar.One(Grammar.ReferenceValue);
            var references = Grammar.ListOf(Grammar.ReferenceValue);
            var names = Grammar.ListOf(Grammar.Name);
            var duration = Grammar.One(Grammar.Duration);
            var percent = Grammar.One(Grammar.Percent);
            var rate = Grammar.One(Grammar.Rate);
            var dependencies = Grammar.ListOf(Grammar.DependencyItem);
            var weekdays = Grammar.ListOf(Grammar.WeekdayRange);
            var datedLabel = Grammar.WithOptionalLabel(Grammar.DateOrRange);
            var requires = Grammar.WordThenList(new[] { "skill", "skills" }, Grammar.Name);
            var estimate = Grammar.Sequence(Grammar.Duration, Grammar.Duration, Grammar.Duration);
            var likelihood = Grammar.One(Grammar.Either(Grammar.Percent, Grammar.Name));

            StatementRule P(string keyword, Parser<IReadOnlyList<ValueSyntax>> args) => new StatementRule(keyword, StatementKind.Property, default, args);
            StatementRule D(DeclarationKind kind) => new StatementRule(KeywordOf(kind), StatementKind.Declaration, kind, null);

            var note = P("note", text);
            var programMembers = new[]
            {
                P("start", date), P("deadline", date), P("status-date", date), P("currency", name), P("budget", number),
                P("workdays", weekdays), P("holiday", datedLabel), P("hours-per-day", number), P("leveling", name), note,
                new StatementRule("include", StatementKind.Include, default, null),
                D(DeclarationKind.Calendar), D(DeclarationKind.Role), D(DeclarationKind.Skill), D(DeclarationKind.Person),
                D(DeclarationKind.Team), D(DeclarationKind.Resource), D(DeclarationKind.Stakeholder), D(DeclarationKind.Metric),
                D(DeclarationKind.Workstream), D(DeclarationKind.Task), D(DeclarationKind.Milestone), D(DeclarationKind.Risk),
                D(DeclarationKind.Decision),
            };

            var map = new Dictionary<BlockContext, StatementRule[]>
            {
                [BlockContext.File] = programMembers.Concat(new[] { D(DeclarationKind.Program) }).ToArray(),
                [BlockContext.Program] = programMembers,
                [BlockContext.Calendar] = new[] { P("workdays", weekdays), P("holiday", datedLabel), note },
                [BlockContext.Role] = new[] { P("rate", rate), note },
                [BlockContext.Skill] = new[] { note },
                [BlockContext.Person] = new[]
                {
                    P("role", references), P("skills", names), P("capacity", percent), P("rate", rate), P("calendar", reference),
                    P("vacation", datedLabel), P("email", text), note,
                },
                [BlockContext.Team] = new[] { P("lead", reference), P("members", references), note },
                [BlockContext.Resource] = new[] { P("capacity", number), P("rate", rate), P("calendar", reference), note },
                [BlockContext.Stakeholder] = new[] { P("raci", name), P("cadence", name), P("contact", reference), note },
                [BlockContext.Metric] = new[] { P("target", Grammar.One(Grammar.Comparison)), P("current", Grammar.One(Grammar.SignedNumber)), P("unit", text), P("owner", reference), note },
                [BlockContext.Workstream] = new[]
                {
                    P("owner", reference), P("after", dependencies), P("due", date), note,
                    D(DeclarationKind.Workstream), D(DeclarationKind.Task), D(DeclarationKind.Milestone),
                },
                [BlockContext.Task] = new[]
                {
                    P("effort", duration), P("duration", duration), P("estimate", estimate), P("assign", Grammar.ListOf(Grammar.AssignmentItem)),
                    P("after", dependencies), P("requires", requires), P("uses", Grammar.ListOf(Grammar.ResourceUseItem)),
                    P("not-before", date), P("due", date), P("priority", number), P("review", names), P("cost", number),
                    P("progress", percent), P("actual-start", date), P("actual-finish", date), P("actual-cost", number),
                    P("phase", name), P("owner", reference), note,
                },
                [BlockContext.Milestone] = new[]
                {
                    P("after", dependencies), P("due", date), P("gate", references), P("phase", name), P("owner", reference),
                    P("not-before", date), P("actual-finish", date), note,
                },
                [BlockContext.Risk] = new[]
                {
                    P("likelihood", likelihood), P("impact", duration), P("owner", reference), P("mitigation", text),
                    P("affects", references), P("status", name), note,
                },
                [BlockContext.Decision] = new[]
                {
                    P("date", date), P("owner", reference), P("status", name), P("rationale", text), P("affects", references), note,
                },
            };

            return map.ToDictionary(kv => kv.Key, kv => kv.Value.ToDictionary(r => r.Keyword, StringComparer.Ordinal));
        }
    }
}
