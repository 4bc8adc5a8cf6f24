import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { App, Button, Drawer, Popconfirm, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client.ts';
import { useCreateResident, useDeleteResident, useResident, useUpdateResident } from '../../api/residents.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useIsDesktop } from '../../lib/useIsDesktop.ts';
import { ResidentDetails } from './ResidentDetails.tsx';
import { initialValues, ResidentForm, type ResidentValues } from './ResidentForm.tsx';
import { toCreateResident, toUpdateResident } from './resident-changes.ts';

export type DrawerTarget = { mode: 'view'; residentId: string } | { mode: 'create'; buildingId?: string };

interface Props {
  communityId: string;
  target: DrawerTarget | null;
  reveal: boolean;
  canEdit: boolean;
  onClose: () => void;
}

/** A resident's details, and for staff their edit form, over the list they came from. */
export function ResidentDrawer({ communityId, target, reveal, canEdit, onClose }: Props) {
  const { t } = useTranslation();
  const desktop = useIsDesktop();
  const { message } = App.useApp();
  const [editing, setEditing] = useState(false);
  const residentId = target?.mode === 'view' ? target.residentId : null;
  const resident = useResident(communityId, residentId, reveal);
  const create = useCreateResident(communityId);
  const update = useUpdateResident(communityId);
  const remove = useDeleteResident(communityId);
  const creating = target?.mode === 'create';

  const close = () => {
    setEditing(false);
    create.reset();
    update.reset();
    onClose();
  };

  const onCreate = (values: ResidentValues) =>
    create.mutate(toCreateResident(values), {
      onSuccess: (created) => {
        void message.success(t('residents.created', { name: created.name }));
        close();
      },
    });

  const onUpdate = (before: ResidentValues) => (values: ResidentValues) => {
    const changes = toUpdateResident(before, values);
    if (!resident.data || Object.keys(changes).length === 0) return setEditing(false);
    update.mutate(
      { id: resident.data.id, changes },
      {
        onSuccess: () => {
          void message.success(t('residents.saved'));
          setEditing(false);
        },
      },
    );
  };

  const onDelete = () => {
    if (!resident.data) return;
    const name = resident.data.name;
    remove.mutate(resident.data.id, {
      onSuccess: () => {
        void message.success(t('residents.deleted', { name }));
        close();
      },
      onError: (error) => void message.error(errorMessage(error)),
    });
  };

  const title = creating
    ? t('residents.createTitle')
    : editing
      ? t('residents.editTitle', { name: resident.data?.name ?? '' })
      : (resident.data?.name ?? t('residents.detailTitle'));

  const viewActions = canEdit && resident.data && !editing && (
    <div className="form-buttons">
      <Button type="primary" icon={<EditOutlined aria-hidden />} onClick={() => setEditing(true)}>
        {t('common.edit')}
      </Button>
      <Popconfirm
        title={t('residents.deleteConfirm', { name: resident.data.name })}
        description={t('residents.deleteWarning')}
        okText={t('common.delete')}
        okButtonProps={{ danger: true, loading: remove.isPending }}
        cancelText={t('common.cancel')}
        onConfirm={onDelete}
      >
        <Button danger icon={<DeleteOutlined aria-hidden />}>
          {t('common.delete')}
        </Button>
      </Popconfirm>
    </div>
  );

  return (
    <Drawer
      open={target !== null}
      onClose={close}
      title={title}
      size={desktop ? 520 : '100%'}
      destroyOnHidden
      footer={viewActions || undefined}
    >
      {creating ? (
        <ResidentForm
          communityId={communityId}
          resident={null}
          initial={initialValues(null, { buildingId: target.buildingId })}
          saving={create.isPending}
          error={create.error}
          onSubmit={onCreate}
          onCancel={close}
        />
      ) : resident.isPending ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : resident.error ? (
        <LoadError error={resident.error} onRetry={() => void resident.refetch()} />
      ) : editing ? (
        <ResidentForm
          communityId={communityId}
          resident={resident.data}
          initial={initialValues(resident.data, {})}
          saving={update.isPending}
          error={update.error}
          onSubmit={onUpdate(initialValues(resident.data, {}))}
          onCancel={() => {
            update.reset();
            setEditing(false);
          }}
        />
      ) : (
        <ResidentDetails resident={resident.data} />
      )}
    </Drawer>
  );
}
