import { InboxOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ManageModal } from './pool-record.modals.tsx';
import type { RecordType } from './pool.types.ts';
import { usePools } from './use-pools.ts';

/**
 * 移入公海 on a record's page: a manager puts a customer (or lead) into a pool's public side, also
 * one nobody has held yet, e.g. from an imported list. The pools load only when the dialog opens.
 */
export function MoveToPoolButton({ type, id, onMoved }: { type: RecordType; id: string; onMoved(): void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon={<InboxOutlined />} onClick={() => setOpen(true)} data-testid="record-move-to-pool">
        {t('pool.manage.moveToPool')}
      </Button>
      {open && <MoveDialog type={type} id={id} onClose={() => setOpen(false)} onMoved={onMoved} />}
    </>
  );
}

function MoveDialog({ type, id, onClose, onMoved }: { type: RecordType; id: string; onClose(): void; onMoved(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { pools } = usePools();
  return (
    <ManageModal
      mode="move"
      records={[{ type, id }]}
      pools={pools}
      people={[]}
      onClose={onClose}
      onDone={(moved) => {
        void message.success(t('pool.manage.moved', { count: moved }));
        onClose();
        onMoved();
      }}
    />
  );
}
