import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class ListNotificationsDto {
  @ApiProperty({ format: 'uuid', description: 'The appeal whose in-app notices to list' })
  @IsUUID()
  appealId!: string;
}
