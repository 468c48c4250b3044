import { durationProblem, reminderInstant, todayIn } from './reminders';

describe('reminder instants', () => {
  it('keeps a relative reminder at its wall time across DST in Europe/Berlin and America/New_York', () => {
    const dayBefore9 = { before: 'P1D', time: '09:00' };
    // Berlin leaves winter time on 2026-03-29: 09:00 is 08:00Z before it and 07:00Z after.
    expect(reminderInstant(dayBefore9, '2026-03-29', 'Europe/Berlin')?.toISOString()).toBe(
      '2026-03-28T08:00:00.000Z',
    );
    expect(reminderInstant(dayBefore9, '2026-03-31', 'Europe/Berlin')?.toISOString()).toBe(
      '2026-03-30T07:00:00.000Z',
    );
    // New York leaves summer time on 2026-11-01: 09:00 is 13:00Z before it and 14:00Z after.
    expect(reminderInstant(dayBefore9, '2026-11-01', 'America/New_York')?.toISOString()).toBe(
      '2026-10-31T13:00:00.000Z',
    );
    expect(reminderInstant(dayBefore9, '2026-11-03', 'America/New_York')?.toISOString()).toBe(
      '2026-11-02T14:00:00.000Z',
    );
  });

  it('counts hours as exact time, and defaults to 09:00 on the due date', () => {
    // 09:00 on the day DST starts in New York (2026-03-08) minus 8 hours crosses the missing hour: 00:00 EST.
    expect(reminderInstant({ before: 'PT8H' }, '2026-03-08', 'America/New_York')?.toISOString()).toBe(
      '2026-03-08T05:00:00.000Z',
    );
    expect(reminderInstant({ before: 'PT0S' }, '2026-12-24', 'UTC')?.toISOString()).toBe(
      '2026-12-24T09:00:00.000Z',
    );
  });

  it('takes an absolute reminder as it is, and has no instant for a relative one without a due date', () => {
    expect(reminderInstant({ at: '2026-12-24T18:30:00Z' }, null, 'UTC')?.toISOString()).toBe(
      '2026-12-24T18:30:00.000Z',
    );
    expect(reminderInstant({ before: 'P1D' }, null, 'UTC')).toBeNull();
  });

  it('checks durations', () => {
    expect(durationProblem('P1D')).toBeNull();
    expect(durationProblem('PT2H30M')).toBeNull();
    expect(durationProblem('1 day')).toMatch(/ISO 8601/);
    expect(durationProblem('-P1D')).toMatch(/negative/);
    expect(durationProblem('P5Y')).toMatch(/year/);
    expect(durationProblem('PT1.5S')).toMatch(/minutes/);
  });

  it('tells today in a time zone', () => {
    const now = new Date('2026-12-02T23:30:00Z');
    expect(todayIn('UTC', now)).toBe('2026-12-02');
    expect(todayIn('Europe/Berlin', now)).toBe('2026-12-03');
    expect(todayIn('America/New_York', now)).toBe('2026-12-02');
  });
});
