import { AppealReassignedV1, AppealRoutedV1, Language } from '@akimat/contracts';

export type RoutedNoticeData = Pick<AppealRoutedV1, 'registrationNumber' | 'category' | 'unit'>;

export interface RenderedNotice {
  subject: string;
  body: string;
}

const ROUTED_NOTICE: Record<Language, (data: RoutedNoticeData) => RenderedNotice> = {
  kk: ({ registrationNumber, category, unit }) => ({
    subject: `Жаңа өтініш ${registrationNumber}`,
    body: `${unit.nameKk}: ${registrationNumber} нөмірлі өтініш сізге жіберілді. Санат: ${category}.`,
  }),
  ru: ({ registrationNumber, category, unit }) => ({
    subject: `Новое обращение ${registrationNumber}`,
    body: `${unit.nameRu}: обращение № ${registrationNumber} направлено вам. Категория: ${category}.`,
  }),
};

/** The notice telling a unit's head that an appeal was routed to them, in their language. */
export function renderRoutedNotice(data: RoutedNoticeData, language: Language): RenderedNotice {
  return ROUTED_NOTICE[language](data);
}

export type ReassignedNoticeData = Pick<AppealReassignedV1, 'registrationNumber' | 'category' | 'unit' | 'fromUnit' | 'reason'>;

const REASSIGNED_NOTICE: Record<Language, (data: ReassignedNoticeData) => RenderedNotice> = {
  kk: ({ registrationNumber, unit, fromUnit, reason }) => ({
    subject: `Өтініш ${registrationNumber} сізге қайта жіберілді`,
    body: `${unit.nameKk}: ${registrationNumber} нөмірлі өтініш «${fromUnit.nameKk}» бөлімшесінен сізге қайта жіберілді. Себебі: ${reason}.`,
  }),
  ru: ({ registrationNumber, unit, fromUnit, reason }) => ({
    subject: `Обращение ${registrationNumber} передано вам`,
    body: `${unit.nameRu}: обращение № ${registrationNumber} передано вам из подразделения «${fromUnit.nameRu}». Причина: ${reason}.`,
  }),
};

/** The notice telling the new unit's head that an appeal was handed to them, in their language. */
export function renderReassignedNotice(data: ReassignedNoticeData, language: Language): RenderedNotice {
  return REASSIGNED_NOTICE[language](data);
}
