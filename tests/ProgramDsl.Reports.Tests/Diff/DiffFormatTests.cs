using System;
using System.Linq;
using ProgramDsl.Comparison;
using ProgramDsl.Reports.Diff;
using ProgramDsl.Tests.Comparison;

namespace ProgramDsl.Reports.Tests.Diff
{
    /// <summary>The three diff formats of the hand-worked demo pair (DiffPlans), byte for byte.</summary>
    public class DiffFormatTests
    {
        internal static PlanDiff DemoDiff() => PlanDiffer.Compare(
            DiffPlans.Compile(DiffPlans.Old), DiffPlans.Compile(DiffPlans.New), new PlanDiffOptions { OldLabel = "HEAD", NewLabel = "working tree" });

        [Fact]
        public void Text_of_the_demo_pair()
        {
            DiffText.Write(DemoDiff()).Should().Be(Expected("""
            Plan diff demo: HEAD → working tree
            Finish +4 working days (2027-03-11 → 2027-03-17), cost +1,800 EUR, 1 milestone moved, 1 added, 1 renamed, 1 re-estimated, 1 re-assigned, 1 task moved, 1 new warning, 1 resolved.

            Program
              finish           2027-03-11 → 2027-03-17  +4 working days
              duration         9 → 13 working days  +4
              deadline         2027-03-31 (unchanged)
              deadline margin  14 → 10 working days  -4
              cost             2,800 → 4,600 EUR  +1,800
              budget           50,000 EUR (unchanged)

            Milestones moved (1)
              ready "Ready"  2027-03-11 → 2027-03-17  +4 working days

            Added (1)
              review "Review"  2027-03-09 .. 2027-03-09

            Renamed (1)
              docs  "Docs" → "Documentation"

            Re-estimated (1)
              data.clean "Clean"  effort 2d → 4d

            Re-assigned (1)
              docs "Documentation"  nobody → ana

            Tasks moved (1)
              data.clean "Clean"  finish 2027-03-11 → 2027-03-17 (+4)

            Diagnostics introduced (1)
              + plans/demo.tpm(11,73): warning TPM2201: task 'data.clean' finishes on 2027-03-17, 3 working days after its due date 2027-03-12

            Diagnostics resolved (1)
              - plans/demo.tpm(12,55): warning TPM2201: task 'docs' finishes on 2027-03-08, 1 working day after its due date 2027-03-05
            """));
        }

        [Fact]
        public void Markdown_of_the_demo_pair()
        {
            DiffMarkdown.Write(DemoDiff()).Should().Be(Expected("""
            **Plan diff** of `demo`, `HEAD` → `working tree`: finish +4 working days (2027-03-11 → 2027-03-17), cost +1,800 EUR, 1 milestone moved, 1 added, 1 renamed, 1 re-estimated, 1 re-assigned, 1 task moved, 1 new warning, 1 resolved

            <details><summary>Program</summary>

            |  | Before | After | Change |
            | --- | --- | --- | --- |
            | Finish | 2027-03-11 | 2027-03-17 | +4 working days |
            | Duration (working days) | 9 | 13 | +4 |
            | Deadline | 2027-03-31 | 2027-03-31 | unchanged |
            | Deadline margin (working days) | 14 | 10 | -4 |
            | Cost (`EUR`) | 2,800 | 4,600 | +1,800 |
            | Budget (`EUR`) | 50,000 | 50,000 | unchanged |

            </details>

            <details><summary>Milestones moved (1)</summary>

            | Milestone | Name | Before | After | Working days |
            | --- | --- | --- | --- | --- |
            | `ready` | `Ready` | 2027-03-11 | 2027-03-17 | +4 |

            </details>

            <details><summary>Added (1)</summary>

            | Id | Name | Start | Finish |
            | --- | --- | --- | --- |
            | `review` | `Review` | 2027-03-09 | 2027-03-09 |

            </details>

            <details><summary>Renamed (1)</summary>

            | Id | Before | After |
            | --- | --- | --- |
            | `docs` | `Docs` | `Documentation` |

            </details>

            <details><summary>Re-estimated (1)</summary>

            | Id | Name | Change |
            | --- | --- | --- |
            | `data.clean` | `Clean` | effort 2d → 4d |

            </details>

            <details><summary>Re-assigned (1)</summary>

            | Id | Name | Before | After |
            | --- | --- | --- | --- |
            | `docs` | `Documentation` | `nobody` | `ana` |

            </details>

            <details><summary>Tasks moved (1)</summary>

            | Id | Name | Start | Finish | Working days (start, finish) |
            | --- | --- | --- | --- | --- |
            | `data.clean` | `Clean` | 2027-03-08 | 2027-03-11 → 2027-03-17 | 0, +4 |

            </details>

            <details><summary>Diagnostics introduced (1)</summary>

            | Severity | Code | Where | Message |
            | --- | --- | --- | --- |
            | warning | TPM2201 | `plans/demo.tpm(11,73)` | `task 'data.clean' finishes on 2027-03-17, 3 working days after its due date 2027-03-12` |

            </details>

            <details><summary>Diagnostics resolved (1)</summary>

            | Severity | Code | Where | Message |
            | --- | --- | --- | --- |
            | warning | TPM2201 | `plans/demo.tpm(12,55)` | `task 'docs' finishes on 2027-03-08, 1 working day after its due date 2027-03-05` |

            </details>
            """));
        }

        [Fact]
        public void Json_of_the_demo_pair()
        {
            DiffJson.Write(DemoDiff()).Should().Be(Expected("""
            {
              "format_version": 1,
              "old": {
                "label": "HEAD",
                "program_id": "demo",
                "program_name": "Demo plan",
                "scheduled": true
              },
              "new": {
                "label": "working tree",
                "program_id": "demo",
                "program_name": "Demo plan",
                "scheduled": true
              },
              "is_empty": false,
              "finish_slip_days": 4,
              "new_errors": 0,
              "currency": "EUR",
              "program": {
                "start": {
                  "old": "2027-03-01",
                  "new": "2027-03-01",
                  "days": 0
                },
                "finish": {
                  "old": "2027-03-11",
                  "new": "2027-03-17",
                  "days": 4
                },
                "duration_days": {
                  "old": 9,
                  "new": 13,
                  "change": 4
                },
                "deadline": {
                  "old": "2027-03-31",
                  "new": "2027-03-31",
                  "days": 0
                },
                "deadline_margin_days": {
                  "old": 14,
                  "new": 10,
                  "change": -4
                },
                "cost": {
                  "old": 2800,
                  "new": 4600,
                  "change": 1800
                },
                "budget": {
                  "old": 50000,
                  "new": 50000,
                  "change": 0
                }
              },
              "milestones_moved": [
                {
                  "id": "ready",
                  "name": "Ready",
                  "old_date": "2027-03-11",
                  "new_date": "2027-03-17",
                  "days": 4
                }
              ],
              "added": [
                {
                  "id": "review",
                  "name": "Review",
                  "milestone": false,
                  "start": "2027-03-09",
                  "finish": "2027-03-09",
                  "cost": 0
                }
              ],
              "removed": [],
              "renamed": [
                {
                  "id": "docs",
                  "milestone": false,
                  "old_name": "Docs",
                  "new_name": "Documentation"
                }
              ],
              "reestimated": [
                {
                  "id": "data.clean",
                  "name": "Clean",
                  "old": {
                    "effort_days": 2,
                    "duration_days": null,
                    "estimate_days": null
                  },
                  "new": {
                    "effort_days": 4,
                    "duration_days": null,
                    "estimate_days": null
                  }
                }
              ],
              "reassigned": [
                {
                  "id": "docs",
                  "name": "Documentation",
                  "old": [],
                  "new": [
                    {
                      "person": "ana",
                      "share": 1
                    }
                  ]
                }
              ],
              "tasks_moved": [
                {
                  "id": "data.clean",
                  "name": "Clean",
                  "old_start": "2027-03-08",
                  "new_start": "2027-03-08",
                  "start_days": 0,
                  "old_finish": "2027-03-11",
                  "new_finish": "2027-03-17",
                  "finish_days": 4
                }
              ],
              "critical_path": {
                "changed": false,
                "old": [
                  "data.collect",
                  "data.clean",
                  "ready"
                ],
                "new": [
                  "data.collect",
                  "data.clean",
                  "ready"
                ],
                "joined": [],
                "left": []
              },
              "resource_conflicts": {
                "introduced": [],
                "resolved": [],
                "delays": []
              },
              "diagnostics": {
                "introduced": [
                  {
                    "code": "TPM2201",
                    "severity": "warning",
                    "message": "task 'data.clean' finishes on 2027-03-17, 3 working days after its due date 2027-03-12",
                    "file": "plans/demo.tpm",
                    "line": 11,
                    "column": 73
                  }
                ],
                "resolved": [
                  {
                    "code": "TPM2201",
                    "severity": "warning",
                    "message": "task 'docs' finishes on 2027-03-08, 1 working day after its due date 2027-03-05",
                    "file": "plans/demo.tpm",
                    "line": 12,
                    "column": 55
                  }
                ]
              },
              "forecast": null
            }
            """));
        }

        [Fact]
        public void An_empty_diff_is_one_line_in_text_and_markdown()
        {
            var diff = PlanDiffer.Compare(DiffPlans.Compile(DiffPlans.Old), DiffPlans.Compile(DiffPlans.Old));
            DiffText.Write(diff).Should().Be("Plan diff demo: old → new\nNo changes (finish 2027-03-11).\n");
            DiffMarkdown.Write(diff).Should().Be("**Plan diff** of `demo`, `old` → `new`: no changes (finish 2027-03-11)\n");
            var json = TestPlans.Parse(DiffJson.Write(diff));
            json.GetProperty("is_empty").GetBoolean().Should().BeTrue();
            json.GetProperty("added").GetArrayLength().Should().Be(0);
            json.GetProperty("program").GetProperty("finish").GetProperty("days").GetInt32().Should().Be(0);
        }

        [Fact]
        public void A_new_side_with_errors_says_so_and_lists_the_error()
        {
            var broken = DiffPlans.Old.Replace("after data.collect  due", "after data.nothing  due");
            var diff = PlanDiffer.Compare(DiffPlans.Compile(DiffPlans.Old), DiffPlans.Compile(broken));
            var text = DiffText.Write(diff);
            text.Split('\n')[1].Should().Be("The new plan cannot be scheduled, 1 new error, 1 resolved.");
            text.Should().Contain("\n  finish           2027-03-11 → none\n");
            text.Should().Contain("\nDiagnostics introduced (1)\n  + plans/demo.tpm(12,");
            var json = TestPlans.Parse(DiffJson.Write(diff));
            json.GetProperty("new").GetProperty("scheduled").GetBoolean().Should().BeFalse();
            json.GetProperty("new_errors").GetInt32().Should().Be(1);
            json.GetProperty("program").GetProperty("finish").GetProperty("new").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
        }

        [Fact]
        public void A_side_without_a_program_shows_none_not_an_empty_or_quoted_value()
        {
            var diff = PlanDiffer.Compare(TpmProgram.Parse("", "plans/demo.tpm"), DiffPlans.Compile(DiffPlans.Old));
            var text = DiffText.Write(diff);
            text.Split('\n')[1].Should().Be("The old plan could not be scheduled; finish 2027-03-11, 1 new warning, 1 resolved.");
            text.Should().Contain("\n  program          none → demo\n  title            none → \"Demo plan\"\n  start            none → 2027-03-01\n");
            var markdown = DiffMarkdown.Write(diff);
            markdown.Should().Contain("\n| Program | none | `demo` | changed |\n| Title | none | `Demo plan` | changed |\n| Start | none | 2027-03-01 | changed |\n");
            markdown.Should().Contain("\n| error | TPM1101 | `plans/demo.tpm(1,1)` | ");
        }

        /// <summary>The raw literal's lines with LF ends and a final LF, as the writers produce.</summary>
        private static string Expected(string text) => text.Replace("\r\n", "\n") + "\n";
    }
}
