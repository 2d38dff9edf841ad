import type { Partner, Plan } from '../../../src-shared/domain/types';

/**
 * What the command palette offers besides partners: the screens, and what can be done for the
 * partner on screen (or, with none open, where to go to do it). Plain data, so which commands
 * exist and what they are found by is tested without React.
 */
export type PaletteCommand = {
  id: string;
  label: string;
  description?: string;
  keywords: string[];
  run: { kind: 'navigate'; to: string } | { kind: 'new-partner' } | { kind: 'export-plan'; planId: string; partnerId: string };
};

export const SCREEN_COMMANDS: PaletteCommand[] = [
  { id: 'today', label: 'Go to Today', description: 'Overdue and due work across your partners', keywords: ['today', 'home', 'due', 'overdue', 'screen'], run: { kind: 'navigate', to: '/today' } },
  { id: 'portfolio', label: 'Go to Portfolio', description: 'All partners in a table', keywords: ['portfolio', 'partners', 'list', 'table', 'screen'], run: { kind: 'navigate', to: '/portfolio' } },
  { id: 'dashboard', label: 'Go to Dashboard', description: 'Program KPIs: activation, time to revenue, pipeline, churn', keywords: ['dashboard', 'kpi', 'charts', 'metrics', 'screen'], run: { kind: 'navigate', to: '/dashboard' } },
  { id: 'feedback', label: 'Go to Program feedback', description: 'PSAT and feedback by journey phase', keywords: ['feedback', 'psat', 'satisfaction', 'screen'], run: { kind: 'navigate', to: '/feedback' } },
  { id: 'templates', label: 'Go to Journey templates', description: 'Design the journey per partner type and maturity, publish versions', keywords: ['templates', 'journey', 'program', 'design', 'steps', 'publish', 'screen'], run: { kind: 'navigate', to: '/templates' } },
  { id: 'tiers', label: 'Go to Partner tiers', description: 'Tier criteria, and partners awaiting a promotion or demotion', keywords: ['tiers', 'tier', 'gold', 'silver', 'promotion', 'demotion', 'screen'], run: { kind: 'navigate', to: '/tiers' } },
  { id: 'webhooks', label: 'Go to Webhooks', description: 'Admin: webhook subscriptions and the delivery log of the sync server', keywords: ['webhooks', 'webhook', 'integration', 'api', 'zapier', 'automation', 'deliveries', 'admin', 'screen'], run: { kind: 'navigate', to: '/webhooks' } },
  { id: 'import', label: 'Import partners from CSV', keywords: ['import', 'csv', 'spreadsheet', 'partners'], run: { kind: 'navigate', to: '/import' } },
  { id: 'records-import', label: 'Import deals & training from CSV', keywords: ['import', 'csv', 'deals', 'training', 'certifications'], run: { kind: 'navigate', to: '/records-import' } },
  { id: 'settings', label: 'Settings', description: 'Profile & branding, theme, sync, backup and restore', keywords: ['settings', 'profile', 'branding', 'theme', 'sync', 'backup', 'preferences'], run: { kind: 'navigate', to: '/settings' } },
  { id: 'new-partner', label: 'New partner', description: 'Add a partner and generate its journey', keywords: ['new', 'add', 'create', 'partner'], run: { kind: 'new-partner' } },
];

/** The partner whose workspace is on screen, from the route ("/partners/<id>/…"). */
export function partnerIdOfPath(pathname: string): string | null {
  const match = /^\/partners\/([^/]+)/.exec(pathname);
  return match?.[1] ? decodeURIComponent(match[1]) : null;
}

/** Actions on one partner: record a check-in, run the kick-off, open or export its plan, register a deal. */
export function partnerCommands(partner: Pick<Partner, 'id' | 'name'> | null, plans: readonly Pick<Plan, 'id' | 'status' | 'version'>[]): PaletteCommand[] {
  if (!partner) {
    return [
      { id: 'checkin-pick', label: 'Record check-in…', description: 'Open a partner first: check-ins due are on Today', keywords: ['record', 'check-in', 'checkin', 'meeting'], run: { kind: 'navigate', to: '/today' } },
      { id: 'plan-pick', label: 'Export plan…', description: 'Open a partner first, then its plan', keywords: ['export', 'plan', 'pdf', 'business plan'], run: { kind: 'navigate', to: '/portfolio' } },
    ];
  }
  const base = `/partners/${encodeURIComponent(partner.id)}`;
  const latest = [...plans].sort((a, b) => b.version - a.version)[0];
  return [
    { id: 'checkin', label: `Record check-in with ${partner.name}`, keywords: ['record', 'check-in', 'checkin', 'meeting', partner.name], run: { kind: 'navigate', to: `${base}/meetings?checkin=new` } },
    { id: 'kickoff', label: `Kick-off call with ${partner.name}`, keywords: ['kick-off', 'kickoff', 'call', 'meeting', partner.name], run: { kind: 'navigate', to: `${base}/meetings` } },
    { id: 'plan', label: `Open ${partner.name}’s business plan`, keywords: ['plan', 'business plan', 'goals', partner.name], run: { kind: 'navigate', to: `${base}/plan` } },
    ...(latest ? [{ id: 'export-plan', label: `Export ${partner.name}’s plan as PDF`, description: latest.status === 'final' ? `Version ${latest.version}` : `Draft (version ${latest.version})`, keywords: ['export', 'plan', 'pdf', 'print', partner.name], run: { kind: 'export-plan' as const, planId: latest.id, partnerId: partner.id } }] : []),
    { id: 'deal', label: `Register a deal for ${partner.name}`, keywords: ['deal', 'register', 'pipeline', partner.name], run: { kind: 'navigate', to: `${base}/deals` } },
  ];
}
