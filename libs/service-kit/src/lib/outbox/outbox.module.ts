import { Module } from '@nestjs/common';
import { OutboxCommits } from './outbox-commits.subscriber';
import { OutboxRelay } from './outbox-relay.service';
import { OutboxService } from './outbox.service';
import { OutboxMetrics } from '../metrics/outbox.metrics';

/** For services that produce events: register OutboxEventEntity in the app's TypeORM entities. */
@Module({
  providers: [OutboxService, OutboxRelay, OutboxCommits, OutboxMetrics],
  exports: [OutboxService, OutboxRelay],
})
export class OutboxModule {}
