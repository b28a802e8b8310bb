import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, Length } from 'class-validator';
import { OFFICIAL_POSITIONS, OfficialPosition } from '../reception-session.entity';

export class OpenSessionDto {
  @ApiProperty({ example: 'Қуаныш Ерғалиев', description: 'The official who receives residents' })
  @IsString()
  @Length(2, 200)
  officialName!: string;

  @ApiProperty({ enum: OFFICIAL_POSITIONS })
  @IsIn(OFFICIAL_POSITIONS)
  officialPosition!: OfficialPosition;

  @ApiProperty({ example: 'Ашық әкімдік, open-space hall' })
  @IsString()
  @Length(2, 300)
  place!: string;

  @ApiProperty({ example: '2026-11-26T04:00:00.000Z' })
  @IsISO8601({ strict: true, strictSeparator: true })
  startsAt!: string;

  @ApiPropertyOptional({ example: '2026-11-26T08:00:00.000Z' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  endsAt?: string;
}
