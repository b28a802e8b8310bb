import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Says plainly when this device has lost its network, and that typed work is kept. */
export function ConnectionBanner() {
  const { t } = useTranslation();
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  if (online) return null;
  return (
    <div role="status" className="notice notice-error connection-banner">
      {t('connection.offline')}
    </div>
  );
}
