import { DateTime } from 'luxon';
import type { Language } from '@akimat/contracts';

/** What the receipt ("talon", Administrative Procedural Code Art. 64) states, before layout. */
export interface ReceiptFacts {
  registrationNumber: string;
  registeredAt: Date;
  registrationDate: string;
  receivedBy: { name: string; position: string | null } | null;
  residentName: string | null;
  anonymous: boolean;
  categoryName: string;
  channel: string;
  trackingCode: string;
  trackingUrl: string;
  timeZone: string;
}

export interface ReceiptContent {
  title: string;
  fields: [label: string, value: string][];
  paragraphs: string[];
}

const TEXT = {
  kk: {
    title: 'Өтінішті қабылдау туралы талон',
    office: 'Махамбет ауданы әкімдігі · «Ашық әкімдік»',
    registrationNumber: 'Тіркеу нөмірі',
    acceptedAt: 'Қабылданған күні мен уақыты',
    registrationDate: 'Тіркелген күні',
    acceptedBy: 'Қабылдаған',
    applicant: 'Өтініш беруші',
    anonymous: 'Анонимді өтініш',
    category: 'Санаты',
    channel: 'Қабылдау тәсілі',
    trackingCode: 'Бақылау коды',
    channels: {
      reception: 'Жеке қабылдау',
      walk_in: 'Келіп өтініш беру',
      phone: 'Телефон',
      online: 'Онлайн',
    } as Record<string, string>,
    howToTrack: (url: string) =>
      `Өтінішіңіздің қаралу барысын ${url} мекенжайында тіркеу нөмірі мен бақылау коды арқылы біле аласыз. Бақылау кодын басқаларға бермеңіз.`,
    terms: 'Қысқа жауап 3 күн ішінде, толық жауап 15 жұмыс күні ішінде беріледі.',
    oral: 'Ауызша өтініш осы карточкада хаттамаланды.',
    law: 'ҚР Әкімшілік рәсімдік-процестік кодексінің 64-бабы.',
  },
  ru: {
    title: 'Талон о приёме обращения',
    office: 'Акимат Махамбетского района · «Открытый акимат»',
    registrationNumber: 'Регистрационный номер',
    acceptedAt: 'Дата и время приёма',
    registrationDate: 'Дата регистрации',
    acceptedBy: 'Принял(а)',
    applicant: 'Заявитель',
    anonymous: 'Анонимное обращение',
    category: 'Категория',
    channel: 'Способ приёма',
    trackingCode: 'Код отслеживания',
    channels: { reception: 'Личный приём', walk_in: 'Личное обращение', phone: 'Телефон', online: 'Онлайн' } as Record<
      string,
      string
    >,
    howToTrack: (url: string) =>
      `Ход рассмотрения обращения можно узнать по адресу ${url}, указав регистрационный номер и код отслеживания. Не сообщайте код посторонним.`,
    terms: 'Краткий ответ даётся в течение 3 дней, полный ответ — в течение 15 рабочих дней.',
    oral: 'Устное обращение запротоколировано в настоящей карточке.',
    law: 'Статья 64 Административного процедурно-процессуального кодекса РК.',
  },
};

export function receiptContent(facts: ReceiptFacts, language: Language): ReceiptContent {
  const t = TEXT[language];
  const local = DateTime.fromJSDate(facts.registeredAt).setZone(facts.timeZone);
  const registrationDate = DateTime.fromISO(facts.registrationDate).toFormat('dd.MM.yyyy');
  const receivedBy = facts.receivedBy
    ? [facts.receivedBy.name, facts.receivedBy.position].filter(Boolean).join(', ')
    : '—';
  return {
    title: t.title,
    fields: [
      [t.registrationNumber, facts.registrationNumber],
      [t.acceptedAt, local.toFormat('dd.MM.yyyy HH:mm')],
      [t.registrationDate, registrationDate],
      [t.acceptedBy, receivedBy],
      [t.applicant, facts.anonymous ? t.anonymous : (facts.residentName ?? '—')],
      [t.category, facts.categoryName],
      [t.channel, t.channels[facts.channel] ?? facts.channel],
      [t.trackingCode, facts.trackingCode],
    ],
    paragraphs: [
      t.office,
      t.howToTrack(facts.trackingUrl),
      t.terms,
      ...(facts.channel === 'reception' ? [t.oral] : []),
      t.law,
    ],
  };
}
