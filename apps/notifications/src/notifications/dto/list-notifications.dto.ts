import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class ListNotificationsDto {
  @ApiProperty({ format: 'uuid', description: 'The appeal whose notifications to list' })
  @IsUUID()
  appealId!: string;
}
