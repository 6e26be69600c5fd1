namespace ProgramDsl.Cli.Output
{
    /// <summary>ANSI styling that becomes a no-op when colour is off.</summary>
    public sealed class Ansi
    {
        private readonly bool _enabled;

        public Ansi(bool enabled) => _enabled = enabled;

        public string Red(string text) => Wrap("31", text);

        public string Yellow(string text) => Wrap("33", text);

        public string Bold(string text) => Wrap("1", text);

        public string Dim(string text) => Wrap("2", text);

        private string Wrap(string code, string text) => _enabled ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
    }
}
