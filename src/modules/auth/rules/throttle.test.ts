import { describe, expect, it } from 'vitest';
import { ACCOUNT_POLICY, afterFailure, lockMinutesLeft, type ThrottleState } from './throttle.ts';

const t0 = new Date('2026-01-01T00:00:00Z');
const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);

describe('login throttle', () => {
  it('locks an account at the fifth failure within the window', () => {
    let state: ThrottleState | undefined;
    for (let i = 0; i < 4; i++) state = afterFailure(state, minutes(i), ACCOUNT_POLICY);
    expect(lockMinutesLeft(state, minutes(4))).toBe(0);
    state = afterFailure(state, minutes(4), ACCOUNT_POLICY);
    expect(state.failures).toBe(5);
    expect(lockMinutesLeft(state, minutes(4))).toBe(15);
    expect(lockMinutesLeft(state, minutes(18.5))).toBe(1);
    expect(lockMinutesLeft(state, minutes(19))).toBe(0);
  });

  it('starts a new window once the old one has passed', () => {
    let state: ThrottleState | undefined;
    for (let i = 0; i < 4; i++) state = afterFailure(state, minutes(i), ACCOUNT_POLICY);
    state = afterFailure(state, minutes(20), ACCOUNT_POLICY);
    expect(state.failures).toBe(1);
    expect(state.windowStartedAt).toEqual(minutes(20));
    expect(lockMinutesLeft(state, minutes(20))).toBe(0);
  });
});
