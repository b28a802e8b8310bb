import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

export function setupOpenApi(app: INestApplication, serviceName: string): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder().setTitle(`Open Akimat: ${serviceName}`).setVersion('1').addBearerAuth().build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}
