using System.Linq;
using ProgramDsl.Scheduling;
using static ProgramDsl.Tests.Scheduling.Plans;

namespace ProgramDsl.Tests.Scheduling
{
    /// <summary>A person's or pool's load in a schedule, counted as the over-allocation check (TPM2101) counts it.</summary>
    public sealed class ResourceUsageTests
    {
        [Fact]
        public void Two_overlapping_tasks_of_one_person_with_leveling_off_are_one_overload_with_the_days_peak_and_tasks_of_TPM2101()
        {
            var program = CompileBody(@"
  leveling off
  person ana ""Ana"" { }
  task a ""A"" { effort 5d  assign ana }
  task b ""B"" { effort 3d  assign ana }
  task c ""C"" { effort 2d  assign ana 50%  after a }");
            var ana = program.Model!.People.Single();

            var load = ResourceUsage.Of(program.Schedule!, ana);

            program.WithCode("TPM2101").Single().Message.Should().StartWith("person 'ana' is over-allocated on 2027-01-04..2027-01-06 (3 working days, up to 200%) by 'a', 'b'");
            load.IsPool.Should().BeFalse();
            load.Capacity.Should().Be(1);
            load.Tasks.Select(t => t.Id).Should().Equal("a", "b", "c");
            // a: Jan 4-8, b: Jan 4-6, c: two days of effort at half time, Jan 11-14.
            program.Schedule!.Task("c").StartDate.Should().Be(D("2027-01-11"));
            program.Schedule!.Task("c").FinishDate.Should().Be(D("2027-01-14"));
            load.BusyDays.Should().Be(9);
            load.Booked.Should().Be(10m);
            load.Peak.Should().Be(2m);
            load.IsComplete.Should().BeTrue();
            var overload = load.Overloads.Should().ContainSingle().Subject;
            overload.First.Should().Be(D("2027-01-04"));
            overload.Last.Should().Be(D("2027-01-06"));
            overload.Days.Should().Be(3);
            overload.Peak.Should().Be(2m);
            overload.Tasks.Select(t => t.Id).Should().Equal("a", "b");
        }

        [Fact]
        public void A_vacation_inside_a_task_books_no_day_and_a_leveled_schedule_has_no_overload()
        {
            var program = CompileBody(@"
  person ana ""Ana"" { vacation 2027-01-06 }
  task a ""A"" { effort 3d  assign ana }
  task b ""B"" { effort 2d  assign ana }");
            var load = ResourceUsage.Of(program.Schedule!, program.Model!.People.Single());

            program.Schedule!.IsLeveled.Should().BeTrue();
            load.BusyDays.Should().Be(5, "five days of work, none on the vacation day");
            load.Booked.Should().Be(5m);
            load.Peak.Should().Be(1m);
            load.Overloads.Should().BeEmpty();
        }

        [Fact]
        public void A_pool_counts_units_against_its_capacity()
        {
            var program = CompileBody(@"
  leveling off
  resource gpu ""GPUs"" { capacity 3 }
  task a ""A"" { duration 2d  uses gpu 2 }
  task b ""B"" { duration 1d  uses gpu 2 }");
            var load = ResourceUsage.Of(program.Schedule!, program.Model!.Resources.Single());

            program.WithCode("TPM2101").Single().Message.Should().StartWith("resource 'gpu' is over-allocated on 2027-01-04 (1 working day, up to 4 of 3 units) by 'a', 'b'");
            load.IsPool.Should().BeTrue();
            load.Capacity.Should().Be(3);
            load.BusyDays.Should().Be(2);
            load.Booked.Should().Be(6m);
            load.Peak.Should().Be(4m);
            load.Overloads.Should().ContainSingle().Which.Peak.Should().Be(4m);
        }

        [Fact]
        public void Someone_without_work_has_no_load()
        {
            var program = CompileBody(@"
  person ana ""Ana"" { }
  person bob ""Bob"" { }
  task a ""A"" { effort 1d  assign ana }");
            var load = ResourceUsage.Of(program.Schedule!, program.Model!.People.Single(p => p.Id == "bob"));

            load.Tasks.Should().BeEmpty();
            load.BusyDays.Should().Be(0);
            load.Peak.Should().Be(0m);
            load.Overloads.Should().BeEmpty();
        }
    
        [Fact]
        public void A_walk_past_the_work_limit_stops_and_says_the_load_is_incomplete()
        {
            var program = CompileBody(@"
  leveling off
  person ana ""Ana"" { }
  task a ""A"" { duration 1_100_000d  assign ana }
  task b ""B"" { duration 1_100_000d  assign ana }");
            program.Diagnostics.Where(d => d.IsError).Should().BeEmpty();

            var load = ResourceUsage.Of(program.Schedule!, program.Model!.People.Single());

            load.IsComplete.Should().BeFalse();
            load.BusyDays.Should().Be(1_100_000, "a's days were walked, then b's until the limit");
            load.Booked.Should().Be(ResourceUsage.MaxWork);
        }
    }
}
