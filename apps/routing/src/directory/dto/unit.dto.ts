import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { z } from 'zod';
import { languageSchema, unitKindSchema } from '@akimat/contracts';

const KINDS = unitKindSchema.options;
const LANGUAGES = languageSchema.options;
export const UNIT_CODE = /^[a-z][a-z0-9-]{1,63}$/;

export class HeadDto {
  @ApiProperty({ example: 'Марат Есенов' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ example: 'Бөлім басшысы' })
  @IsString()
  @Length(1, 200)
  position!: string;

  @ApiProperty({ example: '+77120000003' })
  @Matches(/^\+7\d{10}$/, { message: 'phone must be +7 followed by 10 digits' })
  phone!: string;

  @ApiProperty({ example: 'land@makhambet.example.kz' })
  @IsEmail()
  // The event contracts (zod) accept only plain ASCII addresses; what they refuse failed as a 500 after validation.
  @Matches(z.regexes.email, { message: 'email must be a plain ASCII address such as land@makhambet.example.kz' })
  email!: string;

  @ApiProperty({ enum: LANGUAGES, description: 'The language notices are sent to the head in' })
  @IsIn(LANGUAGES)
  language!: (typeof LANGUAGES)[number];
}

/** Everything about a unit except its code; PUT replaces all of it. */
export class UnitDetailsDto {
  @ApiProperty({ enum: KINDS })
  @IsIn(KINDS)
  kind!: (typeof KINDS)[number];

  @ApiProperty({ example: 'Жер қатынастары бөлімі' })
  @IsString()
  @Length(1, 300)
  nameKk!: string;

  @ApiProperty({ example: 'Отдел земельных отношений' })
  @IsString()
  @Length(1, 300)
  nameRu!: string;

  @ApiProperty({ type: HeadDto })
  @ValidateNested()
  @Type(() => HeadDto)
  head!: HeadDto;

  @ApiPropertyOptional({ default: true, description: 'An inactive unit gets no new appeals' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class CreateUnitDto extends UnitDetailsDto {
  @ApiProperty({ example: 'land-relations' })
  @Matches(UNIT_CODE, { message: 'code must be lower-case letters, digits and hyphens, e.g. "land-relations"' })
  code!: string;
}
