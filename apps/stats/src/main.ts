import { bootstrapService } from '@akimat/service-kit';
import { AppModule } from './app/app.module';
import { statsEnvSchema } from './app/stats-env.schema';

void bootstrapService({ serviceName: 'stats', envSchema: statsEnvSchema, appModule: AppModule });
