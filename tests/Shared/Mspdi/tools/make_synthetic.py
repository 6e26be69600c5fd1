#!/usr/bin/env python3
"""Writes files/synthetic/*.xml: small hand-made MSPDI files for MS Project features the public files lack.

Run from tests/Shared/Mspdi: python3 tools/make_synthetic.py
Each task's Start and Finish are the dates MS Project's scheduling rules give, worked out by hand; README.md explains
each file. The project starts on Monday 2027-03-01; the Standard calendar works Monday to Friday, 08:00-12:00 and
13:00-17:00, unless a file says otherwise.
"""
import os

STANDARD = [(2, 6, [('08:00:00', '12:00:00'), ('13:00:00', '17:00:00')])]
ALL_DAY = [(1, 7, [('00:00:00', '00:00:00')])]
MON_WED = [(2, 4, [('08:00:00', '12:00:00'), ('13:00:00', '17:00:00')])]


def calendar(uid, name, working, base=None):
    days = []
    for day in range(1, 8):
        times = next((t for lo, hi, t in working if lo <= day <= hi), None)
        if times is None:
            days.append('        <WeekDay><DayType>%d</DayType><DayWorking>0</DayWorking></WeekDay>' % day)
        else:
            wt = ''.join('<WorkingTime><FromTime>%s</FromTime><ToTime>%s</ToTime></WorkingTime>' % t for t in times)
            days.append('        <WeekDay><DayType>%d</DayType><DayWorking>1</DayWorking><WorkingTimes>%s</WorkingTimes></WeekDay>' % (day, wt))
    head = '      <UID>%d</UID>\n      <Name>%s</Name>\n      <IsBaseCalendar>%d</IsBaseCalendar>\n' % (uid, name, 1 if base is None else 0)
    if base is not None:
        head += '      <BaseCalendarUID>%d</BaseCalendarUID>\n' % base
    return '    <Calendar>\n' + head + '      <WeekDays>\n' + '\n'.join(days) + '\n      </WeekDays>\n    </Calendar>\n'


def task(uid, name, start, finish, hours, **kw):
    """One task; kw: milestone, summary, level, manual, constraint=(type, date), calendar, leveling_delay (tenths of
    minutes), preds=[(uid, type, lag)], actual_start, actual_finish, deadline, duration_format."""
    e = ['<UID>%d</UID>' % uid, '<ID>%d</ID>' % uid, '<Name>%s</Name>' % name, '<Active>1</Active>',
         '<Manual>%d</Manual>' % (1 if kw.get('manual') else 0), '<Type>%d</Type>' % kw.get('type', 1), '<IsNull>0</IsNull>',
         '<OutlineNumber>%s</OutlineNumber>' % kw.get('outline', uid), '<OutlineLevel>%d</OutlineLevel>' % kw.get('level', 1),
         '<Priority>500</Priority>', '<Start>%s</Start>' % start, '<Finish>%s</Finish>' % finish,
         '<Duration>PT%dH0M0S</Duration>' % hours]
    if kw.get('manual'):
        e += ['<ManualStart>%s</ManualStart>' % start, '<ManualFinish>%s</ManualFinish>' % finish, '<ManualDuration>PT%dH0M0S</ManualDuration>' % hours]
    e += ['<DurationFormat>%d</DurationFormat>' % kw.get('duration_format', 7), '<Work>PT%dH0M0S</Work>' % kw.get('work', 0),
          '<EffortDriven>%d</EffortDriven>' % (1 if kw.get('effort_driven') else 0),
          '<Milestone>%d</Milestone>' % (1 if kw.get('milestone') else 0), '<Summary>%d</Summary>' % (1 if kw.get('summary') else 0)]
    if 'actual_start' in kw:
        e.append('<ActualStart>%s</ActualStart>' % kw['actual_start'])
    if 'actual_finish' in kw:
        e.append('<ActualFinish>%s</ActualFinish>' % kw['actual_finish'])
    ctype, cdate = kw.get('constraint', (0, None))
    e.append('<ConstraintType>%d</ConstraintType>' % ctype)
    e.append('<CalendarUID>%d</CalendarUID>' % kw.get('calendar', -1))
    if cdate:
        e.append('<ConstraintDate>%s</ConstraintDate>' % cdate)
    if 'deadline' in kw:
        e.append('<Deadline>%s</Deadline>' % kw['deadline'])
    e += ['<LevelingDelay>%d</LevelingDelay>' % kw.get('leveling_delay', 0), '<LevelingDelayFormat>7</LevelingDelayFormat>']
    for p, t, lag in kw.get('preds', []):
        e.append('<PredecessorLink><PredecessorUID>%d</PredecessorUID><Type>%d</Type><LinkLag>%d</LinkLag><LagFormat>7</LagFormat></PredecessorLink>' % (p, t, lag))
    return '    <Task>\n' + ''.join('      %s\n' % x for x in e) + '    </Task>\n'


def project(name, start, finish, calendars, tasks, resources='', assignments='', minutes_per_day=480, calendar_uid=1,
            default_start='08:00:00', default_finish='17:00:00', extra=''):
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Project xmlns="http://schemas.microsoft.com/project">\n'
            '  <SaveVersion>14</SaveVersion>\n  <Name>%s.xml</Name>\n  <ScheduleFromStart>1</ScheduleFromStart>\n'
            '  <StartDate>%s</StartDate>\n  <FinishDate>%s</FinishDate>\n  <CalendarUID>%d</CalendarUID>\n'
            '  <DefaultStartTime>%s</DefaultStartTime>\n  <DefaultFinishTime>%s</DefaultFinishTime>\n'
            '  <MinutesPerDay>%d</MinutesPerDay>\n  <MinutesPerWeek>%d</MinutesPerWeek>\n  <DaysPerMonth>20</DaysPerMonth>\n%s'
            '  <Calendars>\n%s  </Calendars>\n  <Tasks>\n%s  </Tasks>\n  <Resources>\n%s  </Resources>\n  <Assignments>\n%s  </Assignments>\n'
            '</Project>\n') % (name, start, finish, calendar_uid, default_start, default_finish, minutes_per_day,
                               minutes_per_day * 5, extra, calendars, tasks, resources, assignments)


def summary(finish, start='2027-03-01T08:00:00', hours=0):
    return task(0, 'Project', start, finish, hours, summary=True, level=0, outline=0)


def resource(uid, name, calendar_uid):
    return ('    <Resource><UID>%d</UID><ID>%d</ID><Name>%s</Name><Type>1</Type><IsNull>0</IsNull><MaxUnits>1.00</MaxUnits>'
            '<CalendarUID>%d</CalendarUID></Resource>\n') % (uid, uid, name, calendar_uid)


def assignment(uid, task_uid, resource_uid, start, finish, work_hours, timephased=()):
    tp = ''.join('<TimephasedData><Type>1</Type><UID>%d</UID><Start>%s</Start><Finish>%s</Finish><Unit>2</Unit>%s</TimephasedData>'
                 % (uid, s, f, '' if v is None else '<Value>PT%dH0M0S</Value>' % v) for s, f, v in timephased)
    return ('    <Assignment><UID>%d</UID><TaskUID>%d</TaskUID><ResourceUID>%d</ResourceUID><Finish>%s</Finish><Start>%s</Start>'
            '<Units>1</Units><Work>PT%dH0M0S</Work><WorkContour>0</WorkContour>%s</Assignment>\n') % (uid, task_uid, resource_uid, finish, start, work_hours, tp)


FILES = {}

# Manually scheduled tasks keep the dates typed in (ManualStart/ManualFinish), even before the project start and
# whatever links say; automatically scheduled successors follow them.
FILES['manual-tasks'] = project('manual-tasks', '2027-03-01T08:00:00', '2027-03-16T17:00:00', calendar(1, 'Standard', STANDARD),
    summary('2027-03-16T17:00:00', start='2027-02-22T08:00:00') +
    task(1, 'Auto five days', '2027-03-01T08:00:00', '2027-03-05T17:00:00', 40) +
    task(2, 'Manual from the tenth', '2027-03-10T08:00:00', '2027-03-12T17:00:00', 24, manual=True) +
    task(3, 'Auto after the manual one', '2027-03-15T08:00:00', '2027-03-16T17:00:00', 16, preds=[(2, 1, 0)]) +
    task(4, 'Manual before the project start', '2027-02-22T08:00:00', '2027-02-23T17:00:00', 16, manual=True) +
    task(5, 'Milestone after the first', '2027-03-05T17:00:00', '2027-03-05T17:00:00', 0, milestone=True, preds=[(1, 1, 0)]))

# Constraints: MS Project honours start-no-earlier-than (4) and must-start-on (2) dates before the project start (the
# MS Project 2002-2007 files of the MPXJ corpus do the same).
FILES['constraint-before-start'] = project('constraint-before-start', '2027-03-01T08:00:00', '2027-03-04T17:00:00', calendar(1, 'Standard', STANDARD),
    summary('2027-03-04T17:00:00', start='2027-02-15T08:00:00') +
    task(1, 'Start no earlier than Feb 15', '2027-02-15T08:00:00', '2027-02-17T17:00:00', 24, constraint=(4, '2027-02-15T08:00:00')) +
    task(2, 'Must start on Feb 22', '2027-02-22T08:00:00', '2027-02-23T17:00:00', 16, constraint=(2, '2027-02-22T08:00:00')) +
    task(3, 'Start no earlier than Mar 3', '2027-03-03T08:00:00', '2027-03-04T17:00:00', 16, constraint=(4, '2027-03-03T08:00:00')) +
    task(4, 'As soon as possible', '2027-03-01T08:00:00', '2027-03-01T17:00:00', 8))

# Placeholder dates: some writers put 2000-01-01T00:00:00 or 1984-01-01T00:00:00 where a date is empty (no actual
# start, no constraint date, no deadline, no status date). They mean nothing: the tasks schedule as if absent.
FILES['placeholder-dates'] = project('placeholder-dates', '2027-03-01T08:00:00', '2027-03-05T17:00:00', calendar(1, 'Standard', STANDARD),
    summary('2027-03-05T17:00:00') +
    task(1, 'Placeholder actuals', '2027-03-01T08:00:00', '2027-03-03T17:00:00', 24, actual_start='2000-01-01T00:00:00', actual_finish='2000-01-01T00:00:00') +
    task(2, 'Placeholder constraint and deadline', '2027-03-04T08:00:00', '2027-03-05T17:00:00', 16, preds=[(1, 1, 0)],
         constraint=(0, '1984-01-01T00:00:00'), deadline='2000-01-01T00:00:00'),
    extra='  <StatusDate>2000-01-01T00:00:00</StatusDate>\n')

# A leveling delay (LevelingDelay, tenths of a minute: 2 days of 8 hours = 9600) pushes the task's start by that much
# working time; its successor follows.
FILES['leveling-delay'] = project('leveling-delay', '2027-03-01T08:00:00', '2027-03-05T17:00:00', calendar(1, 'Standard', STANDARD),
    summary('2027-03-05T17:00:00') +
    task(1, 'No delay', '2027-03-01T08:00:00', '2027-03-03T17:00:00', 24) +
    task(2, 'Delayed two days', '2027-03-03T08:00:00', '2027-03-04T17:00:00', 16, leveling_delay=9600) +
    task(3, 'After the delayed one', '2027-03-05T08:00:00', '2027-03-05T17:00:00', 8, preds=[(2, 1, 0)]))

# A split task: five days of work, stopped after two for two working days (the zero-work days of its assignment's
# timephased work), so it finishes on the seventh working day.
split_days = [('2027-03-01', 8), ('2027-03-02', 8), ('2027-03-03', 0), ('2027-03-04', 0), ('2027-03-05', 8), ('2027-03-06', None),
              ('2027-03-07', None), ('2027-03-08', 8), ('2027-03-09', 8)]
FILES['split-task'] = project('split-task', '2027-03-01T08:00:00', '2027-03-10T17:00:00', calendar(1, 'Standard', STANDARD),
    summary('2027-03-10T17:00:00') +
    task(1, 'Split in two', '2027-03-01T08:00:00', '2027-03-09T17:00:00', 40, type=0, work=40, effort_driven=True) +
    task(2, 'After the split task', '2027-03-10T08:00:00', '2027-03-10T17:00:00', 8, preds=[(1, 1, 0)]),
    resources=resource(1, 'Ann', -1),
    assignments=assignment(1, 1, 1, '2027-03-01T08:00:00', '2027-03-09T17:00:00', 40,
                           [(d + 'T08:00:00', d + 'T17:00:00', v) for d, v in split_days]))

# A task calendar (CalendarUID on the task) that works Monday to Wednesday: four days from Monday end the next Monday.
FILES['task-calendar'] = project('task-calendar', '2027-03-01T08:00:00', '2027-03-10T17:00:00',
    calendar(1, 'Standard', STANDARD) + calendar(2, 'Monday to Wednesday', MON_WED),
    summary('2027-03-10T17:00:00') +
    task(1, 'On the short-week calendar', '2027-03-01T08:00:00', '2027-03-08T17:00:00', 32, calendar=2) +
    task(2, 'After it, on the project calendar', '2027-03-09T08:00:00', '2027-03-10T17:00:00', 16, preds=[(1, 1, 0)]) +
    task(3, 'Project calendar', '2027-03-01T08:00:00', '2027-03-02T17:00:00', 16))

# A project on a 24-hour calendar (every day, midnight to midnight) with 24-hour days (MinutesPerDay 1440): a 2-day
# task from Monday 00:00 ends Wednesday 00:00, which is the end of Tuesday; weekends are worked.
FILES['twenty-four-hour-calendar'] = project('twenty-four-hour-calendar', '2027-03-01T00:00:00', '2027-03-08T00:00:00',
    calendar(1, '24 Hours', ALL_DAY),
    summary('2027-03-08T00:00:00', start='2027-03-01T00:00:00') +
    task(1, 'Two days', '2027-03-01T00:00:00', '2027-03-03T00:00:00', 48) +
    task(2, 'Three days after', '2027-03-03T00:00:00', '2027-03-06T00:00:00', 72, preds=[(1, 1, 0)]) +
    task(3, 'Over the weekend', '2027-03-06T00:00:00', '2027-03-08T00:00:00', 48, preds=[(2, 1, 0)]),
    minutes_per_day=1440, default_start='00:00:00', default_finish='00:00:00')

# MinutesPerDay 420 (a "day" is 7 hours) on a calendar of 8-hour days: 5 days are 35 hours, which end at 11:00 on the
# fifth working day; the next task's 2 days (14 hours) run from Friday 11:00 to Tuesday 09:00.
FILES['minutes-per-day'] = project('minutes-per-day', '2027-03-01T08:00:00', '2027-03-09T09:00:00', calendar(1, 'Standard', STANDARD),
    summary('2027-03-09T09:00:00') +
    task(1, 'Five 7-hour days', '2027-03-01T08:00:00', '2027-03-05T11:00:00', 35) +
    task(2, 'Two 7-hour days after', '2027-03-05T11:00:00', '2027-03-09T09:00:00', 14, preds=[(1, 1, 0)]),
    minutes_per_day=420)

# A person on a 24-hour resource calendar: 48 hours of work from Monday 08:00 run round the clock to Wednesday 08:00,
# which is the end of Tuesday; the next task (no resource, project calendar) starts Wednesday 08:00.
FILES['resource-24-hour-calendar'] = project('resource-24-hour-calendar', '2027-03-01T08:00:00', '2027-03-03T17:00:00',
    calendar(1, 'Standard', STANDARD) + calendar(2, '24 Hours', ALL_DAY) + calendar(3, 'Night crew', ALL_DAY, base=2),
    summary('2027-03-03T17:00:00') +
    task(1, 'Round the clock', '2027-03-01T08:00:00', '2027-03-03T08:00:00', 48, type=0, work=48, effort_driven=True) +
    task(2, 'Day shift after', '2027-03-03T08:00:00', '2027-03-03T17:00:00', 8, preds=[(1, 1, 0)]),
    resources=resource(1, 'Night crew', 3),
    assignments=assignment(1, 1, 1, '2027-03-01T08:00:00', '2027-03-03T08:00:00', 48))


def main():
    out = os.path.join('files', 'synthetic')
    os.makedirs(out, exist_ok=True)
    for name, text in sorted(FILES.items()):
        with open(os.path.join(out, name + '.xml'), 'w', encoding='utf-8', newline='\n') as f:
            f.write(text)


if __name__ == '__main__':
    main()
