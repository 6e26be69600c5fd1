using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using ProgramDsl.Scheduling;
using ProgramDsl.Scheduling.Leveling;
using ProgramDsl.Semantics;
using static ProgramDsl.Tests.Leveling.LevelingPlans;

namespace ProgramDsl.Tests.Leveling
{
    /// <summary>
    /// Issue 11, second pass: many people each on a task of their own, and many holders of one role, cost about the
    /// number of tasks, not its square (50,000 people and tasks: 6.2 s; 20,000 holders of a role: 29 s before).
    /// </summary>
    public class LevelingScaleTests
    {
        private static string People(int n, bool viaRole, string skill = "")
        {
            var sb = new StringBuilder();
            if (viaRole) sb.Append("  role r\n");
            if (skill.Length > 0) sb.Append("  skill ").Append(skill).Append('\n');
            for (int i = 0; i < n; i++) sb.Append("  person p").Append(i).Append(viaRole ? " { role r }\n" : "\n");
            for (int i = 0; i < n; i++)
            {
                sb.Append("  task t").Append(i).Append(" { effort 1d ");
                sb.Append(viaRole ? "assign role r" : "assign p" + i);
                if (skill.Length > 0) sb.Append(" requires skill ").Append(skill);
                sb.Append(" }\n");
            }

            return sb.ToString();
        }

        [Fact]
        public void Demand_keys_of_task_i_on_person_i_hash_apart()
        {
            // long's own hash is the xor of its halves: every (i, i) key hashed to 0, so adding the demands was quadratic.
            const int n = 100_000;
            var same = new HashSet<int>();
            var next = new HashSet<int>();
            for (int i = 0; i < n; i++)
            {
                same.Add(MixedKey.Instance.GetHashCode(((long)i << 32) | (uint)i));
                next.Add(MixedKey.Instance.GetHashCode(((long)i << 32) | (uint)(i + 1)));
            }

            same.Count.Should().BeGreaterThan(n - 10);
            next.Count.Should().BeGreaterThan(n - 10);
            ((long)1 << 32 | 1).GetHashCode().Should().Be(0, "the default hash this comparer replaces sends (i, i) to 0");
        }

        [Fact]
        public void Many_people_each_on_a_task_of_their_own_all_start_on_the_first_day()
        {
            const int n = 20_000;
            var watch = Stopwatch.StartNew();
            var schedule = Schedule(People(n, viaRole: false));

            schedule.Tasks.Should().HaveCount(n);
            schedule.Tasks.Should().OnlyContain(t => t.Start == 0 && t.Finish == 1);
            schedule.FinishIndex.Should().Be(1);
            watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(30), "does not hang");
        }

        private static ProgramSymbol Model(int n, string skill = "")
        {
            var program = Compile(People(n, viaRole: true, skill), new ScheduleOptions { Leveling = false });
            return program.Model!;
        }

        [Fact]
        public void The_least_loaded_holder_is_found_in_logarithmic_steps_not_by_a_scan_of_every_holder()
        {
            const int n = 20_000;
            var program = Model(n);
            var role = program.People[0].Roles[0];
            var holders = new RoleHolders(program.People);
            var load = new Dictionary<PersonSymbol, decimal>();
            var aside = new List<(RoleHolders.Group, (decimal, int))>();
            var onTask = new HashSet<PersonSymbol>();
            var group = holders.Skilled(role, Array.Empty<string>())!;

            var chosen = new List<PersonSymbol>();
            for (int i = 0; i < 2 * n; i++)
            {
                var p = group.LeastLoaded(load, onTask, aside)!;
                chosen.Add(p);
                load.TryGetValue(p, out var l);
                load[p] = l + 1;
            }

            // Least loaded, earliest declared among equals: p0..p(n-1), then round again.
            chosen.Take(n).Should().Equal(program.People);
            chosen.Skip(n).Should().Equal(program.People);
            holders.Steps.Should().BeLessThan(5L * n, "each choice re-files at most the one holder whose load grew");
        }

        [Fact]
        public void People_on_the_task_are_skipped_and_put_back_afterwards()
        {
            var program = Model(4);
            var role = program.People[0].Roles[0];
            var holders = new RoleHolders(program.People);
            var group = holders.Skilled(role, Array.Empty<string>())!;
            var load = new Dictionary<PersonSymbol, decimal> { [program.People[0]] = 2, [program.People[1]] = 1 };
            var aside = new List<(RoleHolders.Group, (decimal, int))>();
            var onTask = new HashSet<PersonSymbol> { program.People[2], program.People[3] };

            group.LeastLoaded(load, onTask, aside).Should().Be(program.People[1]);
            aside.Should().HaveCount(2);
            RoleHolders.Group.Restore(aside);
            aside.Should().BeEmpty();
            group.LeastLoaded(load, new HashSet<PersonSymbol>(), aside).Should().Be(program.People[2]);
            group.FirstFree(new HashSet<PersonSymbol> { program.People[0] }).Should().Be(program.People[1]);
        }

        [Fact]
        public void A_skill_nobody_has_costs_one_step_per_choice_not_a_scan_of_every_holder()
        {
            const int n = 20_000;
            var program = Model(n, "s");
            var role = program.People[0].Roles[0];
            var holders = new RoleHolders(program.People);
            var skills = new[] { "s" };
            var onTask = new HashSet<PersonSymbol>();
            for (int i = 0; i < n; i++)
            {
                holders.Skilled(role, skills)!.FirstFree(onTask).Should().BeNull();
                holders.Skilled(role, Array.Empty<string>())!.FirstFree(onTask).Should().Be(program.People[0]);
            }

            // Building the skilled group looks at every holder once; each choice then looks at one.
            holders.Steps.Should().BeLessThan(3L * n);
        }

        [Fact]
        public void Role_work_needing_a_skill_nobody_has_is_spread_over_every_holder_when_leveled()
        {
            const int n = 5_000;
            var leveled = Compile(People(n, viaRole: true, "s"));
            leveled.Schedule.Should().NotBeNull();
            var people = leveled.Schedule!.Tasks.Select(t => t.Assigned.Single().Person.Id).ToList();
            people.Should().OnlyHaveUniqueItems("every holder has the same load, so each task goes to the next one");
            leveled.Schedule.FinishIndex.Should().Be(1);
            leveled.WithCode("TPM3002").Should().HaveCount(n);

            var plain = Compile(People(n, viaRole: true, "s"), new ScheduleOptions { Leveling = false });
            plain.Schedule!.Tasks.Should().OnlyContain(t => t.Assigned.Single().Person.Id == "p0", "without leveling, the first holder");
        }
    }
}
