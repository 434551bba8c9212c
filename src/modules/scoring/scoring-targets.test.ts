import { describe, expect, it } from 'vitest';
import { registeredTargets, registerScoringTarget, retrainTenant, type ScoringTargetSource } from './scoring-targets.ts';
import type { Tx } from '../../db/client.ts';

describe('registerScoringTarget', () => {
  it('replaces a source and puts the previous one back when undone', async () => {
    const calls: string[] = [];
    const source = (name: string): ScoringTargetSource => ({
      trainingRows: async () => {
        calls.push(name);
        throw new Error('stop after the source was asked'); // no database here: the call is what counts
      },
    });
    const before = registeredTargets();
    const undoFirst = registerScoringTarget('opportunity', source('first'));
    const undoSecond = registerScoringTarget('opportunity', source('second'));
    expect(registeredTargets()).toContain('opportunity');
    await expect(retrainTenant({} as Tx, { targets: ['opportunity'] })).rejects.toThrow('stop');
    undoSecond();
    await expect(retrainTenant({} as Tx, { targets: ['opportunity'] })).rejects.toThrow('stop');
    expect(calls).toEqual(['second', 'first']);
    undoFirst();
    expect(registeredTargets()).toEqual(before);
    expect(await retrainTenant({} as Tx, { targets: before.includes('opportunity') ? [] : ['opportunity'] })).toEqual([]);
  });
});
