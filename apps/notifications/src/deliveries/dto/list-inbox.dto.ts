import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class ListInboxDto {
  @ApiProperty({ description: 'The inbox: a head’s e-mail, or unit:<code> for a head without one' })
  @IsString()
  @MinLength(1)
  @MaxLength(320)
  recipient!: string;
}
