import type { Task } from '../../../../src-shared/domain/types';
import type { JourneyStep } from '../../../../src-shared/journey/templateModel';

/** A template step with defaults; only what a test is about needs spelling out. */
export function step(key: string, dueOffset: number, overrides: Partial<JourneyStep> = {}): JourneyStep {
  const phase = dueOffset <= 0 ? 'preboarding' : dueOffset <= 7 ? 'immersion' : dueOffset <= 30 ? 'activation' : dueOffset <= 90 ? 'engagement' : 'growth';
  return {
    key,
    phase,
    category: 'team',
    title: `Step ${key}`,
    guidance: '',
    dueOffset,
    ownerSide: 'vendor',
    required: true,
    resourceIds: [],
    dependsOn: [],
    ...overrides,
  };
}

/** A journey task due on `dueDate`, open unless told otherwise. */
export function task(key: string, dueDate: string, overrides: Partial<Task> = {}): Task {
  return {
    id: `id-${key}`,
    createdAt: '2026-03-01T09:00:00.000Z',
    updatedAt: '2026-03-01T09:00:00.000Z',
    partnerId: 'p1',
    phase: 'activation',
    category: 'team',
    title: `Task ${key}`,
    guidance: '',
    key,
    dueOffset: 0,
    dueDate,
    ownerSide: 'vendor',
    ownerName: '',
    required: true,
    status: 'open',
    source: 'template',
    order: 0,
    ...overrides,
  };
}
