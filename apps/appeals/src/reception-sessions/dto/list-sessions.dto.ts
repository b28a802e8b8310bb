import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional } from 'class-validator';
import { LimitQueryDto } from '../../common/limit-query.dto';

export class ListSessionsDto extends LimitQueryDto {
  @ApiPropertyOptional({ example: '2026-11-26', description: 'Sessions starting on this office day (Asia/Atyrau)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  date?: string;
}
