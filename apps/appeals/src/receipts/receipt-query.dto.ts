import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { Language } from '@akimat/contracts';

export class ReceiptQueryDto {
  @ApiPropertyOptional({ enum: ['kk', 'ru'], description: 'Defaults to the resident’s language' })
  @IsOptional()
  @IsIn(['kk', 'ru'])
  lang?: Language;
}
