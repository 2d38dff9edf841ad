import type { IsoDate, Partner, Plan, PlanItem } from '../../../src-shared/domain/types';
import { GOAL_STATUS_LABELS, goalPercent, goalStatus } from '../../../src-shared/plan/goalRules';
import { versionLabel } from '../../../src-shared/plan/pdfOptions';
import { formatMoney, INITIATIVE_TYPE_LABELS, itemsOfKind, mdfTotals, type InitiativeType } from '../../../src-shared/plan/planTotals';
import { quarterLabel } from '../../../src-shared/plan/planValidation';
import { ownerSideLabels } from '../../../src-shared/domain/identity';
import { PARTNER_TYPE_LABELS } from '../../app/labels';
import { GoalProgressChart, RevenueChart } from './PlanCharts';
import { goalChartData, revenueChartData } from './planChartData';
import { label } from './planLabels';
import './printPlan.css';

/** Goals per progress chart: a longer list is drawn as several charts so none is split across pages. */
export const GOALS_PER_CHART = 24;
const CHART_WIDTH = 660;

const num = (value: number | undefined) => (value === undefined ? '—' : value.toLocaleString('en-US'));
const dash = (value: string | undefined) => (value === undefined || value === '' ? '—' : value);

export type PlanPrintProps = {
  partner: Partner;
  plan: Plan;
  items: PlanItem[];
  managerName: string;
  /** The vendor's company name from the profile ('' until the manager has said it). */
  company: string;
  today: IsoDate;
};

function chunks<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/**
 * The printed business plan: cover, summary, goals with progress, accounts, initiatives and MDF,
 * revenue, risks, sign-off. Plain tables (their header repeats on every page, rows never split)
 * and fixed-size charts; the header and footer with page numbers come from the PDF options.
 */
export function PlanPrintDocument({ partner, plan, items, managerName, company, today }: PlanPrintProps) {
  const sides = ownerSideLabels(company);
  const goals = itemsOfKind(items, 'goal');
  const accounts = itemsOfKind(items, 'account');
  const initiatives = itemsOfKind(items, 'initiative');
  const revenue = itemsOfKind(items, 'revenue');
  const risks = itemsOfKind(items, 'risk');
  const mdf = mdfTotals(items);
  const goalCharts = chunks(goalChartData(items, today, 38), GOALS_PER_CHART);
  const revenueCharts = revenueChartData(items);
  const dated = plan.finalisedAt ? plan.finalisedAt.slice(0, 10) : today;

  return (
    <article className="plan-print" data-testid="plan-print">
      <section className="pp-cover">
        <div className="pp-kicker">Joint business plan</div>
        <h1>{partner.name}</h1>
        <p className="pp-muted">{plan.status === 'final' ? `Finalised ${dated}` : `Working draft, printed ${today}`}</p>
        <dl>
          <dt>Partner type</dt>
          <dd>{PARTNER_TYPE_LABELS[partner.type]}</dd>
          <dt>Prepared by</dt>
          <dd>{sides.vendor}</dd>
          <dt>Partner manager</dt>
          <dd>{managerName}</dd>
          <dt>Date</dt>
          <dd>{dated}</dd>
          <dt>Version</dt>
          <dd>{versionLabel(plan)}</dd>
          <dt>Contract signed (Day 0)</dt>
          <dd>{partner.day0}</dd>
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
            <tbody>
              {goals.map((goal) => {
                const percent = goalPercent(goal);
                const status = goalStatus(goal, today);
                return (
                  <tr key={goal.id} data-testid="print-goal-row">
                    <td>{goal.title}</td>
                    <td>{dash(goal.metric)}</td>
                    <td className="pp-num">{num(goal.target)}</td>
                    <td className="pp-num">{num(goal.actual)}</td>
                    <td className="pp-nowrap">{dash(goal.dueDate)}</td>
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
          </table>
        )}
        {goalCharts.map((rows, index) => (
          <div className="pp-block" key={rows[0]?.id ?? index}>
            <h3>Goal progress{goalCharts.length > 1 ? ` (${index + 1} of ${goalCharts.length})` : ''}</h3>
            <GoalProgressChart rows={rows} width={CHART_WIDTH} />
          </div>
        ))}
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
          <p className="pp-muted">No initiatives in this version.</p>
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
                  <td className="pp-nowrap">{dash(initiative.dueDate)}</td>
                  <td>{initiative.ownerSide ? sides[initiative.ownerSide] : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {mdf.length > 0 && (
          <table className="pp-block">
            <thead>
              <tr>
                <th>MDF totals</th>
                <th className="pp-num">Requested</th>
                <th className="pp-num">Approved</th>
                <th className="pp-num">Claimed</th>
                <th className="pp-num">Paid</th>
                <th className="pp-num">Total</th>
              </tr>
            </thead>
            <tbody>
              {mdf.map((total) => (
                <tr key={total.currency} className="pp-totals" data-testid="print-mdf-total">
                  <td>
                    {total.count} request{total.count === 1 ? '' : 's'} in {total.currency}
                  </td>
                  <td className="pp-num">{formatMoney(total.requested, total.currency)}</td>
                  <td className="pp-num">{formatMoney(total.approved, total.currency)}</td>
                  <td className="pp-num">{formatMoney(total.claimed, total.currency)}</td>
                  <td className="pp-num">{formatMoney(total.paid, total.currency)}</td>
                  <td className="pp-num">MDF total {formatMoney(total.total, total.currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
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
                <div>Date: {line?.date ?? '—'}</div>
              </div>
            );
          })}
        </div>
      </section>
    </article>
  );
}
