import { useTranslation } from 'react-i18next';
import { formatDateTime, localName } from './format';
import { TimelineEntry } from './inbox-api';

const KNOWN_KINDS = [
  'registered',
  'routed',
  'reassigned',
  'brief_answered',
  'full_answered',
  'extended',
  'extension_notified',
  'outside_competence',
  'forwarded',
  'reopened',
  'closed',
  'feedback_given',
];

type UnitDetail = { code?: string; nameKk?: string; nameRu?: string };

const text = (value: unknown) => (typeof value === 'string' && value ? value : undefined);
const unitOf = (value: unknown) => (value && typeof value === 'object' ? (value as UnitDetail) : undefined);

/** What happened to the appeal, oldest first: who did what, when, and why. */
export function Timeline({ entries }: { entries: readonly TimelineEntry[] }) {
  const { t, i18n } = useTranslation('inbox');
  const language = i18n.resolvedLanguage;
  if (entries.length === 0) return <p>{t('timeline.empty')}</p>;
  return (
    <ol className="timeline">
      {entries.map((entry, index) => {
        const details = entry.details ?? {};
        const unit = unitOf(details.unit);
        const reason = text(details.reason);
        const newDueAt = text(details.newDueAt);
        const outcome = text(details.outcome);
        return (
          <li key={`${entry.at}-${index}`}>
            <time dateTime={entry.at}>{formatDateTime(entry.at, language)}</time>
            <strong>{KNOWN_KINDS.includes(entry.kind) ? t(`timeline.kind.${entry.kind}`) : entry.kind}</strong>
            {entry.actorName && <span> — {entry.actorName}</span>}
            {unit && (
              <div>
                {t('timeline.unit')}: {localName(unit, language, unit.code ?? '')}
              </div>
            )}
            {outcome && (
              <div>
                {t('timeline.outcome')}: {t(`outcome.${outcome}`, { defaultValue: outcome })}
              </div>
            )}
            {newDueAt && (
              <div>
                {t('timeline.newDueAt')}: {formatDateTime(newDueAt, language)}
              </div>
            )}
            {reason && (
              <div>
                {t('timeline.reason')}: {reason}
              </div>
            )}
          </li>
        );
      })}
    </ol>
  );
}
