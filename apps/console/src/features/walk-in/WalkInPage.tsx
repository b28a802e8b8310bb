import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { officeTime as timeOf } from '../../ui/office-time';
import { Loading } from '../../ui/Loading';
import { newIdempotencyKey } from '../reception/idempotency-key';
import { retryDelay, shouldRetry } from '../reception/retry-policy';
import { LoggedVisit, useRecordedVisits } from './recorded-visits';
import { referenceQueries } from '../../api/reference-data';
import { CatalogueService, recordVisit, Sector } from './walk-in-api';
import './walk-in.css';

/** Walk-in services in two clicks: the sector, then the service, recorded at once. */
export default function WalkInPage() {
  const { t, i18n } = useTranslation('walkIn');
  const language = i18n.resolvedLanguage === 'kk' ? 'kk' : 'ru';
  const nameOf = (item: CatalogueService) => (language === 'kk' ? item.nameKk : item.nameRu);
  const catalogue = useQuery(referenceQueries.serviceCatalogue);
  const [sectorCode, setSectorCode] = useState<string>();
  const { visits, add } = useRecordedVisits();
  const [last, setLast] = useState<LoggedVisit>();

  const record = useMutation({
    mutationFn: ({ sector, service, key }: { sector: Sector; service: CatalogueService; key: string }) =>
      recordVisit({ sector: sector.code, service: service.code }, key),
    retry: shouldRetry,
    retryDelay,
    networkMode: 'always',
    onSuccess: (recorded, { sector, service }) => {
      const visit: LoggedVisit = {
        id: recorded.id,
        renderedAt: recorded.renderedAt,
        sector: { code: sector.code, nameKk: sector.nameKk, nameRu: sector.nameRu },
        service: { code: service.code, nameKk: service.nameKk, nameRu: service.nameRu },
      };
      add(visit);
      setLast(visit);
    },
  });

  // A click after a failed one for the same service may be the same visit whose answer was lost:
  // it re-uses that key, so it is recorded once. Any other click is a new visit.
  const keyFor = (sector: Sector, service: CatalogueService) => {
    const failed = record.isError ? record.variables : undefined;
    return failed && failed.sector.code === sector.code && failed.service.code === service.code
      ? failed.key
      : newIdempotencyKey();
  };

  const sector = catalogue.data?.find((candidate) => candidate.code === sectorCode);
  const describe = (visit: LoggedVisit) => ({
    sector: nameOf(visit.sector),
    service: nameOf(visit.service),
    time: timeOf(visit.renderedAt, language),
  });

  return (
    <div className="walk-in">
      <section className="page" aria-labelledby="walk-in-heading">
        <h1 id="walk-in-heading">{t('title')}</h1>
        <p className="field-hint">{t('explain')}</p>
        <p role="status" className={last ? 'notice notice-ok' : 'visually-hidden'}>
          {last ? t('recorded', describe(last)) : ''}
        </p>
        {record.isPending && (
          <p role="status" className="field-hint">
            {record.failureCount > 0 ? t('retrying') : t('saving')}
          </p>
        )}
        <ErrorNotice error={record.isPending ? undefined : record.error} />

        <h2 id="sectors-heading">{t('sectors')}</h2>
        {catalogue.isPending && <Loading />}
        <ErrorNotice error={catalogue.error} />
        {catalogue.error && (
          <button type="button" className="secondary" onClick={() => void catalogue.refetch()}>
            {t('reload')}
          </button>
        )}
        <div className="choice-grid" role="group" aria-labelledby="sectors-heading">
          {catalogue.data?.map((candidate) => (
            <button
              key={candidate.code}
              type="button"
              className="secondary"
              aria-pressed={candidate.code === sectorCode}
              onClick={() => setSectorCode(candidate.code)}
            >
              {nameOf(candidate)}
            </button>
          ))}
        </div>

        {sector && (
          <>
            <h2 id="services-heading">{t('services', { sector: nameOf(sector) })}</h2>
            <div className="choice-grid" role="group" aria-labelledby="services-heading">
              {sector.services.map((service) => (
                <button
                  key={service.code}
                  type="button"
                  disabled={record.isPending}
                  onClick={() => record.mutate({ sector, service, key: keyFor(sector, service) })}
                >
                  {nameOf(service)}
                </button>
              ))}
            </div>
          </>
        )}
      </section>

      <section className="page" aria-labelledby="recorded-heading">
        <h2 id="recorded-heading">{t('log.title')}</h2>
        {visits.length === 0 ? (
          <p className="field-hint">{t('log.empty')}</p>
        ) : (
          <>
            <p>{t('log.count', { count: visits.length })}</p>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('log.time')}</th>
                  <th scope="col">{t('log.sector')}</th>
                  <th scope="col">{t('log.service')}</th>
                </tr>
              </thead>
              <tbody>
                {visits.map((visit) => (
                  <tr key={visit.id}>
                    <td>{timeOf(visit.renderedAt, language)}</td>
                    <td>{nameOf(visit.sector)}</td>
                    <td>{nameOf(visit.service)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>
    </div>
  );
}
