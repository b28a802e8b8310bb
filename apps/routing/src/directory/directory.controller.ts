import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DirectoryService } from './directory.service';

@ApiTags('directory')
@Controller('api/v1/units')
export class DirectoryController {
  constructor(private readonly directory: DirectoryService) {}

  @Get()
  async list() {
    return { items: await this.directory.list() };
  }
}
