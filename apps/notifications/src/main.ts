import { bootstrapService } from '@akimat/service-kit';
import { AppModule } from './app/app.module';
import { notificationsEnvSchema } from './app/notifications-env.schema';

void bootstrapService({ serviceName: 'notifications', envSchema: notificationsEnvSchema, appModule: AppModule });
