import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DueStatus, dueStatus } from './due-status';
import { formatDateTime } from './format';
import { dueOf, InboxItem } from './inbox-api';

const ROW_CLASS: Record<DueStatus, string | undefined> = {
  overdue: 'overdue',
  soon: 'due-soon',
  ok: undefined,
  none: undefined,
};

interface AppealTableProps {
  items: readonly InboxItem[];
  caption: string;
  categoryName: (code: string) => string;
  now: Date;
}

/** The unit's appeals in the order the service gives (soonest due first), late and near ones marked in words. */
export function AppealTable({ items, caption, categoryName, now }: AppealTableProps) {
  const { t, i18n } = useTranslation('inbox');
  const language = i18n.resolvedLanguage;
  return (
    <table className="inbox-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('table.registrationNumber')}</th>
          <th scope="col">{t('table.category')}</th>
          <th scope="col">{t('table.status')}</th>
          <th scope="col">{t('table.briefDue')}</th>
          <th scope="col">{t('table.fullDue')}</th>
          <th scope="col">{t('table.received')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => {
          const due = dueStatus(item.nextDueAt, now);
          return (
            <tr key={item.id} className={ROW_CLASS[due]} data-due={due}>
              <td>
                <Link to={`/inbox/${item.id}`}>{item.registrationNumber}</Link>{' '}
                {due === 'overdue' && <span className="badge badge-overdue">{t('due.overdue')}</span>}
                {due === 'soon' && <span className="badge badge-soon">{t('due.soon')}</span>}
              </td>
              <td>{categoryName(item.category)}</td>
              <td>{t(`status.${item.status}`, { ns: 'common' })}</td>
              <td>{formatDateTime(dueOf(item.deadlines, 'brief_answer'), language)}</td>
              <td>{formatDateTime(dueOf(item.deadlines, 'full_answer'), language)}</td>
              <td>{formatDateTime(item.registeredAt, language)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
