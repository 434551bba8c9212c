import { describe, expect, it } from 'vitest';
import { detectCollusion, median, type CollusionMovement, type CollusionThresholds } from './collusion.ts';

const T0 = new Date('2026-03-02T09:00:00+08:00').getTime();
const at = (hours: number) => new Date(T0 + hours * 3_600_000);
const thresholds = (overrides: Partial<CollusionThresholds> = {}): CollusionThresholds => ({ gapHours: 72, minRecords: 3, circulationMinMoves: 3, ...overrides });

const fall = (id: string, from: string, hours: number): CollusionMovement => ({ kind: 'fall', recordType: 'lead', recordId: id, fromUserId: from, toUserId: null, at: at(hours) });
const release = (id: string, from: string, hours: number): CollusionMovement => ({ kind: 'release', recordType: 'lead', recordId: id, fromUserId: from, toUserId: null, at: at(hours) });
const claim = (id: string, to: string, hours: number): CollusionMovement => ({ kind: 'claim', recordType: 'lead', recordId: id, fromUserId: null, toUserId: to, at: at(hours) });

/** A drops a record and B claims it `gap` hours later, starting at `start`. */
const handOff = (id: string, a: string, b: string, start: number, gap: number, kind: 'fall' | 'release' = 'fall') => [
  kind === 'fall' ? fall(id, a, start) : release(id, a, start),
  claim(id, b, start + gap),
];

describe('collusion pairs', () => {
  it('flags a pair at exactly minRecords distinct records, with the evidence and the median gap', () => {
    const movements = [...handOff('r1', 'A', 'B', 0, 1), ...handOff('r2', 'A', 'B', 10, 5, 'release'), ...handOff('r3', 'A', 'B', 20, 2)];
    const { pairs } = detectCollusion(movements, thresholds());
    expect(pairs).toHaveLength(1);
    expect(pairs[0]).toMatchObject({ fromUserId: 'A', toUserId: 'B', records: 3, medianGapHours: 2 });
    expect(pairs[0]!.evidence.map((e) => [e.id, e.leftKind, e.gapHours])).toEqual([['r1', 'fall', 1], ['r2', 'release', 5], ['r3', 'fall', 2]]);
    expect(pairs[0]!.evidence[1]).toMatchObject({ leftAt: at(10), claimedAt: at(15) });
  });

  it('does not flag one record short of minRecords', () => {
    const movements = [...handOff('r1', 'A', 'B', 0, 1), ...handOff('r2', 'A', 'B', 10, 5)];
    expect(detectCollusion(movements, thresholds()).pairs).toEqual([]);
    expect(detectCollusion(movements, thresholds({ minRecords: 2 })).pairs).toHaveLength(1);
  });

  it('counts a claim exactly at the gap but not one a minute outside it', () => {
    const inside = [...handOff('r1', 'A', 'B', 0, 72), ...handOff('r2', 'A', 'B', 100, 1), ...handOff('r3', 'A', 'B', 200, 1)];
    expect(detectCollusion(inside, thresholds()).pairs[0]?.records).toBe(3);
    const outside = [...handOff('r1', 'A', 'B', 0, 72 + 1 / 60), ...handOff('r2', 'A', 'B', 100, 1), ...handOff('r3', 'A', 'B', 200, 1)];
    expect(detectCollusion(outside, thresholds()).pairs).toEqual([]);
  });

  it('does not pair a person with themself reclaiming', () => {
    const movements = ['r1', 'r2', 'r3'].flatMap((id, i) => handOff(id, 'A', 'A', i * 10, 1));
    expect(detectCollusion(movements, thresholds()).pairs).toEqual([]);
  });

  it('counts one record handed off twice once toward minRecords, and both times in the evidence', () => {
    const movements = [...handOff('r1', 'A', 'B', 0, 1), ...handOff('r1', 'A', 'B', 200, 1), ...handOff('r2', 'A', 'B', 400, 1)];
    expect(detectCollusion(movements, thresholds()).pairs).toEqual([]);
    const [pair] = detectCollusion(movements, thresholds({ minRecords: 2 })).pairs;
    expect(pair).toMatchObject({ records: 2 });
    expect(pair!.evidence).toHaveLength(3);
  });

  it('reads each record in time order whatever order the movements come in', () => {
    const movements = [...handOff('r1', 'A', 'B', 0, 1), ...handOff('r2', 'A', 'B', 10, 1), ...handOff('r3', 'A', 'B', 20, 1)].reverse();
    expect(detectCollusion(movements, thresholds()).pairs[0]?.records).toBe(3);
  });

  it('a manager assigning the record in between breaks the link', () => {
    const movements = ['r1', 'r2', 'r3'].flatMap((id, i) => [
      fall(id, 'A', i * 10),
      { kind: 'assign', recordType: 'lead', recordId: id, fromUserId: null, toUserId: 'C', at: at(i * 10 + 0.5) } as CollusionMovement,
      release(id, 'C', i * 10 + 1),
      claim(id, 'B', i * 10 + 2),
    ]);
    const { pairs } = detectCollusion(movements, thresholds());
    expect(pairs.map((p) => `${p.fromUserId}>${p.toUserId}`)).toEqual(['C>B']);
  });

  it('a record that left the pool and came back is not a pickup of the drop', () => {
    const movements = ['r1', 'r2', 'r3'].flatMap((id, i) => [
      fall(id, 'A', i * 10),
      { kind: 'close', recordType: 'lead', recordId: id, fromUserId: null, toUserId: null, at: at(i * 10 + 0.5) } as CollusionMovement,
      { kind: 'enter', recordType: 'lead', recordId: id, fromUserId: null, toUserId: null, at: at(i * 10 + 1) } as CollusionMovement,
      claim(id, 'B', i * 10 + 2),
    ]);
    expect(detectCollusion(movements, thresholds()).pairs).toEqual([]);
  });

  it('moving the fallen record to another pool does not hide the pickup', () => {
    const movements = ['r1', 'r2', 'r3'].flatMap((id, i) => [
      fall(id, 'A', i * 10),
      { kind: 'move', recordType: 'lead', recordId: id, fromUserId: null, toUserId: null, at: at(i * 10 + 0.5) } as CollusionMovement,
      claim(id, 'B', i * 10 + 2),
    ]);
    expect(detectCollusion(movements, thresholds()).pairs.map((p) => p.records)).toEqual([3]);
  });

  it('keeps directions apart: A→B and B→A are two pairs', () => {
    const movements = [...handOff('r1', 'A', 'B', 0, 1), ...handOff('r2', 'A', 'B', 10, 1), ...handOff('r3', 'B', 'A', 20, 1), ...handOff('r4', 'A', 'B', 30, 1)];
    const { pairs } = detectCollusion(movements, thresholds());
    expect(pairs.map((p) => `${p.fromUserId}>${p.toUserId}:${p.records}`)).toEqual(['A>B:3']);
  });

  it('the median of an even number of gaps is the mean of the middle two', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBe(0);
  });
});

describe('the A↔B swap after a protection period', () => {
  // A drops three records, B picks them up within hours; once A's 7-day protection is over B
  // drops them again and A picks them back up.
  const protection = 7 * 24;
  const swap = ['r1', 'r2', 'r3'].flatMap((id, i) => [
    claim(id, 'A', i - 100),
    ...handOff(id, 'A', 'B', i * 5, 3),
    ...handOff(id, 'B', 'A', protection + i * 5 + 1, 2),
  ]);

  it('flags both directions and every record as circulating between the two', () => {
    const { pairs, circulating } = detectCollusion(swap, thresholds({ circulationMinMoves: 2 }));
    expect(pairs.map((p) => `${p.fromUserId}>${p.toUserId}:${p.records}`).sort()).toEqual(['A>B:3', 'B>A:3']);
    expect(circulating.map((c) => c.id).sort()).toEqual(['r1', 'r2', 'r3']);
    const r1 = circulating.find((c) => c.id === 'r1')!;
    expect(r1).toMatchObject({ type: 'lead', moves: 2, users: ['A', 'B'] });
    expect(r1.history.map((h) => h.kind)).toEqual(['claim', 'fall', 'claim', 'fall', 'claim']);
  });

  it('needs circulationMinMoves hand-offs: A→B→A is two', () => {
    expect(detectCollusion(swap, thresholds({ circulationMinMoves: 3 })).circulating).toEqual([]);
    const again = [...swap, ...handOff('r1', 'A', 'B', 2 * protection + 10, 1)];
    const { circulating } = detectCollusion(again, thresholds({ circulationMinMoves: 3 }));
    expect(circulating.map((c) => [c.id, c.moves])).toEqual([['r1', 3]]);
  });
});

describe('circulating records', () => {
  it('a record passed on to ever new people is not a circle', () => {
    const movements = [...handOff('r1', 'A', 'B', 0, 100), ...handOff('r1', 'B', 'C', 200, 100), ...handOff('r1', 'C', 'D', 400, 100)];
    expect(detectCollusion(movements, thresholds({ circulationMinMoves: 2 })).circulating).toEqual([]);
  });

  it('three people in a row with nobody coming back is no circle', () => {
    const movements = [...handOff('r1', 'A', 'B', 0, 100), ...handOff('r1', 'B', 'C', 200, 100)];
    expect(detectCollusion(movements, thresholds({ circulationMinMoves: 2 })).circulating).toEqual([]);
  });

  it('three people passing one record round count; a fourth person breaks the circle', () => {
    const circle = [...handOff('r1', 'A', 'B', 0, 100), ...handOff('r1', 'B', 'C', 200, 100), ...handOff('r1', 'C', 'A', 400, 100)];
    expect(detectCollusion(circle, thresholds()).circulating).toMatchObject([{ id: 'r1', moves: 3, users: ['A', 'B', 'C'] }]);
    const wider = [...circle, ...handOff('r1', 'A', 'D', 600, 100)];
    expect(detectCollusion(wider, thresholds()).circulating).toEqual([]);
  });

  it('slow hand-offs make no pair but still show as circulating', () => {
    const movements = [...handOff('r1', 'A', 'B', 0, 200), ...handOff('r1', 'B', 'A', 400, 200), ...handOff('r1', 'A', 'B', 800, 200)];
    const { pairs, circulating } = detectCollusion(movements, thresholds({ minRecords: 1 }));
    expect(pairs).toEqual([]);
    expect(circulating).toHaveLength(1);
  });
});
