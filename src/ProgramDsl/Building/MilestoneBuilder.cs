using System;
using ProgramDsl.Syntax;

namespace ProgramDsl.Building
{
    /// <summary>The body of a <c>milestone</c>.</summary>
    public sealed class MilestoneBuilder
    {
        private readonly TpmBlock _body;

        internal MilestoneBuilder(TpmBlock body) => _body = body;

        /// <summary>A predecessor: <c>after ID [type][±lag]</c>; several calls list several.</summary>
        /// <param name="id">A task, milestone or workstream, written as given.</param>
        /// <param name="type">The dependency type.</param>
        /// <param name="lagDays">Working days of lag (positive) or lead (negative).</param>
        public MilestoneBuilder After(string id, Dependency type = Dependency.FinishToStart, int lagDays = 0)
        {
            _body.AddItem(Keywords.After, TpmText.DependencyItem(id, type, lagDays));
            return this;
        }

        /// <summary><c>not-before DATE</c>: the milestone falls on or after it.</summary>
        public MilestoneBuilder NotBefore(string isoDate)
        {
            _body.Add(Keywords.NotBefore, TpmText.Date(isoDate));
            return this;
        }

        /// <summary><c>actual-finish DATE</c>: the milestone was reached on that day and does not move.</summary>
        public MilestoneBuilder ActualFinish(string isoDate)
        {
            _body.Add(Keywords.ActualFinish, TpmText.Date(isoDate));
            return this;
        }

        /// <summary><c>note "text"</c>.</summary>
        public MilestoneBuilder Note(string text)
        {
            _body.Add(Keywords.Note, TpmText.Quote(text ?? throw new ArgumentNullException(nameof(text))));
            return this;
        }

        /// <summary><c>due DATE</c>: TPM2201 when the milestone falls later.</summary>
        public MilestoneBuilder Due(DateTime date) => Due(TpmText.Date(date));

        /// <summary><c>due DATE</c> with the date as <c>yyyy-MM-dd</c> text, written as given.</summary>
        public MilestoneBuilder Due(string isoDate)
        {
            _body.Add(Keywords.Due, TpmText.Date(isoDate));
            return this;
        }
    }
}
