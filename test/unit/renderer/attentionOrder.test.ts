import { describe, expect, it } from 'vitest';
import { attentionOrder } from '../../../src-renderer/features/dashboard/attention';

describe('Today attention order', () => {
  it('puts red and at-risk partners first, then the rest by health, and leaves churned partners out', () => {
    const health = (score: number, band: 'green' | 'yellow' | 'red') => ({ score, band, reasons: [{ text: `h${score}`, impact: score - 100 }] });
    const risk = (id: string, probability: number | null) => ({ partnerId: id, probability, atRisk: (probability ?? 0) >= 0.5, reasons: ['no deal'] });
    const order = attentionOrder(
      [
        { partnerId: 'green-risky', health: health(80, 'green'), churned: false },
        { partnerId: 'yellow', health: health(60, 'yellow'), churned: false },
        { partnerId: 'red', health: health(40, 'red'), churned: false },
        { partnerId: 'red-risky', health: health(45, 'red'), churned: false },
        { partnerId: 'gone', health: health(0, 'red'), churned: true },
      ],
      new Map([
        ['green-risky', risk('green-risky', 0.7)],
        ['red-risky', risk('red-risky', 0.9)],
        ['yellow', risk('yellow', 0.2)],
      ]),
    );
    expect(order.map((i) => i.partnerId)).toEqual(['red-risky', 'red', 'green-risky', 'yellow']);
    expect(order[0]).toMatchObject({ flagged: true, reasons: ['h45', 'no deal'] });
    expect(order[3]?.flagged).toBe(false);
  });
});
