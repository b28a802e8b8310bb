import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { APPEAL_STATUSES, AppealStatus } from '../lifecycle/appeal-lifecycle';
import { LimitQueryDto } from '../common/limit-query.dto';

export class InboxQueryDto extends LimitQueryDto {
  @ApiPropertyOptional({ example: 'housing-inspection', description: 'The unit (its directory code)' })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9-]{1,63}$/, { message: 'unitId must be a unit code such as "housing-inspection"' })
  unitId?: string;

  @ApiPropertyOptional({ enum: APPEAL_STATUSES })
  @IsOptional()
  @IsIn(APPEAL_STATUSES)
  status?: AppealStatus;

  @ApiPropertyOptional({ description: 'true: only appeals past their next due time; false: only those not' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ enum: ['due', 'registered'], default: 'due' })
  @IsOptional()
  @IsIn(['due', 'registered'])
  sort?: 'due' | 'registered';

  @ApiPropertyOptional({ default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  offset?: number;
}
