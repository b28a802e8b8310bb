import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { referenceQueries } from '../../api/reference-data';
import { useFormat } from './format';

/** Unit, category and service names in the reader's language; the code stands in while they load or if unknown. */
export function useNames() {
  const { t } = useTranslation('dashboard');
  const { name } = useFormat();
  const units = useQuery(referenceQueries.units);
  const categories = useQuery(referenceQueries.categories);
  const services = useQuery(referenceQueries.serviceCatalogue);
  return {
    unitName: (code: string) =>
      code === 'unrouted'
        ? t('unrouted')
        : name(
            units.data?.find((unit) => unit.code === code),
            code,
          ),
    categoryName: (code: string) =>
      code === 'unknown'
        ? t('unknown')
        : name(
            categories.data?.find((category) => category.code === code),
            code,
          ),
    localityName: (key: string) => (key === 'unknown' ? t('unknown') : key),
    sectorName: (code: string) =>
      name(
        services.data?.find((sector) => sector.code === code),
        code,
      ),
    serviceName: (code: string) =>
      name(
        services.data?.flatMap((sector) => sector.services).find((service) => service.code === code),
        code,
      ),
  };
}

export type Names = ReturnType<typeof useNames>;
