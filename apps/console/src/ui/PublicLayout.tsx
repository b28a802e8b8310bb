import { useTranslation } from 'react-i18next';
import { Frame } from './Frame';
import { useDocumentTitle } from './use-document-title';

/** The residents' frame: no staff navigation, narrow enough for a phone. */
export function PublicLayout() {
  const { t } = useTranslation();
  useDocumentTitle(t('tracking:title'));
  return <Frame className="shell shell-public" />;
}
