import { EventBus } from '../common/event-bus.js';

/** A9: an API key was revoked; every API process closes the sockets it opened. */
export interface KeyRevoked {
  apiKeyId: string;
  workspaceId: string;
  /** Set on events relayed from another process, so they are not relayed back. */
  remote?: boolean;
}

export class KeyRevocations extends EventBus<KeyRevoked> {
  constructor() {
    super('key-revocations');
  }
}
