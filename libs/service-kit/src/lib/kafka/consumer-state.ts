import { Injectable } from '@nestjs/common';

/**
 * Whether this process's Kafka consumer has joined its group and is consuming. The HTTP port opens
 * before that (see bootstrapService), so readiness asks here rather than assuming it.
 */
@Injectable()
export class ConsumerState {
  private joined = false;

  markJoined(): void {
    this.joined = true;
  }

  get isJoined(): boolean {
    return this.joined;
  }
}
