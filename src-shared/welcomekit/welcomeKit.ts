import { PHASE_INFO } from '../domain/journey';
import { planManagerName } from '../domain/identity';
import { TEAM_ROLE_LABELS } from '../domain/labels';
import type { IsoDate, OwnerSide, Partner, Phase, Resource, Task } from '../domain/types';
import { PHASES } from '../domain/types';
import { resourcesForStep } from '../resources/resourceRules';

/**
 * The welcome kit a manager hands a new partner: the roadmap with real dates per phase, who their
 * partner manager is, the key contacts, and only the first steps and links (the guide's "avoid
 * information overload": nothing from later phases beyond their dates and milestones).
 */

/** The template step the kit fulfils; it is never one of the partner's first steps. */
export const WELCOME_KIT_TASK_KEY = 'welcome-kit';

/** How many phases (with open work) count as "the first phases" for steps and links. */
export const FIRST_PHASE_COUNT = 2;
export const MAX_FIRST_STEPS = 6;
export const MAX_MILESTONES = 3;

export type RoadmapPhase = { phase: Phase; label: string; start: IsoDate; end: IsoDate; milestones: string[] };
export type KitContact = { name: string; role: string; email: string; phone: string; side: OwnerSide };
export type KitStep = { title: string; dueDate: IsoDate; ownerSide: OwnerSide; guidance: string };
export type KitLink = { title: string; url: string };
/** A library resource a first-phase task links: a link's address, or a file's title and name (handed over separately). */
export type KitResource = { title: string; kind: 'file' | 'link'; url?: string; fileName?: string };

export type WelcomeKit = {
  title: string;
  vendorName: string;
  partnerName: string;
  day0: IsoDate;
  roadmap: RoadmapPhase[];
  manager: { name: string; email: string };
  contacts: KitContact[];
  firstSteps: KitStep[];
  /** Phases whose steps and links the kit carries. */
  firstPhases: Phase[];
  links: KitLink[];
  /** Current library resources linked by the first phases' tasks, for the partner's type. */
  resources: KitResource[];
};

export type WelcomeKitInput = {
  partner: Pick<Partner, 'name' | 'day0' | 'contacts' | 'team'> & Partial<Pick<Partner, 'type'>>;
  /** The resource library on this laptop (absent: the kit lists no library resources). */
  library?: readonly Resource[];
  tasks: readonly Task[];
  vendorName: string;
  /** The manager using the app (the profile): used when the team names no partner manager. */
  user: { name: string; email: string };
};

const byDueThenOrder = (a: Task, b: Task): number => a.dueDate.localeCompare(b.dueDate) || a.order - b.order;
const URL_PATTERN = /https?:\/\/[^\s<>"')\]]+[^\s<>"')\].,;:!?]/g;

/** "Welcome to the Northwind partner program" (or "Welcome to the partner program" unnamed). */
export function welcomeTitle(vendorName: string): string {
  const vendor = vendorName.trim();
  return vendor ? `Welcome to the ${vendor} partner program` : 'Welcome to the partner program';
}

/** Shapes the kit from the partner and its tasks. Skipped (not applicable) tasks are left out. */
export function buildWelcomeKit({ partner, tasks, vendorName, user, library = [] }: WelcomeKitInput): WelcomeKit {
  const live = tasks.filter((task) => task.status !== 'not_applicable');
  const byPhase = new Map<Phase, Task[]>();
  for (const task of [...live].sort(byDueThenOrder)) byPhase.set(task.phase, [...(byPhase.get(task.phase) ?? []), task]);

  const roadmap: RoadmapPhase[] = PHASES.filter((phase) => byPhase.has(phase)).map((phase) => {
    const phaseTasks = byPhase.get(phase) ?? [];
    return {
      phase,
      label: PHASE_INFO[phase].label,
      start: phaseTasks[0]?.dueDate ?? partner.day0,
      end: phaseTasks.at(-1)?.dueDate ?? partner.day0,
      milestones: phaseTasks.filter((task) => task.required).slice(0, MAX_MILESTONES).map((task) => task.title),
    };
  });

  const isStep = (task: Task) => task.status === 'open' && task.key !== WELCOME_KIT_TASK_KEY;
  const firstPhases = PHASES.filter((phase) => (byPhase.get(phase) ?? []).some(isStep)).slice(0, FIRST_PHASE_COUNT);
  const firstTasks = firstPhases.flatMap((phase) => byPhase.get(phase) ?? []);
  const firstSteps = firstTasks
    .filter(isStep)
    .sort((a, b) => (a.ownerSide === b.ownerSide ? 0 : a.ownerSide === 'partner' ? -1 : 1) || byDueThenOrder(a, b))
    .slice(0, MAX_FIRST_STEPS)
    .map((task) => ({ title: task.title, dueDate: task.dueDate, ownerSide: task.ownerSide, guidance: task.guidance }));

  const seen = new Set<string>();
  const links: KitLink[] = [];
  for (const task of firstTasks) {
    for (const url of task.guidance.match(URL_PATTERN) ?? []) {
      if (seen.has(url)) continue;
      seen.add(url);
      links.push({ title: task.title, url });
    }
  }

  const resources: KitResource[] = [];
  const listed = new Set<string>();
  for (const task of firstTasks) {
    const linked = partner.type ? resourcesForStep(task.resourceIds, library, partner.type) : [];
    for (const resource of linked) {
      if (listed.has(resource.id)) continue;
      listed.add(resource.id);
      resources.push(
        resource.kind === 'link'
          ? { title: resource.title, kind: 'link', url: resource.url ?? '' }
          : { title: resource.title, kind: 'file', fileName: resource.file?.name ?? '' },
      );
    }
  }

  const managerMember = partner.team.find((member) => member.role === 'partner_manager' && member.name.trim());
  const manager = { name: planManagerName(partner.team, user.name), email: managerMember?.email.trim() || user.email.trim() };
  const contacts: KitContact[] = [
    ...partner.contacts.filter((contact) => contact.name.trim()).map((contact) => ({ name: contact.name, role: contact.role, email: contact.email, phone: contact.phone, side: 'partner' as const })),
    ...partner.team
      .filter((member) => member.name.trim() && member !== managerMember)
      .map((member) => ({ name: member.name, role: TEAM_ROLE_LABELS[member.role], email: member.email, phone: '', side: 'vendor' as const })),
  ];

  return { title: welcomeTitle(vendorName), vendorName: vendorName.trim(), partnerName: partner.name, day0: partner.day0, roadmap, manager, contacts, firstSteps, firstPhases, links, resources };
}

/** A save-dialog name: "Acme Networks - welcome kit - 2026-12-02.pdf", safe on every OS. */
export function welcomeKitFileName(partnerName: string, date: IsoDate): string {
  const cleaned = [...partnerName].map((char) => (char < ' ' || '\\/<>:"|?*'.includes(char) ? '-' : char)).join('');
  const name = cleaned.replace(/\s+/g, ' ').trim().slice(0, 80) || 'Partner';
  return `${name} - welcome kit - ${date}.pdf`;
}
