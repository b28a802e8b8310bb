import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';

class TrackingCodeDto {
  @ApiProperty({ example: 'K7M2QX9PRA', description: 'The code printed on the receipt' })
  @IsString()
  @Length(4, 40)
  trackingCode!: string;
}

/** "Not resolved": the resident sends the appeal back to its unit within 30 days of the full answer. */
export class NotResolvedDto extends TrackingCodeDto {
  @ApiProperty({ maxLength: 2000 })
  @IsString()
  @Length(1, 2000)
  comment!: string;
}

/** The anonymous satisfaction survey after the full answer. */
export class FeedbackDto extends TrackingCodeDto {
  @ApiProperty({ minimum: 1, maximum: 5 })
  @IsInt()
  @Min(1)
  @Max(5)
  rating!: number;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  comment?: string;
}
