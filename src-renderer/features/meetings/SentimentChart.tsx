import { Text } from '@mantine/core';
import { formatDate } from '../../../src-shared/util/formatDate';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { SentimentPoint } from '../../../src-shared/meetings/timeline';

/** Sentiment (1–5) of each held meeting over time; the data comes shaped by `sentimentSeries`. */
export function SentimentChart({ points }: { points: SentimentPoint[] }) {
  if (points.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No sentiment recorded yet: record a check-in to start the line.
      </Text>
    );
  }
  return (
    <div style={{ width: '100%', height: 160 }} role="img" aria-label={`Sentiment over time: ${points.map((p) => `${formatDate(p.date)} ${p.sentiment}`).join(', ')}`}>
      <ResponsiveContainer>
        <LineChart data={points} margin={{ top: 8, right: 12, bottom: 0, left: -24 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--mantine-color-default-border)" />
          <XAxis dataKey="date" tickFormatter={(date: string) => formatDate(date)} tick={{ fontSize: 11, fill: 'var(--mantine-color-dimmed)' }} />
          <YAxis domain={[1, 5]} ticks={[1, 2, 3, 4, 5]} allowDecimals={false} tick={{ fontSize: 11, fill: 'var(--mantine-color-dimmed)' }} />
          <Tooltip
            formatter={(value) => [`${String(value)} / 5`, 'Sentiment']}
            labelFormatter={(date) => formatDate(String(date))}
            contentStyle={{ background: 'var(--mantine-color-body)', border: '1px solid var(--mantine-color-default-border)' }}
          />
          <Line type="monotone" dataKey="sentiment" stroke="var(--mantine-color-indigo-6)" strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
