import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsUUID,
  IsOptional,
  IsString,
  Length,
  Matches,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { channelSchema } from '@akimat/contracts';
import { ResidentDto } from './resident.dto';

const CHANNELS = channelSchema.options;

export class CreateAppealDto {
  @ApiPropertyOptional({ type: ResidentDto, description: 'Required unless the appeal is anonymous; absent when it is' })
  @ValidateIf((dto: CreateAppealDto) => !dto.anonymous || dto.resident !== undefined)
  @ValidateNested()
  @Type(() => ResidentDto)
  resident?: ResidentDto;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  anonymous?: boolean;

  @ApiPropertyOptional({
    default: false,
    description:
      'An anonymous appeal about a crime or a threat to public safety: its answer clocks run (the law’s exception)',
  })
  @IsOptional()
  @IsBoolean()
  concernsPublicSafety?: boolean;

  @ApiPropertyOptional({ format: 'uuid', description: 'The open-dialogue reception session it is recorded in' })
  @IsOptional()
  @IsUUID('4')
  receptionSessionId?: string;

  @ApiProperty({ example: 'housing', description: 'A code from the category catalogue' })
  @Matches(/^[a-z][a-z0-9_]{1,63}$/, { message: 'category must be a catalogue code such as "housing"' })
  category!: string;

  @ApiProperty({ enum: CHANNELS })
  @IsIn(CHANNELS)
  channel!: (typeof CHANNELS)[number];

  @ApiProperty({ maxLength: 5000 })
  @IsString()
  @Length(1, 5000)
  text!: string;

  @ApiPropertyOptional({ example: 'Бейбарыс ауылдық округі' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  locality?: string;

  @ApiPropertyOptional({ example: 'housing-inspection', description: 'Unit chosen by the receiving official' })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9-]{1,63}$/, { message: 'preferredUnitCode must be a unit code such as "housing-inspection"' })
  preferredUnitCode?: string;
}
