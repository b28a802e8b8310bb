import Handlebars from 'handlebars';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Language } from '@akimat/contracts';
import { localDateTimeFormat } from '../clock/local-date-time';
import { NOTICE_KINDS, NoticeKind } from '../notices/notice';

export interface RenderedNotice {
  subject: string;
  body: string;
}

const DEADLINE_KINDS: Record<Language, Record<string, string>> = {
  kk: {
    brief_answer: 'Қысқа жауап',
    full_answer: 'Толық жауап',
    forwarding: 'Басқа органға жолдау',
    extension_notice: 'Ұзарту туралы хабарлау',
  },
  ru: {
    brief_answer: 'Краткий ответ',
    full_answer: 'Полный ответ',
    forwarding: 'Направление в другой орган',
    extension_notice: 'Уведомление о продлении',
  },
};

const OUTCOMES: Record<Language, Record<string, string>> = {
  kk: { satisfied: 'қанағаттандырылды', partly_satisfied: 'ішінара қанағаттандырылды', refused: 'бас тартылды' },
  ru: { satisfied: 'удовлетворено', partly_satisfied: 'удовлетворено частично', refused: 'отказано' },
};

/** Template files live in assets (copied beside main.js by the build); sources when run from src. */
function templatesDirectory(): string {
  const candidates = [join(__dirname, 'assets/templates'), join(__dirname, '../assets/templates')];
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) throw new Error(`notice templates not found in ${candidates.join(' or ')}`);
  return found;
}

/**
 * Renders notices from `assets/templates/<kind>.<language>.hbs`: the first line is the subject, the
 * rest (after a blank line) the plain-text body. Dates are shown in the office's time zone.
 */
export class TemplateRenderer {
  private readonly templates = new Map<
    string,
    { subject: HandlebarsTemplateDelegate; body: HandlebarsTemplateDelegate }
  >();

  constructor(timeZone: string, directory = templatesDirectory()) {
    const handlebars = Handlebars.create();
    const localDateTime = localDateTimeFormat(timeZone);
    // Event times are UTC instants with a `Z` (contracts' isoInstantSchema), which Date reads exactly.
    handlebars.registerHelper('date', (iso: string) => {
      const instant = new Date(iso);
      return Number.isNaN(instant.getTime()) ? String(iso) : localDateTime(instant);
    });
    handlebars.registerHelper(
      'deadlineKind',
      (kind: string, options: Handlebars.HelperOptions) =>
        DEADLINE_KINDS[options.data.root.language as Language][kind] ?? kind,
    );
    handlebars.registerHelper(
      'outcomeName',
      (outcome: string, options: Handlebars.HelperOptions) =>
        OUTCOMES[options.data.root.language as Language][outcome] ?? outcome,
    );
    for (const kind of NOTICE_KINDS) {
      for (const language of ['kk', 'ru'] as const) {
        const source = readFileSync(join(directory, `${kind}.${language}.hbs`), 'utf8');
        const [subject, ...body] = source.split('\n');
        const compile = (text: string) => handlebars.compile(text, { noEscape: true, strict: false });
        this.templates.set(`${kind}.${language}`, {
          subject: compile(subject),
          body: compile(body.join('\n').replace(/^\n/, '')),
        });
      }
    }
  }

  render(kind: NoticeKind, language: Language, model: Record<string, unknown>): RenderedNotice {
    const template = this.templates.get(`${kind}.${language}`);
    if (!template) throw new Error(`no template for ${kind}.${language}`);
    const context = { ...model, language };
    return { subject: template.subject(context).trim(), body: template.body(context).trim() };
  }
}
