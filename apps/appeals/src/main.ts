import { bootstrapService } from '@akimat/service-kit';
import { AppModule } from './app/app.module';
import { appealsEnvSchema } from './app/appeals-env.schema';

void bootstrapService({ serviceName: 'appeals', envSchema: appealsEnvSchema, appModule: AppModule });
