import { describe, expect, it } from 'vitest';
import { createSupersededStates } from '../../../src-renderer/sync/supersededStates';

const v1 = { id: 'g1', title: 'Win 10 deals', updatedAt: '2026-11-26T10:00:00.000Z', _deleted: false };
const v2 = { ...v1, title: 'Win 12 deals', updatedAt: '2026-11-26T10:01:00.000Z' };
const v3 = { ...v1, title: 'Win 15 deals', updatedAt: '2026-11-26T10:02:00.000Z' };

describe('createSupersededStates', () => {
  it('remembers the states accepted pushes replaced, and only those', () => {
    const states = createSupersededStates();
    states.noteAccepted([{ assumedMasterState: v1 }]);
    states.noteAccepted([{ assumedMasterState: v2 }]);
    // Local bookkeeping fields and key order do not matter.
    expect(states.isSuperseded({ _rev: '3-x', _meta: { lwt: 1 }, ...v1 })).toBe(true);
    expect(states.isSuperseded(v2)).toBe(true);
    // The latest pushed state, and states of other documents, are not history.
    expect(states.isSuperseded(v3)).toBe(false);
    expect(states.isSuperseded({ ...v1, id: 'g2' })).toBe(false);
    // A new document replaced nothing.
    states.noteAccepted([{ assumedMasterState: null }]);
    expect(states.isSuperseded({ ...v1, id: 'g3' })).toBe(false);
  });

  it('forgets them after ten minutes', () => {
    let now = 0;
    const states = createSupersededStates(() => now);
    states.noteAccepted([{ assumedMasterState: v1 }]);
    now = 9 * 60_000;
    expect(states.isSuperseded(v1)).toBe(true);
    now = 11 * 60_000;
    expect(states.isSuperseded(v1)).toBe(false);
  });
});
