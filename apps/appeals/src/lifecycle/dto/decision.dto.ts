import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601, IsString, Length } from 'class-validator';

export class ExtendDto {
  @ApiProperty({ example: '2026-12-31T13:00:00.000Z', description: 'The new full-answer due time (UTC ISO-8601)' })
  @IsISO8601({ strict: true, strictSeparator: true })
  newDueAt!: string;

  @ApiProperty({ description: 'The reasoned decision to extend (required by law)' })
  @IsString()
  @Length(3, 2000)
  reason!: string;
}

export class ForwardDto {
  @ApiProperty({ example: 'Атырау облысының полиция департаменті' })
  @IsString()
  @Length(2, 300)
  body!: string;

  @ApiProperty({ description: 'Why the matter is outside the akimat’s competence' })
  @IsString()
  @Length(3, 2000)
  reason!: string;
}
