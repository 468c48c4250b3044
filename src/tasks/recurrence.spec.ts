import { nextDueDate, ruleProblem, upcomingDates } from './recurrence';

const rec = (rule: string, from: 'due' | 'completion' = 'due', done = 0) => ({ rule, from, done });

describe('recurrence rules', () => {
  it.each([
    ['FREQ=DAILY', '2026-12-30', ['2026-12-31', '2027-01-01', '2027-01-02']],
    ['FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE', '2026-12-02', ['2026-12-14', '2026-12-16', '2026-12-28']],
    ['FREQ=MONTHLY;BYDAY=-1FR', '2026-01-30', ['2026-02-27', '2026-03-27', '2026-04-24']],
    ['FREQ=MONTHLY;BYDAY=2TU', '2026-01-13', ['2026-02-10', '2026-03-10', '2026-04-14']],
    // A month without the 31st is skipped, as RFC 5545 says; -1 is each month's last day, leap years included.
    ['FREQ=MONTHLY;BYMONTHDAY=31', '2026-01-31', ['2026-03-31', '2026-05-31', '2026-07-31']],
    ['FREQ=MONTHLY;BYMONTHDAY=-1', '2028-01-31', ['2028-02-29', '2028-03-31', '2028-04-30']],
    ['FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29', '2024-02-29', ['2028-02-29', '2032-02-29', '2036-02-29']],
    [
      'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1',
      '2026-01-30',
      ['2026-02-27', '2026-03-31', '2026-04-30'],
    ],
    ['FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=1', '2026-03-01', ['2026-06-01', '2026-09-01', '2026-12-01']],
    ['FREQ=DAILY;UNTIL=20270102', '2026-12-31', ['2027-01-01', '2027-01-02']],
    ['RRULE:freq=weekly', '2026-12-02', ['2026-12-09', '2026-12-16', '2026-12-23']],
  ])('%s after %s gives %p', (rule, due, expected) => {
    expect(ruleProblem(rule)).toBeNull();
    expect(upcomingDates(rec(rule), due, 3)).toEqual(expected);
  });

  it('counts COUNT from the first due date, so completions use it up', () => {
    expect(upcomingDates(rec('FREQ=DAILY;COUNT=3'), '2026-12-01')).toEqual(['2026-12-02', '2026-12-03']);
    expect(nextDueDate(rec('FREQ=DAILY;COUNT=3', 'due', 1), '2026-12-02', '2026-12-02')).toBe('2026-12-03');
    expect(nextDueDate(rec('FREQ=DAILY;COUNT=3', 'due', 2), '2026-12-03', '2026-12-03')).toBeNull();
  });

  it('counts from the completion day when asked to', () => {
    const every3 = rec('FREQ=DAILY;INTERVAL=3', 'completion');
    expect(nextDueDate(every3, '2026-12-01', '2026-12-05')).toBe('2026-12-08');
    expect(nextDueDate(rec('FREQ=DAILY;INTERVAL=3'), '2026-12-01', '2026-12-05')).toBe('2026-12-04');
  });

  it.each([
    ['', /RRULE/],
    ['FREQ=HOURLY', /FREQ/],
    ['FREQ=DAILY;BYHOUR=9', /BYHOUR/],
    ['FREQ=DAILY;INTERVAL=0', /INTERVAL/],
    ['FREQ=DAILY;INTERVAL=x', /INTERVAL/],
    ['FREQ=WEEKLY;BYDAY=-1FR', /BYDAY/],
    ['FREQ=MONTHLY;BYMONTHDAY=32', /BYMONTHDAY/],
    ['FREQ=MONTHLY;BYMONTHDAY=0', /BYMONTHDAY/],
    ['FREQ=YEARLY;BYMONTH=13', /BYMONTH/],
    ['FREQ=DAILY;COUNT=2;UNTIL=20270101', /COUNT or UNTIL/],
    ['FREQ=DAILY;UNTIL=20270230', /UNTIL/],
    ['FREQ=DAILY;FREQ=WEEKLY', /twice/],
    ['INTERVAL=2', /FREQ/],
    ['FREQ=DAILY;DTSTART=20260101', /DTSTART/],
  ])('refuses %p', (rule, message) => {
    expect(ruleProblem(rule)).toMatch(message);
  });

  it('finds no next date for a rule that never occurs again', () => {
    expect(upcomingDates(rec('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30'), '2026-01-01')).toEqual([]);
    expect(upcomingDates(rec('FREQ=DAILY;UNTIL=20260101'), '2026-06-01')).toEqual([]);
  });
});
