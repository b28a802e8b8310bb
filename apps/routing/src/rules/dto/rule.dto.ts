import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { channelSchema } from '@akimat/contracts';
import { UNIT_CODE } from '../../directory/dto/unit.dto';

const CHANNELS = channelSchema.options;

/** Trimmed, NFC-normalised and without repeats, so stored rules compare and display alike. */
const normalizedList = () =>
  Transform(({ value }) =>
    Array.isArray(value)
      ? [...new Set(value.map((item) => (typeof item === 'string' ? item.normalize('NFC').trim() : item)))]
      : value,
  );

/** A whole rule; PUT replaces it and makes a new version. Empty lists mean "any". */
export class RuleDto {
  @ApiProperty({ example: 'Land plot keywords' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ example: 20, description: 'Lower runs first; ties go by name' })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  priority!: number;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;

  @ApiPropertyOptional({ type: [String], example: ['land_architecture'], description: 'Category codes' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(/^[a-z][a-z0-9_]{1,63}$/, {
    each: true,
    message: 'each category must be a catalogue code such as "housing"',
  })
  categories?: string[];

  @ApiPropertyOptional({
    type: [String],
    example: ['Бейбарыс'],
    description: "Locality names, matched in the appeal's locality like keywords (tolerant of endings)",
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @normalizedList()
  @IsString({ each: true })
  @Length(2, 100, { each: true })
  @Matches(/[\p{L}\p{N}]/u, { each: true, message: 'each locality must contain a letter or digit' })
  localities?: string[];

  @ApiPropertyOptional({
    type: [String],
    example: ['жер учаскесі', 'земельный участок'],
    description: 'Kazakh or Russian words or phrases, case-insensitive and tolerant of word endings',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @normalizedList()
  @IsString({ each: true })
  @Length(2, 100, { each: true })
  @Matches(/[\p{L}\p{N}]/u, { each: true, message: 'each keyword must contain a letter or digit' })
  keywords?: string[];

  @ApiPropertyOptional({ enum: CHANNELS, isArray: true })
  @IsOptional()
  @IsArray()
  @IsIn(CHANNELS, { each: true })
  channels?: (typeof CHANNELS)[number][];

  @ApiProperty({ example: 'land-relations', description: 'Must be an active unit of the directory' })
  @Matches(UNIT_CODE, { message: 'targetUnitCode must be a unit code such as "land-relations"' })
  targetUnitCode!: string;
}
