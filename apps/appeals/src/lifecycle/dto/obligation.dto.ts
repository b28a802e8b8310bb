import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, Length } from 'class-validator';
import { ExtensionNoticeChannel, extensionNoticeChannelSchema } from '@akimat/contracts';

export class OutsideCompetenceDto {
  @ApiProperty({ description: 'Why the matter is outside the akimat’s competence (and whose it is)' })
  @IsString()
  @Length(3, 2000)
  reason!: string;
}

export class ExtensionNoticeDto {
  @ApiProperty({ enum: extensionNoticeChannelSchema.options, description: 'How the resident was told of the extension' })
  @IsIn(extensionNoticeChannelSchema.options)
  channel!: ExtensionNoticeChannel;

  @ApiPropertyOptional({
    example: '2026-12-02T06:00:00.000Z',
    description: 'When the resident was told (UTC ISO-8601); now when left out. Not in the future, not before the extension',
  })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  sentAt?: string;
}
