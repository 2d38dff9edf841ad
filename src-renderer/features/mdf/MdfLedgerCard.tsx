import { Anchor, Card, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { PlanItem } from '../../../src-shared/domain/types';
import { mdfLedger } from '../../../src-shared/mdf/mdfLedger';
import { formatMoney } from '../../../src-shared/plan/planTotals';
import { useMdfDocs } from './useMdfDocs';

/** The plan's MDF per initiative (requested / approved / claimed / paid, per currency, never summed across), from the MDF tab's requests. */
export function MdfLedgerCard({ partnerId, initiatives }: { partnerId: string; initiatives: PlanItem[] }) {
  const docs = useMdfDocs(partnerId);
  if (docs === null) return null;
  const ledger = mdfLedger(docs, initiatives);
  return (
    <Card withBorder radius="md" padding="md" data-testid="plan-mdf-ledger">
      <Title order={3} size="h5" mb="xs">
        MDF by initiative
      </Title>
      {ledger.rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          No MDF request yet. Request funds for an initiative in the{' '}
          <Anchor component={Link} to={`/partners/${partnerId}/mdf`} size="sm">
            MDF tab
          </Anchor>
          .
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table aria-label="MDF by initiative">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Initiative</Table.Th>
                <Table.Th ta="right">Requested</Table.Th>
                <Table.Th ta="right">Approved</Table.Th>
                <Table.Th ta="right">Claimed</Table.Th>
                <Table.Th ta="right">Paid</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {ledger.rows.flatMap((row) =>
                row.amounts.map((a) => (
                  <Table.Tr key={`${row.initiativeId ?? 'none'}-${a.currency}`}>
                    <Table.Td>{row.title}</Table.Td>
                    <AmountCells amounts={a} />
                  </Table.Tr>
                )),
              )}
            </Table.Tbody>
            <Table.Tfoot>
              {ledger.totals.map((a) => (
                <Table.Tr key={a.currency} fw={600}>
                  <Table.Td>Total in {a.currency}</Table.Td>
                  <AmountCells amounts={a} />
                </Table.Tr>
              ))}
            </Table.Tfoot>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}

/** Requested, approved, claimed and paid of one currency, as table cells (a row and the totals). */
function AmountCells({ amounts: a }: { amounts: { requested: number; approved: number; claimed: number; paid: number; currency: string } }) {
  return (
    <>
      <Table.Td ta="right">{formatMoney(a.requested, a.currency)}</Table.Td>
      <Table.Td ta="right">{formatMoney(a.approved, a.currency)}</Table.Td>
      <Table.Td ta="right">{formatMoney(a.claimed, a.currency)}</Table.Td>
      <Table.Td ta="right">{formatMoney(a.paid, a.currency)}</Table.Td>
    </>
  );
}
