import { ActionIcon, Button, Group, Menu, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconBookmark, IconChevronDown, IconPencil, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { newId } from '../../../src-shared/domain/ids';
import { showUndoToast } from '../../app/showUndoToast';
import { activeView, addView, deleteView, renameView, viewNameError, type PortfolioFilter, type PortfolioSort, type SavedView } from './portfolioRows';
import { useSavedViews } from './useSavedViews';

type Props = { filter: PortfolioFilter; sort: PortfolioSort; onApply: (view: SavedView) => void };

type Naming = { mode: 'save' } | { mode: 'rename'; view: SavedView };

/** Saved views: apply one, save the current filters and sort under a name, rename or delete one. */
export function SavedViewsMenu({ filter, sort, onApply }: Props) {
  const [views, setViews] = useSavedViews();
  const [naming, setNaming] = useState<Naming | null>(null);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const current = activeView(views, filter, sort);

  const open = (next: Naming) => {
    setNaming(next);
    setName(next.mode === 'rename' ? next.view.name : '');
    setError(null);
  };
  const submit = () => {
    if (!naming) return;
    const problem = viewNameError(views, name, naming.mode === 'rename' ? naming.view.id : undefined);
    if (problem) {
      setError(problem);
      return;
    }
    setViews(naming.mode === 'save' ? addView(views, { id: newId(), name, filter, sort }) : renameView(views, naming.view.id, name));
    setNaming(null);
  };
  const remove = (view: SavedView) => {
    const before = views;
    setViews(deleteView(views, view.id));
    showUndoToast({ message: `View “${view.name}” deleted`, undo: async () => setViews(before), undoDescription: 'bring the view back' });
  };

  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="default" leftSection={<IconBookmark size={16} />} rightSection={<IconChevronDown size={14} />} aria-label={`Saved views${current ? `: ${current.name}` : ''}`}>
            {current ? current.name : 'Saved views'}
          </Button>
        </Menu.Target>
        <Menu.Dropdown miw={260} data-testid="saved-views">
          {views.length === 0 ? (
            <Text size="sm" c="dimmed" px="sm" py={6} maw={260}>
              No saved views yet. Set filters and a sort, then save them here.
            </Text>
          ) : (
            views.map((view) => (
              <Group key={view.id} gap={4} wrap="nowrap" pr={4}>
                <Menu.Item onClick={() => onApply(view)} style={{ flex: 1, minWidth: 0 }} fw={view.id === current?.id ? 600 : undefined}>
                  <Text size="sm" truncate="end" title={view.name}>
                    {view.name}
                  </Text>
                </Menu.Item>
                <ActionIcon variant="subtle" color="gray" aria-label={`Rename view ${view.name}`} onClick={() => open({ mode: 'rename', view })}>
                  <IconPencil size={14} />
                </ActionIcon>
                <ActionIcon variant="subtle" color="red" aria-label={`Delete view ${view.name}`} onClick={() => remove(view)}>
                  <IconTrash size={14} />
                </ActionIcon>
              </Group>
            ))
          )}
          <Menu.Divider />
          <Menu.Item onClick={() => open({ mode: 'save' })} disabled={current !== undefined}>
            Save current view…
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Modal opened={naming !== null} onClose={() => setNaming(null)} closeButtonProps={{ 'aria-label': 'Close' }} title={naming?.mode === 'rename' ? 'Rename view' : 'Save view'}>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <Stack>
            <TextInput
              label="View name"
              description={naming?.mode === 'save' ? 'Saves the current search, filters and sort on this laptop.' : undefined}
              value={name}
              onChange={(event) => {
                setName(event.currentTarget.value);
                setError(null);
              }}
              error={error}
              data-autofocus
              required
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setNaming(null)}>
                Cancel
              </Button>
              <Button type="submit">{naming?.mode === 'rename' ? 'Rename' : 'Save view'}</Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
