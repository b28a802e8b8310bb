import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

export class ListDeliveriesDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Deliveries about this appeal' })
  @IsOptional()
  @IsUUID()
  appealId?: string;

  @ApiPropertyOptional({ description: 'Deliveries to this address: inbox key, e-mail or phone (+7…)' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(320)
  recipient?: string;
}
