import { useMutation } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth/auth-context';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { violationsByField } from '../../ui/field-errors';
import { fromOfficeLocal, officeToday, toOfficeLocal } from '../../ui/office-time';
import { officialPositionOf } from './desk';
import { OFFICIAL_POSITIONS, OfficialPosition, openSession, ReceptionSession } from './reception-api';

/** Now on the office clock, "HH:MM". */
const timeNow = () => toOfficeLocal(new Date()).slice(11);

/** Today at HH:MM on the office clock, as an ISO instant. */
function todayAt(time: string): string {
  return fromOfficeLocal(`${officeToday()}T${time}`)?.toISOString() ?? '';
}

/** Opens a reception session: by default the signed-in official, now, in the open-akimat hall. */
export function OpenSessionForm({
  onOpened,
  onCancel,
}: {
  onOpened(session: ReceptionSession): void;
  onCancel(): void;
}) {
  const { t } = useTranslation('reception');
  const { staff } = useAuth();
  const ownPosition = staff ? officialPositionOf(staff.roles) : undefined;
  const [officialName, setOfficialName] = useState(ownPosition ? (staff?.name ?? '') : '');
  const [officialPosition, setOfficialPosition] = useState<OfficialPosition | ''>(ownPosition ?? '');
  const [place, setPlace] = useState(() => t('session.defaultPlace'));
  const [startsAt, setStartsAt] = useState(() => timeNow());
  const [endsAt, setEndsAt] = useState('');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const open = useMutation({ mutationFn: openSession, onSuccess: onOpened });
  const served = violationsByField(open.error);

  const errorsOf = (field: string) => [...(problems[field] ? [t(problems[field])] : []), ...(served[field] ?? [])];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (officialName.trim().length < 2) found.officialName = 'problems.officialNameRequired';
    if (!officialPosition) found.officialPosition = 'problems.officialPositionRequired';
    if (place.trim().length < 2) found.place = 'problems.placeRequired';
    if (!startsAt) found.startsAt = 'problems.startsAtRequired';
    if (endsAt && startsAt && endsAt <= startsAt) found.endsAt = 'problems.endsAtAfterStart';
    setProblems(found);
    if (Object.keys(found).length > 0 || !officialPosition) return;
    open.mutate({
      officialName: officialName.trim(),
      officialPosition,
      place: place.trim(),
      startsAt: todayAt(startsAt),
      ...(endsAt ? { endsAt: todayAt(endsAt) } : {}),
    });
  };

  return (
    <form className="open-session" onSubmit={submit} noValidate aria-labelledby="open-session-heading">
      <h3 id="open-session-heading">{t('session.openTitle')}</h3>
      <div className="form-grid">
        <Field label={t('session.officialName')} errors={errorsOf('officialName')}>
          {(props) => (
            <input
              {...props}
              value={officialName}
              onChange={(e) => setOfficialName(e.target.value)}
              autoComplete="off"
            />
          )}
        </Field>
        <Field label={t('session.officialPosition')} errors={errorsOf('officialPosition')}>
          {(props) => (
            <select
              {...props}
              value={officialPosition}
              onChange={(e) => setOfficialPosition(e.target.value as OfficialPosition | '')}
            >
              <option value="">{t('choose')}</option>
              {OFFICIAL_POSITIONS.map((position) => (
                <option key={position} value={position}>
                  {t(`positions.${position}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('session.place')} errors={errorsOf('place')}>
          {(props) => <input {...props} value={place} onChange={(e) => setPlace(e.target.value)} />}
        </Field>
        <Field label={t('session.startsAt')} errors={errorsOf('startsAt')}>
          {(props) => <input {...props} type="time" value={startsAt} onChange={(e) => setStartsAt(e.target.value)} />}
        </Field>
        <Field label={t('session.endsAt')} hint={t('session.endsAtHint')} errors={errorsOf('endsAt')}>
          {(props) => <input {...props} type="time" value={endsAt} onChange={(e) => setEndsAt(e.target.value)} />}
        </Field>
      </div>
      {open.error && <ErrorNotice error={open.error} />}
      <div className="actions">
        <button type="submit" disabled={open.isPending} aria-busy={open.isPending}>
          {open.isPending ? t('session.opening') : t('session.open')}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('session.cancel')}
        </button>
      </div>
    </form>
  );
}
