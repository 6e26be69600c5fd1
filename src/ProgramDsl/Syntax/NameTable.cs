namespace ProgramDsl.Syntax
{
    /// <summary>
    /// Interns identifier text during one parse: a plan repeats the same few thousand names (people, tasks
    /// referenced by dependencies) hundreds of thousands of times, and one string each keeps the tree small.
    /// </summary>
    internal sealed class NameTable
    {
        private string?[] _slots = new string?[1024];
        private int _count;

        public string Get(string text, int start, int length)
        {
            uint hash = Hash(text, start, length, out bool wide);

            // An invisible character is already a syntax error; the name without it is what the writer meant, so
            // references written with or without it resolve alike and cause no second error.
            if (wide && Lexer.Visible(text, start, length) is string visible) return Get(visible, 0, visible.Length);
            int mask = _slots.Length - 1;
            int i = (int)(hash & (uint)mask);
            while (true)
            {
                var slot = _slots[i];
                if (slot is null)
                {
                    slot = text.Substring(start, length);
                    _slots[i] = slot;
                    if (++_count * 2 > _slots.Length) Grow();
                    return slot;
                }

                if (slot.Length == length && string.CompareOrdinal(slot, 0, text, start, length) == 0) return slot;
                i = (i + 1) & mask;
            }
        }

        private static uint Hash(string text, int start, int length) => Hash(text, start, length, out _);

        private static uint Hash(string text, int start, int length, out bool wide)
        {
            uint hash = 2166136261;
            char all = '\0';
            bool control = false;
            for (int i = start; i < start + length; i++)
            {
                char c = text[i];
                all |= c;
                control |= c < ' ';
                hash = (hash ^ c) * 16777619;
            }

            wide = all > 127 || control;
            return hash;
        }

        private void Grow()
        {
            var old = _slots;
            _slots = new string?[old.Length * 2];
            int mask = _slots.Length - 1;
            foreach (var s in old)
            {
                if (s is null) continue;
                int i = (int)(Hash(s, 0, s.Length) & (uint)mask);
                while (_slots[i] != null) i = (i + 1) & mask;
                _slots[i] = s;
            }
        }
    }
}
