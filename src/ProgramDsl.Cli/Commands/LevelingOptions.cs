using System;
using System.CommandLine;
using ProgramDsl.Scheduling;
using ProgramDsl.Scheduling.Leveling;

namespace ProgramDsl.Cli.Commands
{
    /// <summary>
    /// The options that steer scheduling, shared by every command that schedules: <c>--no-level</c>, <c>--seed</c>,
    /// <c>--effort</c>, <c>--schedules</c> and <c>--time-limit</c>. A check and a schedule given the same options judge the same schedule.
    /// </summary>
    public sealed class LevelingOptions
    {
        private readonly Option<bool> _noLevel = new Option<bool>("--no-level") { Description = "Schedule without resource leveling, whatever the program says" };

        // Any int: negative seeds have always been accepted, and a seed only has to be the same from run to run.
        private readonly Option<int> _seed = IntegerOption.Create("--seed", new string[0],
            "Seed of the resource leveler's search: the same plan and seed give the same schedule", int.MinValue, int.MaxValue, 0);

        private readonly Option<string> _effort = new Option<string>("--effort")
        {
            Description = "How hard the leveler searches: quick (priority rules only), normal or max (ten times normal)",
            DefaultValueFactory = _ => "normal",
        };

        private readonly Option<int?> _schedules = IntegerOption.CreateOptional("--schedules", new string[0], "Number of schedules the leveler tries, instead of --effort (fewer if the max effort's work budget runs out)", 1, int.MaxValue);

        /// <summary>The longest --time-limit: a day (a longer search has no use, and the figure stays a valid TimeSpan).</summary>
        public const double MaxTimeLimitSeconds = 86_400;

        // Read as text and parsed here, so a bad value gets a plain message rather than a .NET type name.
        private readonly Option<double?> _timeLimit = new Option<double?>("--time-limit")
        {
            Description = "Stop the leveler's search after this many seconds (opt-in: the result then depends on the machine's speed)",
            CustomParser = r =>
            {
                var text = r.Tokens.Count == 1 ? r.Tokens[0].Value : "";
                if (double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds) &&
                    seconds > 0 && seconds <= MaxTimeLimitSeconds)
                {
                    return seconds;
                }

                r.AddError("--time-limit must be a number of seconds greater than 0 and at most " +
                           MaxTimeLimitSeconds.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + ", such as 5 or 0.5; got '" + text + "'");
                return null;
            },
        };

        public LevelingOptions()
        {
            _effort.AcceptOnlyFromAmong("quick", "normal", "max");
        }

        public void AddTo(Command command)
        {
            command.Options.Add(_noLevel);
            command.Options.Add(_seed);
            command.Options.Add(_effort);
            command.Options.Add(_schedules);
            command.Options.Add(_timeLimit);
        }

        public ScheduleOptions Read(ParseResult result) => new ScheduleOptions
        {
            Leveling = result.GetValue(_noLevel) ? false : null,
            Seed = result.GetValue(_seed),
            Effort = result.GetValue(_effort) switch
            {
                "quick" => LevelingEffort.Quick,
                "max" => LevelingEffort.Max,
                _ => LevelingEffort.Normal,
            },
            Schedules = result.GetValue(_schedules),
            TimeLimit = result.GetValue(_timeLimit) is double seconds ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null,
        };
    }
}
