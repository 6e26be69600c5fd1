using System;
using ProgramDsl.Syntax;

namespace ProgramDsl.Building
{
    /// <summary>The body of a <c>risk</c>.</summary>
    public sealed class RiskBuilder
    {
        private readonly TpmBlock _body;

        internal RiskBuilder(TpmBlock body) => _body = body;

        /// <summary>The chance it occurs: <c>likelihood N%</c>.</summary>
        public RiskBuilder Likelihood(int percent)
        {
            _body.Add(Keywords.Likelihood, TpmText.Percent(percent));
            return this;
        }

        /// <summary>The delay to the affected work if it occurs: <c>impact Nd</c>.</summary>
        public RiskBuilder Impact(double days)
        {
            _body.Add(Keywords.Impact, TpmText.Days(days));
            return this;
        }

        /// <summary><c>owner ID</c>: a person or a team.</summary>
        public RiskBuilder Owner(string personId)
        {
            _body.Add(Keywords.Owner, personId ?? throw new ArgumentNullException(nameof(personId)));
            return this;
        }

        /// <summary>The tasks, milestones or workstreams it would delay (<c>affects a, b</c>); no ids add nothing.</summary>
        public RiskBuilder Affects(params string[] ids)
        {
            if (ids is null) throw new ArgumentNullException(nameof(ids));
            foreach (var id in ids) _body.AddItem(Keywords.Affects, id ?? throw new ArgumentNullException(nameof(ids), "an id is null"));
            return this;
        }

        /// <summary><c>mitigation "text"</c>.</summary>
        public RiskBuilder Mitigation(string text)
        {
            _body.Add(Keywords.Mitigation, TpmText.Quote(text ?? throw new ArgumentNullException(nameof(text))));
            return this;
        }
    }
}
