import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import i18n from './i18n/i18n';

// Component tests read the Russian strings; each starts signed out with nothing stored.
void i18n.changeLanguage('ru');
afterEach(() => {
  cleanup();
  sessionStorage.clear();
});
