import type { CommsLogEntry } from '../../comms-log/comms-log-entry.entity.js';
import { MessageDirection } from '../../comms-log/comms-log.enums.js';
import { renderMessage, type Brand } from '../templates/message-templates.js';
import type { SendFactsLoader } from './send-facts.loader.js';

// C2: the words of a text: as sent, or, for one that was not (skipped,
// still queued, failed before the claim), as its template renders now for
// its recipient's language and zone.
export class MessagePreview {
  constructor(
    private readonly facts: SendFactsLoader,
    private readonly brand: Brand,
  ) {}

  async text(entry: CommsLogEntry): Promise<{ text: string | null; asSent: boolean }> {
    if (entry.body) return { text: entry.body, asSent: true };
    if (entry.direction !== MessageDirection.OUTBOUND) return { text: null, asSent: false };
    const loaded = await this.facts.load(String(entry.id));
    return { text: loaded?.template ? renderMessage(loaded.template, this.brand, loaded.reader) : null, asSent: false };
  }
}
