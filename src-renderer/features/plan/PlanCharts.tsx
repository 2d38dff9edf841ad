import { Bar, BarChart, CartesianGrid, Cell, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { GOAL_STATUS_LABELS, type GoalStatus } from '../../../src-shared/plan/goalRules';
import { GOAL_STATUS_FILL, type GoalChartRow, type GoalWindowRow, type RevenueChartData } from './planChartData';

const compact = (value: number) => value.toLocaleString('en-US', { notation: 'compact', maximumFractionDigits: 1 });

/**
 * Revenue target vs actual per quarter, for one currency. Fixed size (no ResponsiveContainer) and
 * no animation, so the print layout measures and paints it in one pass.
 */
export function RevenueChart({ data, width = 640, height = 240 }: { data: RevenueChartData; width?: number; height?: number }) {
  return (
    <figure className="plan-chart" aria-label={`Revenue targets by quarter (${data.currency})`} style={{ margin: 0 }}>
      <BarChart width={width} height={height} data={data.rows} margin={{ top: 8, right: 16, bottom: 4, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" tick={{ fontSize: 11 }} />
        <YAxis tickFormatter={compact} tick={{ fontSize: 11 }} width={56} />
        <Tooltip formatter={(value) => `${data.currency} ${Number(value).toLocaleString('en-US')}`} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Bar dataKey="target" name={`Target (${data.currency})`} fill="#7950f2" isAnimationActive={false} />
        <Bar dataKey="actual" name={`Actual (${data.currency})`} fill="#12b886" isAnimationActive={false} />
      </BarChart>
    </figure>
  );
}

/** Progress of each goal in percent, one horizontal bar per goal, coloured by status. */
export function GoalProgressChart({ rows, width = 640 }: { rows: GoalChartRow[]; width?: number }) {
  const height = Math.max(120, rows.length * 22 + 40);
  return (
    <figure className="plan-chart" aria-label="Goal progress" style={{ margin: 0 }}>
      <BarChart width={width} height={height} data={rows} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" domain={[0, 100]} tickFormatter={(value: number) => `${value}%`} tick={{ fontSize: 11 }} />
        <YAxis type="category" dataKey="label" width={220} tick={{ fontSize: 10 }} interval={0} />
        <Tooltip formatter={(value) => `${String(value)}%`} />
        <Bar dataKey="percent" name="Progress" isAnimationActive={false}>
          {rows.map((row) => (
            <Cell key={row.id} fill={GOAL_STATUS_FILL[row.status]} />
          ))}
        </Bar>
      </BarChart>
    </figure>
  );
}

const STATUS_ORDER: GoalStatus[] = ['achieved', 'on_track', 'at_risk', 'not_started', 'missed'];

/** Goals per 30-60-90 window, one stacked bar per window split by status: every row has a bar. */
export function GoalWindowChart({ rows, width = 640 }: { rows: GoalWindowRow[]; width?: number }) {
  const height = Math.max(110, rows.length * 34 + 56);
  return (
    <figure className="plan-chart" aria-label="Goals by 30-60-90 day window and status" style={{ margin: 0 }}>
      <BarChart width={width} height={height} data={rows} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 8 }} barCategoryGap={8}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" allowDecimals={false} tick={{ fontSize: 11 }} />
        <YAxis type="category" dataKey="label" width={110} tick={{ fontSize: 11 }} interval={0} />
        <Legend wrapperStyle={{ fontSize: 11 }} />
        {STATUS_ORDER.map((status) => (
          <Bar key={status} dataKey={status} name={GOAL_STATUS_LABELS[status]} stackId="goals" fill={GOAL_STATUS_FILL[status]} isAnimationActive={false} />
        ))}
      </BarChart>
    </figure>
  );
}
