import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { localName } from './format';
import { APPEAL_STATUSES, AppealStatus, UnitView } from './inbox-api';

interface InboxFiltersProps {
  status: AppealStatus | undefined;
  overdueOnly: boolean;
  onStatus(status: AppealStatus | undefined): void;
  onOverdueOnly(overdueOnly: boolean): void;
  /** Leadership only: every unit, or one of them. */
  units?: readonly UnitView[];
  unitId?: string;
  onUnit?(unitId: string | undefined): void;
}

export function InboxFilters(props: InboxFiltersProps) {
  const { t, i18n } = useTranslation('inbox');
  const id = useId();
  return (
    <form
      className="inbox-filters"
      role="search"
      aria-label={t('filters.label')}
      onSubmit={(event) => event.preventDefault()}
    >
      {props.units && props.onUnit && (
        <div className="field">
          <label htmlFor={`${id}-unit`}>{t('filters.unit')}</label>
          <select
            id={`${id}-unit`}
            value={props.unitId ?? ''}
            onChange={(event) => props.onUnit?.(event.target.value || undefined)}
          >
            <option value="">{t('filters.allUnits')}</option>
            {props.units.map((unit) => (
              <option key={unit.code} value={unit.code}>
                {localName(unit, i18n.resolvedLanguage, unit.code)}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-status`}>{t('filters.status')}</label>
        <select
          id={`${id}-status`}
          value={props.status ?? ''}
          onChange={(event) => props.onStatus((event.target.value || undefined) as AppealStatus | undefined)}
        >
          <option value="">{t('filters.anyStatus')}</option>
          {APPEAL_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`status.${status}`, { ns: 'common' })}
            </option>
          ))}
        </select>
      </div>
      <div className="field field-checkbox">
        <label>
          <input
            type="checkbox"
            checked={props.overdueOnly}
            onChange={(event) => props.onOverdueOnly(event.target.checked)}
          />{' '}
          {t('filters.overdueOnly')}
        </label>
      </div>
    </form>
  );
}
