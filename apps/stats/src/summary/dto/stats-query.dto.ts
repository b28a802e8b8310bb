import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, Max, Min } from 'class-validator';
import { APPEAL_DIMENSIONS } from '../appeal-measures';
import { PERIODS } from '../periods';

export class RangeQueryDto {
  @ApiPropertyOptional({ description: 'inclusive instant, ISO-8601' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'exclusive instant, ISO-8601' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

export const BREAKDOWNS = [...APPEAL_DIMENSIONS, ...PERIODS, 'sector'] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];

export class BreakdownQueryDto extends RangeQueryDto {
  @ApiPropertyOptional({
    enum: BREAKDOWNS,
    description: 'periods group appeals by registration day/week/month/year in Asia/Atyrau',
  })
  @IsIn(BREAKDOWNS)
  by!: Breakdown;
}

export class ReportQueryDto {
  @ApiPropertyOptional({ example: 2026 })
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;

  @ApiPropertyOptional({ enum: ['json', 'csv'] })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}
