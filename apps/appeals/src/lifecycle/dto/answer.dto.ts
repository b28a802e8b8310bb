import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsIn, IsString, Length, ValidateIf } from 'class-validator';
import { answerOutcomeSchema, AnswerOutcome } from '@akimat/contracts';

export class BriefAnswerDto {
  @ApiProperty({ maxLength: 10000 })
  @IsString()
  @Length(1, 10000)
  text!: string;
}

export class FullAnswerDto extends BriefAnswerDto {
  @ApiProperty({ enum: answerOutcomeSchema.options })
  @IsIn(answerOutcomeSchema.options)
  outcome!: AnswerOutcome;

  @ApiPropertyOptional({ description: 'Required when the outcome is "refused"' })
  @ValidateIf((dto: FullAnswerDto) => dto.outcome === 'refused' || dto.refusalReasons !== undefined)
  @IsDefined({ message: 'refusalReasons is required when the outcome is "refused"' })
  @IsString()
  @Length(1, 5000)
  refusalReasons?: string;
}
