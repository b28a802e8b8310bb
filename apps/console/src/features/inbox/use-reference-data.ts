import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Named, referenceQueries, Unit } from '../../api/reference-data';
import { localName } from './format';

const activeOnly = (units: Unit[]) => units.filter((unit) => unit.active);

/** The directory's active units (for the leadership's unit picker and reassignment). */
export function useUnits(enabled = true) {
  return useQuery({ ...referenceQueries.units, select: activeOnly, enabled });
}

/** A category code → its name in the console's language; the code itself until the catalogue loads. */
export function useCategoryName(): (code: string) => string {
  const { i18n } = useTranslation('inbox');
  const { data } = useQuery(referenceQueries.categories);
  const byCode = new Map<string, Named>((data ?? []).map((category) => [category.code, category]));
  return (code) => localName(byCode.get(code), i18n.resolvedLanguage, code);
}
