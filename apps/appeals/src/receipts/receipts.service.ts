import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Language } from '@akimat/contracts';
import { SERVICE_CONFIG, ServiceConfig } from '@akimat/service-kit';
import { AppealsEnv } from '../app/appeals-env.schema';
import { AppealCategoryEntity } from '../appeals/appeal-category.entity';
import { AppealCardsService } from '../appeals/appeal-cards.service';
import { receiptContent } from './receipt-content';
import { receiptFonts } from './receipt-fonts';
import { renderReceiptPdf } from './receipt-pdf';

@Injectable()
export class ReceiptsService {
  private readonly fonts = receiptFonts();

  constructor(
    private readonly dataSource: DataSource,
    private readonly cards: AppealCardsService,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig<AppealsEnv>,
  ) {}

  /** The receipt in the requested language, or the resident's own. */
  async render(appealId: string, language?: Language): Promise<{ pdf: Buffer; fileName: string }> {
    const appeal = await this.cards.findEntity(appealId);
    const lang = language ?? appeal.residentLanguage;
    const category = await this.dataSource.manager.findOneBy(AppealCategoryEntity, { code: appeal.category });
    const content = receiptContent(
      {
        registrationNumber: appeal.registrationNumber,
        registeredAt: appeal.registeredAt,
        registrationDate: appeal.registrationDate,
        receivedBy: appeal.receivedByName ? { name: appeal.receivedByName, position: appeal.receivedByPosition } : null,
        residentName: appeal.residentName,
        anonymous: appeal.anonymous,
        categoryName: (lang === 'kk' ? category?.nameKk : category?.nameRu) ?? appeal.category,
        channel: appeal.channel,
        trackingCode: appeal.trackingCode,
        trackingUrl: this.config.PUBLIC_TRACKING_URL,
        timeZone: this.config.OFFICE_TIME_ZONE,
      },
      lang,
    );
    return { pdf: await renderReceiptPdf(content, this.fonts), fileName: `${appeal.registrationNumber}-${lang}.pdf` };
  }
}
