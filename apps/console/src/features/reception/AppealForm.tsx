import { FormEvent, KeyboardEvent, ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../ui/Field';
import { AppealDraft, DraftField, draftProblems, LOCALITY_MAX, OTHER_LOCALITY, TEXT_MAX } from './appeal-draft';
import { IinField } from './IinField';
import type { Category, ResidentLanguage, Unit } from './reception-api';

interface Props {
  draft: AppealDraft;
  onChange(patch: Partial<Omit<AppealDraft, 'idempotencyKey'>>): void;
  /** The service's 400 violations by card field. */
  serverErrors: Partial<Record<DraftField, string[]>>;
  /** Counts save attempts refused before sending: each shows every problem and focuses the first. */
  attempt: number;
  categories?: Category[];
  units?: Unit[];
  /** The pickers' loading or failure notes (the card never waits for them). */
  pickersNote?: ReactNode;
  pending: boolean;
  /** Automatic retries so far of the save in flight. */
  retries: number;
  onSubmit(): void;
  /** Shown above the save button: a failed save, violations of no field on the card. */
  children?: ReactNode;
}

const LANGUAGES: ResidentLanguage[] = ['kk', 'ru'];

/** The appeal card, keyboard-first: Tab in reading order, Ctrl+Enter saves, Enter never does. */
export function AppealForm(props: Props) {
  const { draft, onChange, serverErrors, attempt, categories, units, pending, retries } = props;
  const { t, i18n } = useTranslation('reception');
  const kk = i18n.resolvedLanguage === 'kk';
  const nameOf = (item: { nameKk: string; nameRu: string }) => (kk ? item.nameKk : item.nameRu);
  const formRef = useRef<HTMLFormElement>(null);
  const [touched, setTouched] = useState<Partial<Record<DraftField, boolean>>>({});
  const touch = (field: DraftField) => () => setTouched((current) => ({ ...current, [field]: true }));
  const problems = draftProblems(draft);

  const errorsOf = (field: DraftField): string[] => {
    const problem = problems[field];
    // A missing value is said after a save attempt; a wrong one as soon as the field is left.
    const shown = problem && (attempt > 0 || (touched[field] && !problem.endsWith('Required')));
    const own = shown ? [t(problem)] : [];
    return [...own, ...(serverErrors[field] ?? [])];
  };

  useEffect(() => {
    if (attempt === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempt]);

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (!pending) props.onSubmit();
  };

  const keys = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key !== 'Enter') return;
    if (event.ctrlKey || event.metaKey) {
      event.preventDefault();
      submit();
    } else if (event.target instanceof HTMLInputElement) {
      // Enter in a one-line input moves nothing and saves nothing: only Ctrl+Enter or the button save.
      event.preventDefault();
    }
  };

  const ruralDistricts = units?.filter((unit) => unit.kind === 'rural_district' && unit.active) ?? [];
  const districtCentre = i18n.getFixedT('kk', 'reception')('locality.districtCentreValue');
  const localityKnown =
    draft.locality === '' ||
    draft.locality === OTHER_LOCALITY ||
    draft.locality === districtCentre ||
    ruralDistricts.some((unit) => unit.nameKk === draft.locality);

  return (
    <form
      ref={formRef}
      className="page appeal-card"
      onSubmit={submit}
      onKeyDown={keys}
      noValidate
      aria-labelledby="card-heading"
    >
      <h2 id="card-heading">{t('card.title')}</h2>
      <fieldset className="plain" disabled={pending}>
        <legend className="visually-hidden">{t('card.residentLegend')}</legend>
        <div className="checkboxes">
          <label className="checkbox">
            <input
              type="checkbox"
              checked={draft.anonymous}
              onChange={(e) => onChange({ anonymous: e.target.checked, concernsPublicSafety: false })}
            />{' '}
            {t('fields.anonymous')}
          </label>
          {draft.anonymous && (
            <>
              <p className="field-hint">{t('hints.anonymous')}</p>
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={draft.concernsPublicSafety}
                  onChange={(e) => onChange({ concernsPublicSafety: e.target.checked })}
                />{' '}
                {t('fields.concernsPublicSafety')}
              </label>
            </>
          )}
          {[...errorsOf('anonymous'), ...errorsOf('concernsPublicSafety')].map((message) => (
            <p key={message} className="field-error" role="alert">
              {message}
            </p>
          ))}
        </div>
        {!draft.anonymous && (
          <div className="form-grid">
            <Field label={t('fields.fullName')} errors={errorsOf('fullName')}>
              {(field) => (
                <input
                  {...field}
                  // The resident is already sitting there: the card starts where the typing starts.
                  autoFocus
                  value={draft.fullName}
                  autoComplete="off"
                  onChange={(e) => onChange({ fullName: e.target.value })}
                  onBlur={touch('fullName')}
                />
              )}
            </Field>
            <IinField
              value={draft.iin}
              onChange={(iin) => onChange({ iin })}
              onBlur={touch('iin')}
              errors={errorsOf('iin')}
            />
            <Field label={t('fields.phone')} hint={t('hints.phone')} errors={errorsOf('phone')}>
              {(field) => (
                <input
                  {...field}
                  type="tel"
                  autoComplete="off"
                  value={draft.phone}
                  onChange={(e) => onChange({ phone: e.target.value })}
                  onBlur={touch('phone')}
                />
              )}
            </Field>
            <Field label={t('fields.email')} hint={t('hints.optional')} errors={errorsOf('email')}>
              {(field) => (
                <input
                  {...field}
                  type="email"
                  autoComplete="off"
                  value={draft.email}
                  onChange={(e) => onChange({ email: e.target.value })}
                  onBlur={touch('email')}
                />
              )}
            </Field>
            <Field label={t('fields.language')} errors={errorsOf('language')}>
              {(field) => (
                <select
                  {...field}
                  value={draft.language}
                  onChange={(e) => onChange({ language: e.target.value as ResidentLanguage })}
                >
                  {LANGUAGES.map((language) => (
                    <option key={language} value={language}>
                      {t(`languages.${language}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
        )}

        <div className="form-grid">
          <Field label={t('fields.locality')} hint={t('hints.optional')} errors={errorsOf('locality')}>
            {(field) => (
              <select {...field} value={draft.locality} onChange={(e) => onChange({ locality: e.target.value })}>
                <option value="">{t('locality.none')}</option>
                <option value={districtCentre}>{t('locality.districtCentre')}</option>
                {ruralDistricts.map((unit) => (
                  <option key={unit.code} value={unit.nameKk}>
                    {nameOf(unit)}
                  </option>
                ))}
                {!localityKnown && <option value={draft.locality}>{draft.locality}</option>}
                <option value={OTHER_LOCALITY}>{t('locality.other')}</option>
              </select>
            )}
          </Field>
          {draft.locality === OTHER_LOCALITY && (
            <Field label={t('fields.localityOther')} errors={errorsOf('localityOther')}>
              {(field) => (
                <input
                  {...field}
                  value={draft.localityOther}
                  maxLength={LOCALITY_MAX}
                  onChange={(e) => onChange({ localityOther: e.target.value })}
                  onBlur={touch('localityOther')}
                />
              )}
            </Field>
          )}
          <Field label={t('fields.category')} errors={errorsOf('category')}>
            {(field) => (
              <select {...field} value={draft.category} onChange={(e) => onChange({ category: e.target.value })}>
                <option value="">{categories ? t('choose') : t('loadingList')}</option>
                {categories?.map((category) => (
                  <option key={category.code} value={category.code}>
                    {nameOf(category)}
                  </option>
                ))}
                {draft.category && !categories?.some((category) => category.code === draft.category) && (
                  <option value={draft.category}>{draft.category}</option>
                )}
              </select>
            )}
          </Field>
        </div>

        <Field
          label={t('fields.text')}
          hint={t('hints.textCount', { count: draft.text.length, max: TEXT_MAX })}
          errors={errorsOf('text')}
        >
          {(field) => (
            <textarea
              {...field}
              rows={8}
              value={draft.text}
              onChange={(e) => onChange({ text: e.target.value })}
              onBlur={touch('text')}
            />
          )}
        </Field>

        <div className="form-grid">
          <Field label={t('fields.preferredUnit')} hint={t('hints.optional')} errors={errorsOf('preferredUnitCode')}>
            {(field) => (
              <select
                {...field}
                value={draft.preferredUnitCode}
                onChange={(e) => onChange({ preferredUnitCode: e.target.value })}
              >
                <option value="">{t('preferredUnit.none')}</option>
                {units
                  ?.filter((unit) => unit.active)
                  .map((unit) => (
                    <option key={unit.code} value={unit.code}>
                      {nameOf(unit)}
                    </option>
                  ))}
                {draft.preferredUnitCode && !units?.some((unit) => unit.code === draft.preferredUnitCode) && (
                  <option value={draft.preferredUnitCode}>{draft.preferredUnitCode}</option>
                )}
              </select>
            )}
          </Field>
        </div>
        {props.pickersNote}
      </fieldset>

      {props.children}
      <div className="actions">
        <button type="submit" disabled={pending} aria-busy={pending}>
          {pending ? t('submit.saving') : t('submit.save')}
        </button>
        <span className="field-hint">{t('submit.shortcut')}</span>
        {pending && retries > 0 && (
          <span role="status" className="notice notice-warning">
            {t('submit.retrying', { attempt: retries + 1 })}
          </span>
        )}
      </div>
    </form>
  );
}
