using System;

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
            _body.AddItem("after", TpmText.DependencyItem(id, type, lagDays));
            return this;
        }

        /// <summary><c>due DATE</c>: TPM2201 when the milestone falls later.</summary>
        public MilestoneBuilder Due(DateTime date) => Due(TpmText.Date(date));

        /// <summary><c>due DATE</c> with the date as <c>yyyy-MM-dd</c> text, written as given.</summary>
        public MilestoneBuilder Due(string isoDate)
        {
            _body.Add("due", TpmText.Date(isoDate));
            return this;
        }
    }
}
