/** Documents as the app writes them (valid against COLLECTION_SCHEMAS). */
import type { Partner, PlanItem, Task } from '../../../../src-shared/domain/types';

export function now(): string {
  return new Date().toISOString();
}

export function partner(id: string, ownerEmail: string, overrides: Partial<Partner> = {}): Partner {
  const at = now();
  return {
    id,
    createdAt: at,
    updatedAt: at,
    name: `Partner ${id}`,
    type: 'reseller',
    maturity: 'new',
    tier: 'Gold',
    region: 'EMEA',
    website: 'https://example.com',
    ownerEmail,
    contacts: [],
    team: [],
    day0: '2026-11-02',
    status: 'onboarding',
    tags: [],
    templateId: 'reseller-new',
    ...overrides,
  };
}

/** A goal of a joint business plan (a `planitems` document of kind goal). */
export function goal(id: string, partnerId: string, overrides: Partial<PlanItem> = {}): PlanItem {
  const at = now();
  return {
    id,
    createdAt: at,
    updatedAt: at,
    partnerId,
    planId: `${partnerId}-plan`,
    kind: 'goal',
    order: 0,
    title: `Goal ${id}`,
    metric: 'deals registered',
    target: 10,
    nextStep: '',
    ...overrides,
  };
}

export function task(id: string, partnerId: string, overrides: Partial<Task> = {}): Task {
  const at = now();
  return {
    id,
    createdAt: at,
    updatedAt: at,
    partnerId,
    phase: 'immersion',
    category: 'welcome',
    title: `Task ${id}`,
    guidance: '',
    key: `custom-${id}`,
    dueOffset: 7,
    dueDate: '2026-11-09',
    ownerSide: 'vendor',
    ownerName: 'Pat',
    required: false,
    status: 'open',
    source: 'custom',
    order: 1,
    ...overrides,
  };
}
