/** Injection token of the process-wide kafkajs client. */
export const KAFKA = Symbol('KAFKA');
