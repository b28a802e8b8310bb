import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { LEADERSHIP_ROLES, UNIT_HEAD_ROLES } from '@akimat/contracts';
import { Allow } from '@akimat/service-kit';
import { CategoryCatalogue } from './category-catalogue';

@ApiTags('appeals')
@Controller('api/v1/categories')
export class CategoriesController {
  constructor(private readonly catalogue: CategoryCatalogue) {}

  /** The category catalogue in both languages (what the reception desk offers). */
  @Get()
  @Allow(...LEADERSHIP_ROLES, ...UNIT_HEAD_ROLES, 'operator')
  @ApiOkResponse({ description: '[{ code, nameKk, nameRu }], active categories by code' })
  list() {
    return this.catalogue.list();
  }
}
