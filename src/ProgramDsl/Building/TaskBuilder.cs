using System;
using ProgramDsl.Syntax;

namespace ProgramDsl.Building
{
    /// <summary>The body of a <c>task</c>: work, assignments, dependencies, constraints, cost and tracking.</summary>
    public sealed class TaskBuilder
    {
        private readonly TpmBlock _body;

        internal TaskBuilder(TpmBlock body) => _body = body;

        /// <summary>Person-days of work, divided over the assignees: <c>effort 2.5d</c>.</summary>
        public TaskBuilder Effort(double days) => Add(Keywords.Effort, TpmText.Days(days));

        /// <summary>Fixed working days, whoever is assigned: <c>duration 10d</c>.</summary>
        public TaskBuilder Duration(double days) => Add(Keywords.Duration, TpmText.Days(days));

        /// <summary>A three-point estimate in days: <c>estimate 8d 10d 15d</c>.</summary>
        public TaskBuilder Estimate(double optimistic, double mostLikely, double pessimistic) =>
            Add(Keywords.Estimate, TpmText.Days(optimistic) + " " + TpmText.Days(mostLikely) + " " + TpmText.Days(pessimistic));

        /// <summary>Assigns a person with a share of their time (<c>assign ana 50%</c>; 100% is the default and not written).</summary>
        public TaskBuilder Assign(string personId, int share = 100) =>
            AddItem(Keywords.Assign, Share(personId ?? throw new ArgumentNullException(nameof(personId)), share));

        /// <summary>Assigns one holder of a role, chosen by the scheduler (<c>assign role de</c>).</summary>
        public TaskBuilder AssignRole(string roleId, int share = 100) =>
            AddItem(Keywords.Assign, TpmText.RoleItemWord + " " + Share(roleId ?? throw new ArgumentNullException(nameof(roleId)), share));

        /// <summary>Units of a resource pool held for the whole task (<c>uses gpu 4</c>; 1 is the default and not written).</summary>
        public TaskBuilder Uses(string resourceId, int units = 1)
        {
            if (resourceId is null) throw new ArgumentNullException(nameof(resourceId));
            return AddItem(Keywords.Uses, units == 1 ? resourceId : resourceId + " " + TpmText.Number(units));
        }

        /// <summary>A predecessor: <c>after ID [type][±lag]</c>; several calls list several.</summary>
        /// <param name="id">A task, milestone or workstream, written as given (<c>data.eda</c> names a nested one).</param>
        /// <param name="type">The dependency type.</param>
        /// <param name="lagDays">Working days of lag (positive) or lead (negative).</param>
        public TaskBuilder After(string id, Dependency type = Dependency.FinishToStart, int lagDays = 0) =>
            AddItem(Keywords.After, TpmText.DependencyItem(id, type, lagDays));

        /// <summary><c>not-before DATE</c>: the task starts on or after it.</summary>
        public TaskBuilder NotBefore(DateTime date) => Add(Keywords.NotBefore, TpmText.Date(date));

        /// <summary><c>not-before DATE</c> with the date as <c>yyyy-MM-dd</c> text, written as given.</summary>
        public TaskBuilder NotBefore(string isoDate) => Add(Keywords.NotBefore, TpmText.Date(isoDate));

        /// <summary><c>due DATE</c>: TPM2201 when the task finishes later.</summary>
        public TaskBuilder Due(DateTime date) => Add(Keywords.Due, TpmText.Date(date));

        /// <summary><c>due DATE</c> with the date as <c>yyyy-MM-dd</c> text, written as given.</summary>
        public TaskBuilder Due(string isoDate) => Add(Keywords.Due, TpmText.Date(isoDate));

        /// <summary>The leveling preference: <c>priority N</c> (1..1000, default 500).</summary>
        public TaskBuilder Priority(int priority) => Add(Keywords.Priority, TpmText.Number(priority));

        /// <summary>A skill the assignees must have (<c>requires skill a, b</c>); several calls list several.</summary>
        public TaskBuilder Requires(string skill) => AddItem(Keywords.Requires, skill ?? throw new ArgumentNullException(nameof(skill)), TpmText.SkillItemWord + " ");

        /// <summary>A fixed cost beside labour and resources: <c>cost N</c>.</summary>
        public TaskBuilder Cost(decimal amount) => Add(Keywords.Cost, TpmText.Number(amount));

        /// <summary>Progress: <c>progress N%</c>.</summary>
        public TaskBuilder Progress(int percent) => Add(Keywords.Progress, TpmText.Percent(percent));

        /// <summary><c>actual-start DATE</c>: fixes the start.</summary>
        public TaskBuilder ActualStart(DateTime date) => Add(Keywords.ActualStart, TpmText.Date(date));

        /// <summary><c>actual-start DATE</c> with the date as <c>yyyy-MM-dd</c> text, written as given.</summary>
        public TaskBuilder ActualStart(string isoDate) => Add(Keywords.ActualStart, TpmText.Date(isoDate));

        /// <summary><c>actual-finish DATE</c>: fixes the finish (needs an actual start).</summary>
        public TaskBuilder ActualFinish(DateTime date) => Add(Keywords.ActualFinish, TpmText.Date(date));

        /// <summary><c>actual-finish DATE</c> with the date as <c>yyyy-MM-dd</c> text, written as given.</summary>
        public TaskBuilder ActualFinish(string isoDate) => Add(Keywords.ActualFinish, TpmText.Date(isoDate));

        /// <summary>The cost incurred so far: <c>actual-cost N</c>.</summary>
        public TaskBuilder ActualCost(decimal amount) => Add(Keywords.ActualCost, TpmText.Number(amount));

        /// <summary>Free text: <c>note "text"</c>.</summary>
        public TaskBuilder Note(string text) => Add(Keywords.Note, TpmText.Quote(text ?? throw new ArgumentNullException(nameof(text))));

        private static string Share(string id, int share) => share == 100 ? id : id + " " + TpmText.Percent(share);

        private TaskBuilder Add(string keyword, string arguments)
        {
            _body.Add(keyword, arguments);
            return this;
        }

        private TaskBuilder AddItem(string keyword, string item, string prefix = "")
        {
            _body.AddItem(keyword, item, prefix);
            return this;
        }
    }
}
