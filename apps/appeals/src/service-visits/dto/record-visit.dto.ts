import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, Matches } from 'class-validator';

const CODE = /^[a-z][a-z0-9_]{1,63}$/;

export class RecordVisitDto {
  @ApiProperty({ example: 'self_service', description: 'A sector code from GET /api/v1/service-visits/catalogue' })
  @Matches(CODE, { message: 'sector must be a catalogue code such as "self_service"' })
  sector!: string;

  @ApiProperty({ example: 'eds', description: 'A service code of that sector' })
  @Matches(CODE, { message: 'service must be a catalogue code such as "eds"' })
  service!: string;

  @ApiPropertyOptional({ description: 'When it was rendered; now when absent; never in the future' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  renderedAt?: string;
}
