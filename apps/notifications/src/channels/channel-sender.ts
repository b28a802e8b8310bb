import { DeliveryEntity } from '../deliveries/delivery.entity';

/** Hands one delivery to its channel's server; throws if the server did not accept it. */
export interface ChannelSender {
  send(delivery: DeliveryEntity): Promise<void>;
}
