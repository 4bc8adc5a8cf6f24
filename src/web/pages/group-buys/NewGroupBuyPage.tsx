import { DeleteOutlined, LeftOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Checkbox, Input, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { errorMessage, fieldErrors } from '../../api/client.ts';
import { useCreateGroupBuy } from '../../api/group-buys.ts';
import { Forbidden } from '../../components/Forbidden.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useCommunity } from '../../shell/CommunityContext.tsx';
import { NoCommunity } from '../NoCommunity.tsx';
import { FormField } from './FormField.tsx';
import {
  type DraftErrors,
  draftToBody,
  emptyDraft,
  emptyItem,
  formFieldOf,
  type GroupBuyDraft,
  type ItemDraft,
} from './group-buy-draft.ts';
import { mayCreateGroupBuys } from './group-buys-format.ts';
import '../../styles/group-buys.css';

/** /group-buys/new: the leader opens a campaign with one or more items. */
export function NewGroupBuyPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('groupBuys.form.title'));
  const { membership } = useCommunity();
  if (!membership) return <NoCommunity />;
  if (!mayCreateGroupBuys(membership.roles)) return <Forbidden />;
  return <NewGroupBuyForm communityId={membership.communityId} timeZone={membership.timezone} />;
}

function NewGroupBuyForm({ communityId, timeZone }: { communityId: string; timeZone: string }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const create = useCreateGroupBuy(communityId);
  const [draft, setDraft] = useState<GroupBuyDraft>(() => emptyDraft(new Date(), timeZone));
  const [errors, setErrors] = useState<DraftErrors>({});
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const set = (patch: Partial<GroupBuyDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const setItem = (i: number, patch: Partial<ItemDraft>) =>
    setDraft((d) => ({ ...d, items: d.items.map((item, j) => (j === i ? { ...item, ...patch } : item)) }));
  const errorAt = (field: string): string | undefined => {
    const key = errors[field];
    return key ? t(`groupBuys.form.error.${key}`) : serverErrors[field];
  };

  const submit = () => {
    const result = draftToBody(draft, timeZone);
    setServerErrors({});
    if (result.errors) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    create.mutate(result.body, {
      onSuccess: (created) => {
        void message.success(t('groupBuys.form.created'));
        navigate(`/group-buys/${created.id}`);
      },
      onError: (error) => {
        const byField: Record<string, string> = {};
        for (const [path, messages] of fieldErrors(error)) byField[formFieldOf(path)] = messages.join(' ');
        setServerErrors(byField);
      },
    });
  };

  const invalid = Object.keys(errors).length > 0;
  return (
    <div className="page gb-page gb-form-page">
      <Link to="/group-buys" className="gb-back">
        <LeftOutlined aria-hidden /> {t('groupBuys.back')}
      </Link>
      <h1>{t('groupBuys.form.title')}</h1>
      <form
        className="panel gb-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        {invalid && <Alert type="error" showIcon role="alert" title={t('groupBuys.form.fixErrors')} />}
        {create.error && !invalid && (
          <Alert type="error" showIcon role="alert" title={errorMessage(create.error)} />
        )}
        <FormField label={t('groupBuys.form.titleLabel')} error={errorAt('title')}>
          <Input
            size="large"
            maxLength={80}
            value={draft.title}
            onChange={(e) => set({ title: e.target.value })}
          />
        </FormField>
        <div className="gb-form-row">
          <FormField label={t('groupBuys.form.supplier')} error={errorAt('supplierName')}>
            <Input
              size="large"
              maxLength={80}
              value={draft.supplierName}
              onChange={(e) => set({ supplierName: e.target.value })}
            />
          </FormField>
          <FormField label={t('groupBuys.form.supplierContact')} error={errorAt('supplierContact')}>
            <Input
              size="large"
              maxLength={80}
              value={draft.supplierContact}
              onChange={(e) => set({ supplierContact: e.target.value })}
            />
          </FormField>
        </div>
        <FormField label={t('groupBuys.form.note')} error={errorAt('note')}>
          <Input.TextArea
            rows={2}
            maxLength={1000}
            value={draft.note}
            onChange={(e) => set({ note: e.target.value })}
          />
        </FormField>
        <FormField
          label={t('groupBuys.form.minimum')}
          help={t('groupBuys.form.minimumHelp')}
          error={errorAt('minimum')}
        >
          <Input
            size="large"
            inputMode="decimal"
            prefix="¥"
            value={draft.minimum}
            onChange={(e) => set({ minimum: e.target.value })}
          />
        </FormField>
        <div className="gb-form-row">
          <FormField label={t('groupBuys.form.opensDay')} error={errorAt('opens')}>
            <Input
              size="large"
              type="date"
              value={draft.opensDay}
              onChange={(e) => set({ opensDay: e.target.value })}
            />
          </FormField>
          <FormField label={t('groupBuys.form.opensTime')}>
            <Input
              size="large"
              type="time"
              value={draft.opensTime}
              onChange={(e) => set({ opensTime: e.target.value })}
            />
          </FormField>
        </div>
        <div className="gb-form-row">
          <FormField label={t('groupBuys.form.closesDay')} error={errorAt('closes')}>
            <Input
              size="large"
              type="date"
              value={draft.closesDay}
              onChange={(e) => set({ closesDay: e.target.value })}
            />
          </FormField>
          <FormField label={t('groupBuys.form.closesTime')}>
            <Input
              size="large"
              type="time"
              value={draft.closesTime}
              onChange={(e) => set({ closesTime: e.target.value })}
            />
          </FormField>
        </div>
        <fieldset className="gb-fieldset">
          <legend>{t('groupBuys.form.fulfilment')}</legend>
          <Radio.Group
            size="large"
            value={draft.fulfilment}
            onChange={(e) => set({ fulfilment: e.target.value })}
            options={(['delivery', 'pickup'] as const).map((f) => ({
              value: f,
              label: t(`groupBuys.fulfilment.${f}`),
            }))}
          />
        </fieldset>
        {draft.items.map((item, i) => (
          <fieldset key={item.key} className="gb-fieldset gb-item-fields">
            <legend>{t('groupBuys.form.item', { n: i + 1 })}</legend>
            <div className="gb-form-row">
              <FormField label={t('groupBuys.form.itemName')} error={errorAt(`items.${i}.name`)}>
                <Input
                  size="large"
                  maxLength={60}
                  value={item.name}
                  onChange={(e) => setItem(i, { name: e.target.value })}
                />
              </FormField>
              <FormField label={t('groupBuys.form.unit')} error={errorAt(`items.${i}.unit`)}>
                <Input
                  size="large"
                  maxLength={20}
                  placeholder={t('groupBuys.form.unitPlaceholder')}
                  value={item.unit}
                  onChange={(e) => setItem(i, { unit: e.target.value })}
                />
              </FormField>
            </div>
            <div className="gb-form-row">
              <FormField label={t('groupBuys.form.price')} error={errorAt(`items.${i}.price`)}>
                <Input
                  size="large"
                  inputMode="decimal"
                  prefix="¥"
                  value={item.price}
                  onChange={(e) => setItem(i, { price: e.target.value })}
                />
              </FormField>
              <FormField
                label={t('groupBuys.form.limit')}
                help={t('groupBuys.form.limitHelp')}
                error={errorAt(`items.${i}.limit`)}
              >
                <Input
                  size="large"
                  inputMode="numeric"
                  value={item.limit}
                  onChange={(e) => setItem(i, { limit: e.target.value })}
                />
              </FormField>
            </div>
            <FormField label={t('groupBuys.form.stock')} error={errorAt(`items.${i}.stock`)}>
              <Input
                size="large"
                inputMode="numeric"
                disabled={item.stockUnknown}
                value={item.stockUnknown ? '' : item.stock}
                onChange={(e) => setItem(i, { stock: e.target.value })}
              />
            </FormField>
            <Checkbox
              className="gb-check"
              checked={item.stockUnknown}
              onChange={(e) => setItem(i, { stockUnknown: e.target.checked })}
            >
              {t('groupBuys.form.stockUnknown')}
            </Checkbox>
            {draft.items.length > 1 && (
              <Button
                size="large"
                danger
                icon={<DeleteOutlined aria-hidden />}
                onClick={() => set({ items: draft.items.filter((_, j) => j !== i) })}
              >
                {t('groupBuys.form.removeItem', { n: i + 1 })}
              </Button>
            )}
          </fieldset>
        ))}
        <Button
          size="large"
          icon={<PlusOutlined aria-hidden />}
          disabled={draft.items.length >= 20}
          onClick={() => set({ items: [...draft.items, emptyItem()] })}
        >
          {t('groupBuys.form.addItem')}
        </Button>
        <Button type="primary" size="large" htmlType="submit" loading={create.isPending}>
          {t('groupBuys.form.submit')}
        </Button>
      </form>
    </div>
  );
}
