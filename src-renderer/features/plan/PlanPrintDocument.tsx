import type { CSSProperties } from 'react';
import type { IsoDate, MdfDoc, Partner, Plan, PlanItem } from '../../../src-shared/domain/types';
import { mdfLedger } from '../../../src-shared/mdf/mdfLedger';
import { GOAL_STATUS_LABELS, goalPercent, goalStatus } from '../../../src-shared/plan/goalRules';
import { versionLabel } from '../../../src-shared/plan/pdfOptions';
import { formatMoney, INITIATIVE_TYPE_LABELS, itemsOfKind, mdfBreakdown, mdfTotals, type InitiativeType } from '../../../src-shared/plan/planTotals';
import { quarterLabel } from '../../../src-shared/plan/planValidation';
import { ownerSideLabels } from '../../../src-shared/domain/identity';
import { PARTNER_TYPE_LABELS } from '../../app/labels';
import { formatDate } from '../../../src-shared/util/formatDate';
import { goalsByHorizon, headlineGoals } from '../../../src-shared/plan/goalHorizons';
import { GoalWindowChart, RevenueChart } from './PlanCharts';
import { goalWindowChartData, revenueChartsForPrint } from './planChartData';
import { label } from './planLabels';
import './printPlan.css';

const CHART_WIDTH = 660;

const num = (value: number | undefined) => (value === undefined ? '—' : value.toLocaleString('en-US'));
const dash = (value: string | undefined) => (value === undefined || value === '' ? '—' : value);
const day = (value: IsoDate | undefined) => (value ? formatDate(value) : '—');

export type PlanPrintProps = {
  partner: Partner;
  plan: Plan;
  items: PlanItem[];
  managerName: string;
  /** The vendor's company name from the profile ('' until the manager has said it). */
  company: string;
  today: IsoDate;
  /** The vendor logo (a data URL) for the cover, when the manager has set one. */
  logo?: string | null;
  /** The accent colour of headings and rules (Settings → Profile & branding). */
  accent?: string;
  /** The partner's MDF budgets and requests (the mdf collection): the ledger per initiative. */
  mdfDocs?: MdfDoc[];
};

/** The date a plan carries: the day it was finalised, or today for the working draft. */
export const planDate = (plan: Plan, today: IsoDate): IsoDate => (plan.finalisedAt ? plan.finalisedAt.slice(0, 10) : today);

/** "Target 3 deals won, due 31 Mar 2027", the line a cover shows under a headline goal. */
function goalLine(goal: PlanItem): string {
  const target = goal.target !== undefined ? `Target ${num(goal.target)}${goal.metric ? ` ${goal.metric.toLowerCase()}` : ''}` : goal.metric;
  return [target, goal.dueDate ? `due ${formatDate(goal.dueDate)}` : undefined].filter(Boolean).join(', ');
}

/**
 * The printed business plan: a cover that fills its page (both companies, the headline goals),
 * summary, goals by 30-60-90 day window with progress, accounts, initiatives and MDF with totals
 * per currency, revenue, risks, sign-off. Plain tables (their header repeats on every page, rows
 * never split) and fixed-size charts; the header and the footer (partner, version, date, page X
 * of Y) come from the PDF options.
 */
export function PlanPrintDocument({ partner, plan, items, managerName, company, today, logo, accent, mdfDocs = [] }: PlanPrintProps) {
  const sides = ownerSideLabels(company);
  const goals = itemsOfKind(items, 'goal');
  const goalGroups = goalsByHorizon(goals, partner.day0);
  const headline = headlineGoals(goals, partner.day0);
  const accounts = itemsOfKind(items, 'account');
  const allInitiatives = itemsOfKind(items, 'initiative');
  const initiatives = allInitiatives.filter((item) => item.initiativeType !== 'mdf');
  const mdfRequests = allInitiatives.filter((item) => item.initiativeType === 'mdf');
  const revenue = itemsOfKind(items, 'revenue');
  const risks = itemsOfKind(items, 'risk');
  const mdf = mdfTotals(items);
  const ledger = mdfLedger(mdfDocs, allInitiatives);
  const windows = goalWindowChartData(items, partner.day0, today);
  const revenueCharts = revenueChartsForPrint(items);
  const dated = planDate(plan, today);

  return (
    <article className="plan-print" data-testid="plan-print" style={accent ? ({ '--pp-accent': accent } as CSSProperties) : undefined}>
      <section className="pp-cover" data-testid="print-cover">
        <div>
          {logo && <img className="pp-logo" src={logo} alt={company ? `${company} logo` : 'Logo'} data-testid="print-logo" />}
          <div className="pp-kicker">Joint business plan</div>
          <h1>{partner.name}</h1>
          <p className="pp-parties">
            Prepared by {sides.vendor} with {partner.name}
          </p>
          <p className="pp-muted">{plan.status === 'final' ? `${versionLabel(plan)}, finalised ${formatDate(dated)}` : `Working draft, printed ${formatDate(today)}`}</p>
        </div>
        <div className="pp-cover-goals">
          <div className="pp-kicker">Headline goals</div>
          {headline.length === 0 ? (
            <p className="pp-muted">No goals in this version yet.</p>
          ) : (
            <ol>
              {headline.map((goal) => (
                <li key={goal.id}>
                  <strong>{goal.title}</strong>
                  <span className="pp-muted">{goalLine(goal)}</span>
                </li>
              ))}
            </ol>
          )}
          {goals.length > headline.length && <p className="pp-muted">and {goals.length - headline.length} more goals inside.</p>}
        </div>
        <dl>
          <dt>Partner</dt>
          <dd>
            {partner.name} ({PARTNER_TYPE_LABELS[partner.type]})
          </dd>
          <dt>Vendor</dt>
          <dd>{sides.vendor}</dd>
          <dt>Partner manager</dt>
          <dd>{managerName}</dd>
          <dt>Version</dt>
          <dd>{versionLabel(plan)}</dd>
          <dt>Date</dt>
          <dd>{formatDate(dated)}</dd>
          <dt>Contract signed (Day 0)</dt>
          <dd>{formatDate(partner.day0)}</dd>
        </dl>
      </section>

      <section>
        <h2>Objectives and summary</h2>
        <div className="pp-block">
          <h3>Objectives</h3>
          <p>{plan.objectives || '—'}</p>
        </div>
        <div className="pp-block">
          <h3>Summary</h3>
          <p>{plan.summary || '—'}</p>
        </div>
      </section>

      <section>
        <h2>30-60-90 day goals</h2>
        {goals.length === 0 ? (
          <p className="pp-muted">No goals in this version.</p>
        ) : (
          <>
            <div className="pp-block">
              <h3>Goals at a glance</h3>
              <GoalWindowChart rows={windows} width={CHART_WIDTH} />
            </div>
            <table className="pp-goals">
              <thead>
                <tr>
                  <th>Goal</th>
                  <th>Metric</th>
                  <th className="pp-num">Target</th>
                  <th className="pp-num">Actual</th>
                  <th>Due</th>
                  <th>Owner</th>
                  <th>Status</th>
                  <th>Progress</th>
                </tr>
              </thead>
              {goalGroups.map((group) => (
                <tbody key={group.horizon}>
                  <tr className="pp-group" data-testid="print-goal-window">
                    <th colSpan={8}>
                      {group.label} · {group.goals.length} goal{group.goals.length === 1 ? '' : 's'}
                    </th>
                  </tr>
                  {group.goals.map((goal) => {
                    const percent = goalPercent(goal);
                    const status = goalStatus(goal, today);
                    return (
                      <tr key={goal.id} data-testid="print-goal-row">
                        <td>{goal.title}</td>
                        <td>{dash(goal.metric)}</td>
                        <td className="pp-num">{num(goal.target)}</td>
                        <td className="pp-num">{num(goal.actual)}</td>
                        <td className="pp-nowrap">{day(goal.dueDate)}</td>
                        <td>{goal.ownerSide ? sides[goal.ownerSide] : '—'}</td>
                        <td className={`pp-status pp-status-${status}`}>{GOAL_STATUS_LABELS[status]}</td>
                        <td style={{ whiteSpace: 'nowrap' }}>
                          {percent === null ? (
                            '—'
                          ) : (
                            <>
                              <span className="pp-bar" aria-hidden>
                                <span style={{ width: `${percent}%` }} />
                              </span>
                              {percent}%
                            </>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              ))}
            </table>
          </>
        )}
      </section>

      <section>
        <h2>Target accounts</h2>
        {accounts.length === 0 ? (
          <p className="pp-muted">No target accounts in this version.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th>Account</th>
                <th>Segment</th>
                <th className="pp-num">Fit</th>
                <th>Stage</th>
                <th>Next step</th>
              </tr>
            </thead>
            <tbody>
              {accounts.map((account) => (
                <tr key={account.id}>
                  <td>{account.title}</td>
                  <td>{dash(account.segment)}</td>
                  <td className="pp-num">{num(account.fit)}</td>
                  <td>{label(account.stage) || '—'}</td>
                  <td>{dash(account.nextStep)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section>
        <h2>Initiatives and MDF</h2>
        {initiatives.length === 0 ? (
          <p className="pp-muted">No co-marketing or enablement initiatives in this version.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th>Initiative</th>
                <th>Type</th>
                <th className="pp-num">Amount</th>
                <th>Status</th>
                <th>Due</th>
                <th>Owner</th>
              </tr>
            </thead>
            <tbody>
              {initiatives.map((initiative) => (
                <tr key={initiative.id}>
                  <td>{initiative.title}</td>
                  <td>{INITIATIVE_TYPE_LABELS[initiative.initiativeType as InitiativeType] ?? dash(initiative.initiativeType)}</td>
                  <td className="pp-num">{initiative.amount !== undefined ? formatMoney(initiative.amount, initiative.currency ?? '') : '—'}</td>
                  <td>{label(initiative.status) || '—'}</td>
                  <td className="pp-nowrap">{day(initiative.dueDate)}</td>
                  <td>{initiative.ownerSide ? sides[initiative.ownerSide] : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {mdfRequests.length > 0 || ledger.rows.length === 0 ? <h3>Market development funds (MDF)</h3> : null}
        {mdfRequests.length === 0 ? (
          ledger.rows.length === 0 ? <p className="pp-muted">No MDF requests in this version.</p> : null
        ) : (
          <table className="pp-mdf">
            <thead>
              <tr>
                <th>MDF request</th>
                <th>Status</th>
                <th>Due</th>
                <th>Owner</th>
                <th className="pp-num">Amount</th>
              </tr>
            </thead>
            <tbody>
              {mdfRequests.map((request) => (
                <tr key={request.id}>
                  <td>{request.title}</td>
                  <td>{label(request.status) || '—'}</td>
                  <td className="pp-nowrap">{day(request.dueDate)}</td>
                  <td>{request.ownerSide ? sides[request.ownerSide] : '—'}</td>
                  <td className="pp-num">{request.amount !== undefined ? formatMoney(request.amount, request.currency ?? '') : '—'}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              {mdf.map((total) => (
                <tr key={total.currency} className="pp-totals" data-testid="print-mdf-total">
                  <td colSpan={4}>
                    MDF total in {total.currency} ({mdfBreakdown(total)})
                  </td>
                  <td className="pp-num">{formatMoney(total.total, total.currency)}</td>
                </tr>
              ))}
            </tfoot>
          </table>
        )}
        {ledger.rows.length > 0 ? (
          <>
            <h3>
              {mdfRequests.length > 0 ? 'MDF' : 'Market development funds (MDF)'} by initiative, on {formatDate(today)}
            </h3>
            <table className="pp-mdf" data-testid="print-mdf-ledger">
              <thead>
                <tr>
                  <th>Initiative</th>
                  <th className="pp-num">Requested</th>
                  <th className="pp-num">Approved</th>
                  <th className="pp-num">Claimed</th>
                  <th className="pp-num">Paid</th>
                </tr>
              </thead>
              <tbody>
                {ledger.rows.flatMap((row) =>
                  row.amounts.map((a) => (
                    <tr key={`${row.initiativeId ?? 'none'}-${a.currency}`} data-testid="print-mdf-ledger-row">
                      <td>{row.title}</td>
                      <td className="pp-num">{formatMoney(a.requested, a.currency)}</td>
                      <td className="pp-num">{formatMoney(a.approved, a.currency)}</td>
                      <td className="pp-num">{formatMoney(a.claimed, a.currency)}</td>
                      <td className="pp-num">{formatMoney(a.paid, a.currency)}</td>
                    </tr>
                  )),
                )}
              </tbody>
              <tfoot>
                {ledger.totals.map((a) => (
                  <tr key={a.currency} className="pp-totals" data-testid="print-mdf-ledger-total">
                    <td>Total in {a.currency}</td>
                    <td className="pp-num">{formatMoney(a.requested, a.currency)}</td>
                    <td className="pp-num">{formatMoney(a.approved, a.currency)}</td>
                    <td className="pp-num">{formatMoney(a.claimed, a.currency)}</td>
                    <td className="pp-num">{formatMoney(a.paid, a.currency)}</td>
                  </tr>
                ))}
              </tfoot>
            </table>
          </>
        ) : null}
      </section>

      <section>
        <h2>Revenue targets by quarter</h2>
        {revenue.length === 0 ? (
          <p className="pp-muted">No revenue targets in this version.</p>
        ) : (
          <>
            <table>
              <thead>
                <tr>
                  <th>Quarter</th>
                  <th className="pp-num">Target</th>
                  <th className="pp-num">Actual</th>
                </tr>
              </thead>
              <tbody>
                {revenue.map((row) => (
                  <tr key={row.id}>
                    <td>{row.quarter ? quarterLabel(row.quarter) : row.title}</td>
                    <td className="pp-num">{row.target !== undefined ? formatMoney(row.target, row.currency ?? '') : '—'}</td>
                    <td className="pp-num">{row.actual !== undefined ? formatMoney(row.actual, row.currency ?? '') : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {revenueCharts.map((data) => (
              <div className="pp-block" key={data.currency}>
                <h3>Revenue target and actual ({data.currency})</h3>
                <RevenueChart data={data} width={CHART_WIDTH} height={230} />
              </div>
            ))}
          </>
        )}
      </section>

      <section>
        <h2>Risks and mitigations</h2>
        {risks.length === 0 ? (
          <p className="pp-muted">No risks recorded in this version.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th>Risk</th>
                <th>Mitigation</th>
                <th>Owner</th>
                <th>Status</th>
              </tr>
            </thead>
            <tbody>
              {risks.map((risk) => (
                <tr key={risk.id}>
                  <td>{risk.title}</td>
                  <td>{dash(risk.mitigation)}</td>
                  <td>{risk.ownerSide ? sides[risk.ownerSide] : '—'}</td>
                  <td>{label(risk.status) || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className="pp-block">
        <h2>Sign-off</h2>
        <div className="pp-signoff">
          {(['partner', 'vendor'] as const).map((side) => {
            const line = plan.signOff.find((entry) => entry.side === side);
            return (
              <div key={side}>
                <h3>{side === 'partner' ? partner.name : sides.vendor}</h3>
                <div className="pp-line" />
                <div>Name: {line?.name || '—'}</div>
                <div>Title: {line?.title || '—'}</div>
                <div>Date: {line?.date ? formatDate(line.date) : '—'}</div>
              </div>
            );
          })}
        </div>
      </section>
    </article>
  );
}
