import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { Desk, OutsideChannel } from './desk';
import { OpenSessionForm } from './OpenSessionForm';
import { officeTime as timeOf, officeToday } from '../../ui/office-time';
import { CHANNELS_OUTSIDE_SESSION, listSessions, ReceptionSession } from './reception-api';

interface Props {
  desk: Desk;
  onChange(desk: Desk): void;
  /** A translation key when an appeal was to be saved with no session chosen. */
  problem?: string;
}

/** In which of today's reception sessions the appeals are recorded, or by which channel outside one. */
export function ReceptionSessionPicker({ desk, onChange, problem }: Props) {
  const { t, i18n } = useTranslation('reception');
  const queryClient = useQueryClient();
  const today = officeToday();
  const sessions = useQuery({
    queryKey: ['reception-sessions', today],
    queryFn: ({ signal }) => listSessions(today, signal),
  });
  const [opening, setOpening] = useState(false);

  const opened = (session: ReceptionSession) => {
    queryClient.setQueryData<ReceptionSession[]>(['reception-sessions', today], (list = []) => [session, ...list]);
    void queryClient.invalidateQueries({ queryKey: ['reception-sessions', today] });
    setOpening(false);
    onChange({ ...desk, mode: 'session', sessionId: session.id });
  };

  const sessionLabel = (session: ReceptionSession) =>
    t('session.option', {
      time: timeOf(session.startsAt, i18n.resolvedLanguage ?? 'kk'),
      name: session.officialName,
      position: t(`positions.${session.officialPosition}`),
      place: session.place,
    });

  return (
    <section className="page reception-desk" aria-labelledby="desk-heading">
      <h2 id="desk-heading">{t('session.title')}</h2>
      <fieldset className="desk-mode">
        <legend>{t('session.modeLegend')}</legend>
        <label>
          <input
            type="radio"
            name="desk-mode"
            checked={desk.mode === 'session'}
            onChange={() => onChange({ ...desk, mode: 'session' })}
          />{' '}
          {t('session.modeSession')}
        </label>
        <label>
          <input
            type="radio"
            name="desk-mode"
            checked={desk.mode === 'outside'}
            onChange={() => onChange({ ...desk, mode: 'outside' })}
          />{' '}
          {t('session.modeOutside')}
        </label>
      </fieldset>

      {desk.mode === 'session' ? (
        <>
          <div className="form-grid">
            <Field
              label={t('session.todays')}
              hint={sessions.isPending ? t('loadingList') : t('session.channelReception')}
              errors={problem ? [t(problem)] : []}
            >
              {(props) => (
                <select
                  {...props}
                  value={desk.sessionId}
                  onChange={(e) => onChange({ ...desk, sessionId: e.target.value })}
                >
                  <option value="">{sessions.data?.length === 0 ? t('session.noneToday') : t('choose')}</option>
                  {sessions.data?.map((session) => (
                    <option key={session.id} value={session.id}>
                      {sessionLabel(session)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          {sessions.error && <ErrorNotice error={sessions.error} />}
          {opening ? (
            <OpenSessionForm onOpened={opened} onCancel={() => setOpening(false)} />
          ) : (
            <button type="button" className="secondary" onClick={() => setOpening(true)}>
              {t('session.openNew')}
            </button>
          )}
        </>
      ) : (
        <div className="form-grid">
          <Field label={t('channel.label')}>
            {(props) => (
              <select
                {...props}
                value={desk.channel}
                onChange={(e) => onChange({ ...desk, channel: e.target.value as OutsideChannel })}
              >
                {CHANNELS_OUTSIDE_SESSION.map((channel) => (
                  <option key={channel} value={channel}>
                    {t(`channel.${channel}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
      )}
    </section>
  );
}
