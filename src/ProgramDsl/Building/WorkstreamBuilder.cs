using System;
using ProgramDsl.Syntax;

namespace ProgramDsl.Building
{
    /// <summary>The body of a <c>workstream</c>: owner, dependencies, due date and its tasks, milestones and workstreams.</summary>
    public sealed class WorkstreamBuilder
    {
        private readonly TpmBlock _body;

        internal WorkstreamBuilder(TpmBlock body) => _body = body;

        /// <summary><c>owner ID</c>: a person or a team.</summary>
        public WorkstreamBuilder Owner(string personId)
        {
            _body.Add(Keywords.Owner, personId ?? throw new ArgumentNullException(nameof(personId)));
            return this;
        }

        /// <summary>
        /// Every task of the workstream starts after <paramref name="id"/> (<c>after ID [type][±lag]</c>). Only
        /// finish-to-start and start-to-start apply to a workstream; the compiler reports the others (TPM1102).
        /// </summary>
        /// <param name="id">A task, milestone or workstream, written as given (<c>data.eda</c> names a nested one).</param>
        /// <param name="type">The dependency type.</param>
        /// <param name="lagDays">Working days of lag (positive) or lead (negative).</param>
        public WorkstreamBuilder After(string id, Dependency type = Dependency.FinishToStart, int lagDays = 0)
        {
            _body.AddItem(Keywords.After, TpmText.DependencyItem(id, type, lagDays));
            return this;
        }

        /// <summary><c>due DATE</c>: TPM2201 when the workstream's last task finishes later.</summary>
        public WorkstreamBuilder Due(DateTime date) => Due(TpmText.Date(date));

        /// <summary><c>due DATE</c> with the date as <c>yyyy-MM-dd</c> text, written as given.</summary>
        public WorkstreamBuilder Due(string isoDate)
        {
            _body.Add(Keywords.Due, TpmText.Date(isoDate));
            return this;
        }

        /// <summary><c>note "text"</c>.</summary>
        public WorkstreamBuilder Note(string text)
        {
            _body.Add(Keywords.Note, TpmText.Quote(text ?? throw new ArgumentNullException(nameof(text))));
            return this;
        }

        /// <summary>A task in this workstream; its id is qualified by the workstream's (<c>data.eda</c>).</summary>
        public WorkstreamBuilder Task(string id, string? title, Action<TaskBuilder> configure)
        {
            if (configure is null) throw new ArgumentNullException(nameof(configure));
            configure(new TaskBuilder(_body.Declare(Keywords.Task, id, title)));
            return this;
        }

        /// <summary>A milestone in this workstream.</summary>
        public WorkstreamBuilder Milestone(string id, string? title = null, Action<MilestoneBuilder>? configure = null)
        {
            var body = _body.Declare(Keywords.Milestone, id, title);
            configure?.Invoke(new MilestoneBuilder(body));
            return this;
        }

        /// <summary>A nested workstream.</summary>
        public WorkstreamBuilder Workstream(string id, string? title, Action<WorkstreamBuilder> configure)
        {
            if (configure is null) throw new ArgumentNullException(nameof(configure));
            configure(new WorkstreamBuilder(_body.Declare(Keywords.Workstream, id, title)));
            return this;
        }
    }
}
