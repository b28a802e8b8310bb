import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { collectDefaultMetrics, register } from 'prom-client';
import { Allow } from '../auth/access.decorators';

collectDefaultMetrics();

/** Prometheus scrape endpoint; Prometheus sends an ops token (authorization.credentials_file). */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  @Get()
  @Allow('ops')
  @Header('Content-Type', register.contentType)
  metrics(): Promise<string> {
    return register.metrics();
  }
}
