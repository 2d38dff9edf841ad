import { newId } from '../../../src-shared/domain/ids';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { useProfile } from '../../app/useProfile';
import { useStoreAction } from '../../app/useStoreAction';
import { useAppData } from '../../db/useAppData';
import { useDatabase } from '../../db/useDatabase';
import { createPartner } from './createPartner';
import { EMPTY_PARTNER_INPUT, PartnerForm } from './PartnerForm';

/** Opens the New partner dialog; on save the journey is generated and the partner opens. */
export function useNewPartner(): () => void {
  const db = useDatabase();
  const [profile] = useProfile();
  const navigate = useNavigate();
  const [create] = useStoreAction(createPartner, 'create the partner');
  const { partners } = useAppData();

  return useCallback(() => {
    const id = `modal-${newId()}`;
    modals.open({
      modalId: id,
      title: 'New partner',
      size: 'lg',
      children: (
        <PartnerForm
          draftKey="partner:new"
          initial={EMPTY_PARTNER_INPUT}
          existingNames={partners.map((p) => p.name)}
          submitLabel="Create partner"
          onCancel={() => modals.close(id)}
          onSubmit={async (value) => {
            const partner = await create(db, value, profile);
            if (!partner) return false;
            modals.close(id);
            notifications.show({ color: 'teal', title: 'Partner created', message: `${partner.name}: journey generated from Day 0.` });
            void navigate(`/partners/${partner.id}`);
          }}
        />
      ),
    });
  }, [db, profile, navigate, create, partners]);
}
