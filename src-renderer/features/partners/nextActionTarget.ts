import type { NextAction } from '../../../src-shared/domain/nextBestAction';

/**
 * Where an action is carried out: a check-in, the kick-off or a business review on the Meetings
 * tab, a missing plan on the Plan tab, a first deal on the Deals tab, a task on the Journey tab
 * with that task in view.
 */
export function nextActionTarget(partnerId: string, action: NextAction): string {
  const base = `/partners/${partnerId}`;
  switch (action.kind) {
    case 'checkin_due':
    case 'kickoff':
    case 'growth_review':
      return `${base}/meetings`;
    case 'missing_plan':
      return `${base}/plan`;
    case 'no_deal':
      return `${base}/deals`;
    default:
      return action.taskId ? `${base}/journey?task=${action.taskId}` : `${base}/journey`;
  }
}
