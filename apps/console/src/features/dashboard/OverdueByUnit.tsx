import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Loading } from '../../ui/Loading';
import { fetchOverdue, OverdueAppeal, REFRESH_MS } from './dashboard-api';
import { useFormat } from './format';

interface UnitGroup {
  code: string;
  name: string;
  appeals: OverdueAppeal[];
}

/** Overdue appeals grouped by their unit, the unit with most first; unrouted ones together. */
export function groupByUnit(appeals: OverdueAppeal[], unitName: (appeal: OverdueAppeal) => string): UnitGroup[] {
  const groups = new Map<string, UnitGroup>();
  for (const appeal of appeals) {
    const code = appeal.unit?.code ?? 'unrouted';
    const group = groups.get(code) ?? { code, name: unitName(appeal), appeals: [] };
    group.appeals.push(appeal);
    groups.set(code, group);
  }
  return [...groups.values()].sort((a, b) => b.appeals.length - a.appeals.length || a.name.localeCompare(b.name));
}

/** What is overdue right now, unit by unit, each appeal one click from reassignment or extension. */
export function OverdueByUnit() {
  const { t } = useTranslation('dashboard');
  const { t: common } = useTranslation();
  const { name, dateTime } = useFormat();
  const overdue = useQuery({
    queryKey: ['dashboard', 'overdue'],
    queryFn: ({ signal }) => fetchOverdue(signal),
    refetchInterval: REFRESH_MS,
  });
  const groups = overdue.data
    ? groupByUnit(overdue.data.items, (appeal) => (appeal.unit ? name(appeal.unit, appeal.unit.code) : t('unrouted')))
    : [];
  return (
    <section className="page" aria-labelledby="overdue-title">
      <h2 id="overdue-title">{t('overdue.title')}</h2>
      {overdue.isPending && <Loading />}
      <ErrorNotice error={overdue.error} />
      {overdue.data && (
        <>
          <p>
            <strong>{t('overdue.total', { n: overdue.data.total })}</strong>
          </p>
          {overdue.data.total > overdue.data.items.length && (
            <p className="notice notice-warning">
              {t('overdue.truncated', { shown: overdue.data.items.length, total: overdue.data.total })}
            </p>
          )}
          {groups.length === 0 ? (
            <p className="notice notice-ok">{t('overdue.none')}</p>
          ) : (
            <table data-testid="overdue-by-unit">
              <thead>
                <tr>
                  <th scope="col">{t('overdue.unit')}</th>
                  <th scope="col">{t('overdue.count')}</th>
                  <th scope="col">{t('overdue.appeals')}</th>
                </tr>
              </thead>
              <tbody>
                {groups.map((group) => (
                  <tr key={group.code} className="overdue" data-unit={group.code}>
                    <th scope="row">{group.name}</th>
                    <td data-testid={`overdue-count-${group.code}`}>{group.appeals.length}</td>
                    <td>
                      <ul style={{ margin: 0, paddingLeft: '1rem' }}>
                        {group.appeals.map((appeal) => (
                          <li key={appeal.id}>
                            <strong>{appeal.registrationNumber}</strong> · {common(`status.${appeal.status}`)}
                            {appeal.nextDueAt && (
                              <> · {t('overdue.dueAt', { at: dateTime(appeal.nextDueAt) })}</>
                            )} ·{' '}
                            <Link
                              to={`/inbox/${appeal.id}`}
                              aria-label={`${t('overdue.action')}: ${appeal.registrationNumber}`}
                            >
                              {t('overdue.action')}
                            </Link>
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
