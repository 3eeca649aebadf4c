import { describe, expect, it } from 'vitest';
import { createCalendar } from './calendar/index.ts';
import { daysLeft, moroccanDate, pauseClock, resumeClock, startClock, stopClock, urgency } from './clocks.ts';

const calendar = createCalendar();
const working = { key: 'legal', days: 10, unit: 'working' as const };
const calendarDays = { key: 'c', days: 15, unit: 'calendar' as const };

describe('legal clocks', () => {
  it('counts working days across weekends and holidays', () => {
    // Deposit Monday 16 March 2026; Eid al-Fitr is Friday 20 and Saturday 21 March.
    const clock = startClock(working, '2026-03-16', calendar);
    expect(clock.deadline).toBe('2026-03-31');
    expect(daysLeft(clock, working, '2026-03-16', calendar)).toBe(10);
    expect(daysLeft(clock, working, '2026-03-23', calendar)).toBe(6);
    expect(daysLeft(clock, working, '2026-03-31', calendar)).toBe(0);
    expect(daysLeft(clock, working, '2026-04-01', calendar)).toBe(-1);
  });

  it('counts calendar days straight through', () => {
    const clock = startClock(calendarDays, '2026-12-20', calendar);
    expect(clock.deadline).toBe('2027-01-04');
  });

  it('stops while paused and gives the paused days back on resume', () => {
    const started = startClock(working, '2026-03-02', calendar); // deadline 2026-03-16
    expect(started.deadline).toBe('2026-03-16');
    const paused = pauseClock(started, '2026-03-05');
    // While paused, the days left stay what they were when the pause began.
    expect(daysLeft(paused, working, '2026-03-12', calendar)).toBe(
      daysLeft(started, working, '2026-03-05', calendar),
    );
    // Paused Thursday 5 March, resumed Thursday 12 March: 5 working days given back.
    const resumed = resumeClock(paused, working, '2026-03-12', calendar);
    expect(resumed.status).toBe('running');
    expect(resumed.pausedDays).toBe(5);
    expect(resumed.deadline).toBe('2026-03-24'); // 20 March is Eid al-Fitr
    expect(daysLeft(resumed, working, '2026-03-12', calendar)).toBe(7);
  });

  it('stops for good', () => {
    const stopped = stopClock(startClock(working, '2026-03-02', calendar));
    expect(stopped.status).toBe('stopped');
    expect(resumeClock(stopped, working, '2026-03-10', calendar)).toEqual(stopped);
  });

  it('honours an admin override of a holiday date', () => {
    // If Eid al-Fitr 2026 had been on 21 March, Friday 20 would have been a working day.
    const moved = createCalendar({
      overrides: [{ action: 'move', key: 'eid-al-fitr', year: 2026, date: '2026-03-21' }],
    });
    expect(startClock(working, '2026-03-16', moved).deadline).toBe('2026-03-30');
  });

  it('classes urgency and reads the Moroccan date', () => {
    expect(urgency(-1, working)).toBe('overdue');
    expect(urgency(0, working)).toBe('due');
    expect(urgency(2, working)).toBe('soon');
    expect(urgency(8, working)).toBe('ok');
    expect(moroccanDate(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
  });
});
