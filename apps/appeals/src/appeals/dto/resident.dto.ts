import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { z } from 'zod';
import { IsIin } from './is-iin.decorator';
import { KAZAKH_PHONE, normalizeKazakhPhone } from '@akimat/contracts';

export class ResidentDto {
  @ApiProperty({ example: 'Серікова Әсел Нұрланқызы' })
  @IsString()
  @Length(2, 200)
  fullName!: string;

  @ApiProperty({ example: '950101300016', description: '12 digits with a valid control digit' })
  @IsIin()
  iin!: string;

  @ApiProperty({ example: '+77011234567', description: 'Kazakhstan number; 8 701 123 45 67 is accepted' })
  @Transform(({ value }) => normalizeKazakhPhone(value))
  @Matches(KAZAKH_PHONE, { message: 'phone must be a Kazakhstan number: +7 followed by 10 digits' })
  phone!: string;

  @ApiPropertyOptional({ example: 'asel@example.kz' })
  @IsOptional()
  @IsEmail()
  // The event contracts (zod) accept only plain ASCII addresses; what they refuse failed as a 500 after validation.
  @Matches(z.regexes.email, { message: 'email must be a plain ASCII address such as asel@example.kz' })
  email?: string;

  @ApiProperty({ enum: ['kk', 'ru'] })
  @IsIn(['kk', 'ru'])
  language!: 'kk' | 'ru';
}
