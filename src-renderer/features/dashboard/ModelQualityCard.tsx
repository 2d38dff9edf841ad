import { Alert, Badge, Card, Group, Loader, Table, Text, Title } from '@mantine/core';
import { HEALTH_MEASURE_LABELS } from '../../../src-shared/domain/health';
import type { RiskModel } from '../../../src-shared/kpi/riskModel';
import { aucVerdict, calibrationWarning, weightShares } from './modelQualityText';

/** How well the at-risk prediction works, said honestly: model kind, history size, held-out AUC, calibration. */
export function ModelQualityCard({ model }: { model: RiskModel | null }) {
  if (!model) {
    return (
      <Card withBorder radius="md" padding="md" component="section" aria-label="At-risk prediction quality" data-testid="model-quality-loading">
        <Title order={3} size="h5">
          At-risk prediction
        </Title>
        <Group gap="xs" mt="sm">
          <Loader size="xs" />
          <Text size="sm" c="dimmed">
            Fitting the model on the program’s history…
          </Text>
        </Group>
      </Card>
    );
  }
  const q = model.quality;
  const verdict = aucVerdict(q);
  const calibration = calibrationWarning(q);
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-label="At-risk prediction quality" data-testid="model-quality">
      <Group justify="space-between">
        <Title order={3} size="h5">
          At-risk prediction
        </Title>
        <Badge variant="light" color={model.kind === 'fitted' ? 'indigo' : 'gray'}>
          {model.kind === 'fitted' ? 'Fitted on history' : 'Expert weights'}
        </Badge>
      </Group>
      <Text size="xs" c="dimmed" mb="xs">
        Chance a partner is not activated by day 90. {model.note}
      </Text>
      <Group gap="lg" mb="xs">
        <Text size="sm">
          AUC{q?.method === 'cross-validated' ? ' (held out)' : ' (on all known outcomes)'}: <b>{q?.auc ?? '—'}</b> — {verdict}
        </Text>
        <Text size="sm">
          Brier: <b>{q?.brier ?? '—'}</b>
        </Text>
        <Text size="sm">
          Outcomes: <b>{model.outcomes}</b> ({model.notActivated} not activated)
        </Text>
      </Group>
      {q ? (
        <Table fz="xs" aria-label="Calibration">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Predicted risk</Table.Th>
              <Table.Th>Examples</Table.Th>
              <Table.Th>Mean predicted</Table.Th>
              <Table.Th>Observed not activated</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {q.calibration.map((b) => (
              <Table.Tr key={b.from}>
                <Table.Td>
                  {Math.round(b.from * 100)}–{Math.round(b.to * 100)}%
                </Table.Td>
                <Table.Td>{b.count}</Table.Td>
                <Table.Td>{b.meanPredicted === null ? '—' : `${Math.round(b.meanPredicted * 100)}%`}</Table.Td>
                <Table.Td>{b.observedRate === null ? '—' : `${Math.round(b.observedRate * 100)}%`}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      {calibration && (
        <Alert color="yellow" variant="light" mt="xs" p="xs" title="Calibration" data-testid="calibration-warning">
          <Text size="xs">{calibration}</Text>
        </Alert>
      )}
      <Text size="xs" c="dimmed" mt="xs">
        What raises the risk most: {weightShares(model.weights, HEALTH_MEASURE_LABELS)}
      </Text>
    </Card>
  );
}
