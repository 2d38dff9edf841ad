import type { CSSProperties } from 'react';
import { formatDate } from '../../../src-shared/util/formatDate';
import { DEFAULT_ACCENT } from '../../../src-shared/welcomekit/branding';
import type { WelcomeKit } from '../../../src-shared/welcomekit/welcomeKit';
import '../plan/printPlan.css';
import './welcomeKit.css';

type Props = { kit: WelcomeKit; logo: string | null; accent: string | null; sides: { partner: string; vendor: string }; today: string };

const dateRange = (start: string, end: string): string => (start === end ? formatDate(start) : `${formatDate(start)} – ${formatDate(end)}`);

/**
 * The printed welcome kit: a cover (logo or vendor name, partner, welcome title), the roadmap with
 * the dates of every phase and its milestones, the partner manager and key contacts, the first
 * steps and the links of the first phases only. Sections with nothing in them are left out.
 */
export function WelcomeKitDocument({ kit, logo, accent, sides, today }: Props) {
  return (
    <article className="plan-print wk-print" data-testid="welcome-kit-print" style={{ '--pp-accent': accent ?? DEFAULT_ACCENT } as CSSProperties}>
      <section className="wk-cover" data-testid="welcome-kit-cover">
        {logo ? <img className="pp-logo" src={logo} alt={kit.vendorName ? `${kit.vendorName} logo` : 'Logo'} data-testid="print-logo" /> : kit.vendorName && <div className="wk-vendor">{kit.vendorName}</div>}
        <div className="pp-kicker">Welcome kit for {kit.partnerName}</div>
        <h1>{kit.title}</h1>
        <p className="pp-parties">
          Your journey started on {formatDate(kit.day0)}. Here is the road ahead, who to call, and what to do first.
        </p>
        <p className="pp-muted">Prepared {formatDate(today)}</p>
      </section>

      {kit.roadmap.length > 0 && (
        <section className="pp-block">
          <h2>Your roadmap</h2>
          <ol className="wk-roadmap" data-testid="welcome-kit-roadmap">
            {kit.roadmap.map((phase) => (
              <li key={phase.phase}>
                <div className="wk-phase">
                  <strong>{phase.label}</strong>
                  <span className="wk-dates">{dateRange(phase.start, phase.end)}</span>
                </div>
                {phase.milestones.length > 0 && <div className="pp-muted">Milestones: {phase.milestones.join(' · ')}</div>}
              </li>
            ))}
          </ol>
        </section>
      )}

      <section className="pp-block">
        <h2>Your partner manager</h2>
        <p className="wk-manager" data-testid="welcome-kit-manager">
          <strong>{kit.manager.name}</strong>
          {kit.manager.email && <span> · {kit.manager.email}</span>}
        </p>
        <p className="pp-muted">Your first point of contact for anything in the program.</p>
      </section>

      {kit.contacts.length > 0 && (
        <section className="pp-block">
          <h2>Key contacts</h2>
          <table className="wk-contacts">
            <thead>
              <tr>
                <th>Name</th>
                <th>Role</th>
                <th>Side</th>
                <th>Email</th>
                <th>Phone</th>
              </tr>
            </thead>
            <tbody>
              {kit.contacts.map((contact) => (
                <tr key={`${contact.side}-${contact.name}-${contact.email}`}>
                  <td>{contact.name}</td>
                  <td>{contact.role || '—'}</td>
                  <td>{sides[contact.side]}</td>
                  <td>{contact.email || '—'}</td>
                  <td className="pp-nowrap">{contact.phone || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}

      {kit.firstSteps.length > 0 && (
        <section className="pp-block">
          <h2>Your first steps</h2>
          <ol className="wk-steps" data-testid="welcome-kit-steps">
            {kit.firstSteps.map((step) => (
              <li key={`${step.title}-${step.dueDate}`}>
                <strong>{step.title}</strong>
                <span className="pp-muted">
                  {' '}
                  · by {formatDate(step.dueDate)} · {sides[step.ownerSide]}
                </span>
                {step.guidance && <div className="pp-muted">{step.guidance}</div>}
              </li>
            ))}
          </ol>
        </section>
      )}

      {kit.links.length > 0 && (
        <section className="pp-block">
          <h2>Links to get started</h2>
          <ul className="wk-links">
            {kit.links.map((link) => (
              <li key={link.url}>
                {link.title}: <a href={link.url}>{link.url}</a>
              </li>
            ))}
          </ul>
        </section>
      )}

      {kit.resources.length > 0 && (
        <section className="pp-block">
          <h2>Resources for your first weeks</h2>
          <ul className="wk-links">
            {kit.resources.map((resource) => (
              <li key={`${resource.kind}:${resource.title}:${resource.url ?? resource.fileName ?? ''}`}>
                {resource.kind === 'link' ? (
                  <>
                    {resource.title}: <a href={resource.url}>{resource.url}</a>
                  </>
                ) : (
                  <>
                    {resource.title} <span className="pp-muted">(file {resource.fileName}, handed over by your partner manager)</span>
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
