using ProgramDsl.Syntax;

namespace ProgramDsl.Building
{
    /// <summary>The body of a <c>resource</c> pool.</summary>
    public sealed class ResourceBuilder
    {
        private readonly TpmBlock _body;

        internal ResourceBuilder(TpmBlock body) => _body = body;

        /// <summary><c>note "text"</c>.</summary>
        public ResourceBuilder Note(string text)
        {
            _body.Add(Keywords.Note, TpmText.Quote(text ?? throw new System.ArgumentNullException(nameof(text))));
            return this;
        }

        /// <summary>The hourly rate of one unit: <c>rate N/h</c>.</summary>
        public ResourceBuilder Rate(decimal perHour)
        {
            _body.Add(Keywords.Rate, TpmText.Number(perHour) + "/h");
            return this;
        }
    }
}
