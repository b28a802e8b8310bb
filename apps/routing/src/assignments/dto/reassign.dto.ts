import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';
import { UNIT_CODE } from '../../directory/dto/unit.dto';

export class ReassignDto {
  @ApiProperty({ example: 'land-relations' })
  @Matches(UNIT_CODE, { message: 'targetUnitCode must be a unit code such as "land-relations"' })
  targetUnitCode!: string;

  @ApiProperty({ example: 'Жер учаскесі туралы, біздің бөлімге қатысы жоқ', maxLength: 2000 })
  @IsString()
  @Length(3, 2000)
  reason!: string;
}
