import { Alert, Button, Checkbox } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TRoundCoverage } from '../../../shared/api/testing-rounds.ts';
import { errorMessage } from '../../api/client.ts';
import { useSendToDoorToDoor } from '../../api/testing-rounds.ts';
import { FlagTags } from '../../components/registry/FlagTags.tsx';
import { currentLocale } from '../../i18n/index.ts';
import { roomLabel } from '../../lib/registry-format.ts';

/** Residents not yet tested, vulnerable first; leaders tick some and send them to the door-to-door list. */
export function MissingList({
  communityId,
  roundId,
  missing,
  canManage,
  onPage,
}: {
  communityId: string;
  roundId: string;
  missing: TRoundCoverage['missing'];
  canManage: boolean;
  onPage: (page: number) => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const send = useSendToDoorToDoor(communityId, roundId);
  const pages = Math.max(1, Math.ceil(missing.total / missing.pageSize));
  const selectable = missing.items.filter((m) => m.homeVisit === null);
  const toggle = (id: string, on: boolean) =>
    setPicked((all) => {
      const next = new Set(all);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const allPicked = selectable.length > 0 && selectable.every((m) => picked.has(m.residentId));

  return (
    <section className="panel" aria-labelledby="missing-heading">
      <h2 id="missing-heading">
        {t('testingRounds.missing')} <span className="testing-count">{missing.total}</span>
      </h2>
      {send.error && (
        <Alert className="form-alert" type="error" showIcon role="alert" title={errorMessage(send.error)} />
      )}
      {send.data && (
        <Alert
          className="form-alert"
          type="success"
          showIcon
          role="status"
          title={t('testingRounds.sent', { added: send.data.added, already: send.data.alreadyListed })}
        />
      )}
      {missing.total === 0 ? (
        <p>{t('testingRounds.noneMissing')}</p>
      ) : (
        <>
          {canManage && selectable.length > 0 && (
            <Checkbox
              className="testing-select-all"
              checked={allPicked}
              onChange={(e) =>
                setPicked(e.target.checked ? new Set(selectable.map((m) => m.residentId)) : new Set())
              }
            >
              {t('testingRounds.selectAll')}
            </Checkbox>
          )}
          <ul className="testing-people" data-testid="missing-list">
            {missing.items.map((m) => {
              const body = (
                <span className="testing-person">
                  <span className="testing-person-name">{m.name}</span>
                  <span className="testing-person-room">{roomLabel(m.buildingCode, m.room, locale)}</span>
                  <span className="testing-person-flags">
                    <FlagTags flags={m.flags} />
                    {m.homeVisit && <span className="testing-reason">{t('testingRounds.onList')}</span>}
                  </span>
                </span>
              );
              return (
                <li key={m.residentId} className={m.flags.length > 0 ? 'is-vulnerable' : undefined}>
                  {canManage ? (
                    // already listed: a ticked, fixed box keeps the rows aligned and says so
                    <Checkbox
                      className="testing-person-check"
                      checked={m.homeVisit !== null || picked.has(m.residentId)}
                      disabled={m.homeVisit !== null}
                      onChange={(e) => toggle(m.residentId, e.target.checked)}
                    >
                      {body}
                    </Checkbox>
                  ) : (
                    body
                  )}
                </li>
              );
            })}
          </ul>
          {pages > 1 && (
            <div className="testing-pager">
              <Button size="large" disabled={missing.page <= 1} onClick={() => onPage(missing.page - 1)}>
                {t('testingRounds.prevPage')}
              </Button>
              <span>{t('testingRounds.pageOf', { page: missing.page, pages })}</span>
              <Button size="large" disabled={missing.page >= pages} onClick={() => onPage(missing.page + 1)}>
                {t('testingRounds.nextPage')}
              </Button>
            </div>
          )}
          {canManage && (
            <Button
              type="primary"
              size="large"
              block
              className="testing-big-button"
              disabled={picked.size === 0}
              loading={send.isPending}
              onClick={() =>
                send.mutate({ residentIds: [...picked] }, { onSuccess: () => setPicked(new Set()) })
              }
            >
              {t('testingRounds.sendToDoorToDoor', { count: picked.size })}
            </Button>
          )}
        </>
      )}
    </section>
  );
}
