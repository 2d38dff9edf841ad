import { Button, Group, type MantineSpacing } from '@mantine/core';
import type { DraftState } from './draftKeeper';
import { DraftIndicator } from './DraftIndicator';

type FooterDraft = { state: DraftState; restored: boolean; clear: () => void };

/**
 * The footer of a form that keeps a draft: the draft indicator on the left, Cancel and the submit
 * button on the right. Cancel drops the kept draft before closing, so the form opens empty next
 * time; only a submit (or typing) keeps one.
 */
export function DraftFormFooter({ draft, onCancel, submitLabel, saving = false, mt }: { draft: FooterDraft; onCancel: () => void; submitLabel: string; saving?: boolean; mt?: MantineSpacing }) {
  return (
    <Group justify="space-between" {...(mt !== undefined ? { mt } : {})}>
      <DraftIndicator state={draft.state} restored={draft.restored} />
      <Group>
        <Button
          variant="default"
          onClick={() => {
            draft.clear();
            onCancel();
          }}
        >
          Cancel
        </Button>
        <Button type="submit" loading={saving}>
          {submitLabel}
        </Button>
      </Group>
    </Group>
  );
}
