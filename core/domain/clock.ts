// The cycle's clock. In production `speed` is 1 and planned moments are real. Tests and demos may run a cycle on
// an accelerated clock: planning happens on a nominal calendar that starts with the cycle and runs `speed` times
// faster than real time, so a working day can pass in seconds while every rule of the calendar still applies.
import { DateTime } from 'luxon';
import type { PlannedInstant } from '../contracts';
import { TIME_ZONE } from '../contracts';

export interface CycleClock {
  /** Nominal seconds per real second: 1 in production. */
  speed: number;
}

export function toNominal(clock: CycleClock, epoch: string, real: string): DateTime {
  const start = Date.parse(epoch);
  return DateTime.fromMillis(start + (Date.parse(real) - start) * clock.speed, { zone: TIME_ZONE });
}

export function planned(clock: CycleClock, epoch: string, nominal: DateTime): PlannedInstant {
  const start = Date.parse(epoch);
  const at = start + (nominal.toMillis() - start) / clock.speed;
  return { at: new Date(Math.round(at)).toISOString(), nominal: nominal.toUTC().toISO()! };
}
