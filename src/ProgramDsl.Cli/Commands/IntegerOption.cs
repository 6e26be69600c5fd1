using System;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace ProgramDsl.Cli.Commands
{
    /// <summary>
    /// Whole-number options of every command, parsed and range-checked in one place, so a bad value is a usage error
    /// (exit 2) that names the option, the accepted range and what was given, never a .NET type name:
    /// <c>option '--iterations' expects a whole number from 0 to 10,000,000; got 'abc'</c>.
    /// </summary>
    public static class IntegerOption
    {
        /// <summary>An option with a value that always exists (<paramref name="defaultValue"/> when not given).</summary>
        public static Option<int> Create(string name, string[] aliases, string description, int minimum, int maximum, int defaultValue)
        {
            var option = new Option<int>(name, aliases) { Description = description, DefaultValueFactory = _ => defaultValue };
            option.CustomParser = result => Parse(result, minimum, maximum) ?? defaultValue;
            return option;
        }

        /// <summary>An option that is null when not given.</summary>
        public static Option<int?> CreateOptional(string name, string[] aliases, string description, int minimum, int maximum)
        {
            var option = new Option<int?>(name, aliases) { Description = description };
            option.CustomParser = result => Parse(result, minimum, maximum);
            return option;
        }

        /// <summary>The message for a value outside the range or not a whole number (public for the tests and for other commands).</summary>
        public static string Message(string option, int minimum, int maximum, string given) =>
            "option '" + option + "' expects a whole number from " + Number(minimum) + " to " + Number(maximum) + "; got '" + given + "'";

        /// <summary>Reads one token: optional sign and decimal digits only (no exponent, separators or spaces), within the range.</summary>
        public static bool TryParse(string text, int minimum, int maximum, out int value)
        {
            value = 0;
            if (text.Length == 0 || char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[text.Length - 1])) return false;
            // BigInteger-free: a long holds 18 digits, and anything longer is out of every int range anyway.
            if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long parsed)) return false;
            if (parsed < minimum || parsed > maximum) return false;
            value = (int)parsed;
            return true;
        }

        private static int? Parse(ArgumentResult result, int minimum, int maximum)
        {
            // The option's arity is one value; the parser reports a missing value itself before calling this.
            if (result.Tokens.Count == 0) return null;
            var text = result.Tokens[result.Tokens.Count - 1].Value;
            if (TryParse(text, minimum, maximum, out int value)) return value;
            var typed = (result.Parent as OptionResult)?.IdentifierToken?.Value ?? (result.Parent as OptionResult)?.Option.Name ?? "?";
            result.AddError(Message(typed, minimum, maximum, text));
            return null;
        }

        private static string Number(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
    }
}
