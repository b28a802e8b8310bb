import { LEADERSHIP_ROLES } from '@akimat/contracts/browser';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLocation, useSearchParams } from 'react-router';
import { useAuth } from '../../auth/auth-context';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Loading } from '../../ui/Loading';
import { AppealTable } from './AppealTable';
import { InboxFilters } from './InboxFilters';
import { APPEAL_STATUSES, AppealStatus, fetchInbox, InboxQuery, inboxKeys } from './inbox-api';
import { localName } from './format';
import { useCategoryName, useUnits } from './use-reference-data';
import { useNewArrivals } from './use-new-arrivals';
import './inbox.css';

export const PAGE_SIZE = 50;
/** How often the list asks for new assignments. */
export const POLL_MS = 5_000;

function readQuery(params: URLSearchParams, leadership: boolean): InboxQuery {
  const status = params.get('status');
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  return {
    unitId: leadership ? params.get('unit') || undefined : undefined,
    status: (APPEAL_STATUSES as readonly string[]).includes(status ?? '') ? (status as AppealStatus) : undefined,
    overdueOnly: params.get('overdue') === 'true',
    offset: (page - 1) * PAGE_SIZE,
    limit: PAGE_SIZE,
  };
}

/**
 * A unit's appeals, soonest due first. Unit heads see their own unit (the service scopes them);
 * leadership pick a unit or see all. New assignments appear by polling and are announced.
 */
export default function InboxPage({ refetchInterval = POLL_MS }: { refetchInterval?: number }) {
  const { t, i18n } = useTranslation('inbox');
  const { hasAnyRole } = useAuth();
  const leadership = hasAnyRole(LEADERSHIP_ROLES);
  const [params, setParams] = useSearchParams();
  const handedBack = (useLocation().state as { handedBack?: string } | null)?.handedBack;
  const query = readQuery(params, leadership);
  const units = useUnits(leadership);
  const categoryName = useCategoryName();

  const inbox = useQuery({
    queryKey: inboxKeys.list(query),
    queryFn: ({ signal }) => fetchInbox(query, signal),
    refetchInterval,
    refetchIntervalInBackground: false,
  });
  const ids = inbox.data?.items.map((item) => item.id);
  const scope = JSON.stringify(query);
  const arrivals = useNewArrivals(inbox.isSuccess ? ids : undefined, scope);

  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next, { replace: true });
  };

  const page = query.offset / PAGE_SIZE + 1;
  const pages = inbox.data ? Math.max(1, Math.ceil(inbox.data.total / PAGE_SIZE)) : 1;
  const chosenUnit = units.data?.find((unit) => unit.code === query.unitId);
  const caption = chosenUnit
    ? t('table.captionUnit', { unit: localName(chosenUnit, i18n.resolvedLanguage, chosenUnit.code) })
    : leadership
      ? t('table.captionAll')
      : t('table.caption');

  return (
    <section className="page inbox" aria-labelledby="inbox-title">
      <h1 id="inbox-title">{t('title')}</h1>
      {handedBack && (
        <p role="status" className="notice notice-ok">
          {t('handBack.done', { number: handedBack })}
        </p>
      )}
      <InboxFilters
        status={query.status}
        overdueOnly={query.overdueOnly}
        onStatus={(status) => update({ status })}
        onOverdueOnly={(overdue) => update({ overdue: overdue ? 'true' : undefined })}
        units={leadership ? (units.data ?? []) : undefined}
        unitId={query.unitId}
        onUnit={(unit) => update({ unit })}
      />
      <p className="inbox-announcement" aria-live="polite" role="status">
        {arrivals.count > 0 && <span key={arrivals.batch}>{t('newAppeals', { count: arrivals.count })}</span>}
      </p>
      {inbox.isPending && <Loading />}
      <ErrorNotice error={inbox.error} />
      {units.error && <ErrorNotice error={units.error} />}
      {inbox.data && (
        <>
          <p className="inbox-total">{t('total', { count: inbox.data.total })}</p>
          {inbox.data.items.length === 0 ? (
            <p>{t('empty')}</p>
          ) : (
            <AppealTable items={inbox.data.items} caption={caption} categoryName={categoryName} now={new Date()} />
          )}
          {pages > 1 && (
            <nav className="actions pagination" aria-label={t('pagination.label')}>
              <button
                type="button"
                className="secondary"
                disabled={page <= 1}
                onClick={() => update({ page: String(page - 1) })}
              >
                {t('pagination.previous')}
              </button>
              <span>{t('pagination.page', { page, pages })}</span>
              <button
                type="button"
                className="secondary"
                disabled={page >= pages}
                onClick={() => update({ page: String(page + 1) })}
              >
                {t('pagination.next')}
              </button>
            </nav>
          )}
        </>
      )}
    </section>
  );
}
