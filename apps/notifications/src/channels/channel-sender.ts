import { DeliveryEntity } from '../deliveries/delivery.entity';

/** What a channel's server needs of a delivery. */
export type OutgoingMessage = Pick<DeliveryEntity, 'id' | 'recipient' | 'subject' | 'body'>;

/** Hands one delivery to its channel's server; throws if the server did not accept it. */
export interface ChannelSender {
  send(delivery: OutgoingMessage): Promise<void>;
}
