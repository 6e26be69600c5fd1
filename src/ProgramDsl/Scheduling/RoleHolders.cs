using System;
using System.Collections.Generic;
using System.Threading;
using ProgramDsl.Semantics;

namespace ProgramDsl.Scheduling
{
    /// <summary>
    /// Who holds each role, and, per role and set of required skills, the holders who have all of them, in declaration
    /// order. Each group is built once, so choosing a holder costs about the number of people already on the task
    /// (skipped) rather than a scan of every holder: a scan per role assignment was quadratic (20,000 holders of one role,
    /// each on a task of their own: 29 s).
    /// </summary>
    internal sealed class RoleHolders
    {
        private readonly Dictionary<RoleSymbol, List<PersonSymbol>> _byRole;
        private readonly Dictionary<(RoleSymbol Role, string Skills), Group> _groups = new Dictionary<(RoleSymbol, string), Group>();
        private readonly Dictionary<PersonSymbol, HashSet<string>> _skillSets = new Dictionary<PersonSymbol, HashSet<string>>();
        private readonly object _gate = new object();
        private long _steps;

        /// <summary>Holders looked at so far (group building, scans past people on a task, load-order steps): what tests bound.</summary>
        public long Steps => Interlocked.Read(ref _steps);

        /// <summary>Indexes the holders of every role among <paramref name="people"/>, each person once per role.</summary>
        public RoleHolders(IEnumerable<PersonSymbol> people)
        {
            _byRole = new Dictionary<RoleSymbol, List<PersonSymbol>>();
            var seen = new HashSet<RoleSymbol>();
            foreach (var person in people)
            {
                // A person naming a role twice holds it once (found by lookup: a scan of the holder list was quadratic).
                seen.Clear();
                foreach (var role in person.Roles)
                {
                    if (!seen.Add(role)) continue;
                    if (!_byRole.TryGetValue(role, out var list)) _byRole[role] = list = new List<PersonSymbol>();
                    list.Add(person);
                }
            }
        }

        /// <summary>The holders of a role in declaration order, if anyone holds it.</summary>
        public bool TryGetHolders(RoleSymbol role, out List<PersonSymbol> holders) => _byRole.TryGetValue(role, out holders!);

        /// <summary>
        /// The holders of <paramref name="role"/> who have every skill of <paramref name="skills"/>, in declaration order
        /// (all holders when no skill is required); null when nobody holds the role. Safe to call from several threads.
        /// </summary>
        public Group? Skilled(RoleSymbol role, IReadOnlyList<string> skills)
        {
            if (!_byRole.TryGetValue(role, out var holders)) return null;
            string key = SkillKey(skills);
            lock (_gate)
            {
                if (_groups.TryGetValue((role, key), out var group)) return group;
                List<PersonSymbol> members;
                if (skills.Count == 0)
                {
                    members = holders;
                }
                else
                {
                    members = new List<PersonSymbol>();
                    foreach (var p in holders) if (HasSkillsLocked(p, skills)) members.Add(p);
                    Interlocked.Add(ref _steps, holders.Count);
                }

                group = new Group(this, members);
                _groups[(role, key)] = group;
                return group;
            }
        }

        /// <summary>Whether a person has every skill in <paramref name="skills"/>: one lookup per skill.</summary>
        public bool HasSkills(PersonSymbol person, IReadOnlyList<string> skills)
        {
            if (skills.Count == 0) return true;
            lock (_gate) return HasSkillsLocked(person, skills);
        }

        private bool HasSkillsLocked(PersonSymbol person, IReadOnlyList<string> skills)
        {
            if (!_skillSets.TryGetValue(person, out var set)) _skillSets[person] = set = new HashSet<string>(person.Skills, StringComparer.Ordinal);
            for (int i = 0; i < skills.Count; i++) if (!set.Contains(skills[i])) return false;
            return true;
        }

        /// <summary>The required skills as one key: distinct and sorted, so the same set written in any order shares a group.</summary>
        private static string SkillKey(IReadOnlyList<string> skills)
        {
            if (skills.Count == 0) return string.Empty;
            if (skills.Count == 1) return skills[0];
            var sorted = new SortedSet<string>(skills, StringComparer.Ordinal);
            return string.Join("\n", sorted);
        }

        /// <summary>Holders of a role with a set of skills, in declaration order, with their loads ordered on demand.</summary>
        internal sealed class Group
        {
            private readonly RoleHolders _owner;
            private SortedSet<(decimal Load, int Position)>? _byLoad;

            public Group(RoleHolders owner, List<PersonSymbol> members)
            {
                _owner = owner;
                Members = members;
            }

            /// <summary>The holders, in declaration order.</summary>
            public List<PersonSymbol> Members { get; }

            /// <summary>The first member (declaration order) not already on the task.</summary>
            public PersonSymbol? FirstFree(HashSet<PersonSymbol> onTask)
            {
                long steps = 0;
                PersonSymbol? found = null;
                foreach (var p in Members)
                {
                    steps++;
                    if (onTask.Contains(p))
                    {
                        continue;
                    }

                    found = p;
                    break;
                }

                Interlocked.Add(ref _owner._steps, steps);
                return found;
            }

            /// <summary>
            /// The member with the least load (the earliest declared among equals) not on the task. Loads only grow, so an
            /// entry whose recorded load is out of date is re-filed when it reaches the top (lazily); members on the task are
            /// taken out into <paramref name="aside"/>, to be put back with <see cref="Restore"/> once the task is done.
            /// </summary>
            public PersonSymbol? LeastLoaded(Dictionary<PersonSymbol, decimal> load, HashSet<PersonSymbol> onTask, List<(Group, (decimal, int))> aside)
            {
                if (_byLoad is null)
                {
                    _owner._steps += Members.Count;
                    _byLoad = new SortedSet<(decimal, int)>();
                    for (int i = 0; i < Members.Count; i++)
                    {
                        load.TryGetValue(Members[i], out var l);
                        _byLoad.Add((l, i));
                    }
                }

                while (_byLoad.Count > 0)
                {
                    _owner._steps++;
                    var top = _byLoad.Min;
                    var person = Members[top.Position];
                    load.TryGetValue(person, out var current);
                    if (current != top.Load)
                    {
                        _byLoad.Remove(top);
                        _byLoad.Add((current, top.Position));
                        continue;
                    }

                    if (onTask.Contains(person))
                    {
                        _byLoad.Remove(top);
                        aside.Add((this, top));
                        continue;
                    }

                    return person;
                }

                return null;
            }

            /// <summary>Puts back the entries <see cref="LeastLoaded"/> took out for a task.</summary>
            public static void Restore(List<(Group Group, (decimal, int) Entry)> aside)
            {
                foreach (var (group, entry) in aside) group._byLoad!.Add(entry);
                aside.Clear();
            }
        }
    }
}
