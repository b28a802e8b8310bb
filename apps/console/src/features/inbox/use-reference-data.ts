import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CategoryView, fetchCategories, fetchUnits, inboxKeys } from './inbox-api';
import { localName } from './format';

const HOUR = 60 * 60 * 1000;

/** The directory's active units (for the leadership's unit picker and reassignment). */
export function useUnits(enabled = true) {
  return useQuery({ queryKey: inboxKeys.units, queryFn: ({ signal }) => fetchUnits(signal), staleTime: HOUR, enabled });
}

/** A category code → its name in the console's language; the code itself until the catalogue loads. */
export function useCategoryName(): (code: string) => string {
  const { i18n } = useTranslation('inbox');
  const { data } = useQuery({
    queryKey: inboxKeys.categories,
    queryFn: ({ signal }) => fetchCategories(signal),
    staleTime: HOUR,
  });
  const byCode = new Map<string, CategoryView>((data ?? []).map((category) => [category.code, category]));
  return (code) => localName(byCode.get(code), i18n.resolvedLanguage, code);
}
