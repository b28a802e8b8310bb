import { bootstrapService } from '@akimat/service-kit';
import { AppModule } from './app/app.module';
import { routingEnvSchema } from './app/routing-env.schema';

void bootstrapService({ serviceName: 'routing', envSchema: routingEnvSchema, appModule: AppModule });
