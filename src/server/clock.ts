import type { IsoDate } from '../domain/shared/index.ts';

/** The one source of time on the server, injected so that tests can move it. Domain never reads a clock. */
export type Clock = {
  now(): Date;
  /** Today's calendar date in the deployment's time zone. */
  today(): IsoDate;
  /** The deployment's time zone (JICENG_TIMEZONE): what turns an instant into a calendar day. */
  readonly timeZone: string;
};

export function isoDateIn(instant: Date, timeZone: string): IsoDate {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}

export function systemClock(timeZone: string): Clock {
  return { now: () => new Date(), today: () => isoDateIn(new Date(), timeZone), timeZone };
}

/** A clock that stands still until told to move: for tests of lockout, sessions and terms. */
export type ManualClock = Clock & { set(instant: Date): void; advance(ms: number): void };

export function manualClock(start: Date, timeZone = 'Asia/Shanghai'): ManualClock {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    today: () => isoDateIn(new Date(current), timeZone),
    timeZone,
    set: (instant) => {
      current = instant.getTime();
    },
    advance: (ms) => {
      current += ms;
    },
  };
}
