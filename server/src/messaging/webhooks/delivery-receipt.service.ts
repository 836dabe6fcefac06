import type { DataSource } from 'typeorm';
import { MessageStatus } from '../../comms-log/comms-log.enums.js';
import type { DeliveryService } from '../delivery/delivery.service.js';
import type { NumberConsent } from '../keywords/number-consent.port.js';
import { receiptMeansDirectUnavailable } from '../providers/vonage-codes.js';
import type { DeliveryReceipt } from './delivery-receipt.js';

/** What a receipt did: moved an entry, named no entry Tock knows, or said nothing final yet. */
type ReceiptOutcome = 'applied' | 'unknown' | 'pending';

// L3/K7: a receipt settles the entry it names; one that says the handset opted
// out at the carrier also opts the number out everywhere, with no reply. E8: one
// that says the carrier cannot be reached directly sends the text by its gateway.
export class DeliveryReceiptService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly delivery: DeliveryService,
    private readonly numberConsent: Pick<NumberConsent, 'carrierOptOut'>,
  ) {}

  async apply(receipt: DeliveryReceipt): Promise<ReceiptOutcome> {
    if (!receipt.update.outcome) return 'pending';
    const { entry, settled } = await this.delivery.applyReceipt(receipt.update);
    // L3: an id Tock never sent is ignored.
    if (!entry) return 'unknown';
    // K7 acts only on the receipt that settled the entry: a replayed receipt
    // must not undo a START texted since.
    if (receipt.carrierOptOut && settled) {
      const phone = entry.recipientPhone ?? receipt.recipient;
      await this.dataSource.transaction((manager) => this.numberConsent.carrierOptOut(manager, phone, receipt.update.at));
    }
    if (settled && receipt.update.outcome === MessageStatus.FAILED && receiptMeansDirectUnavailable(receipt.update.providerCode ?? receipt.update.errorCode)) {
      await this.delivery.fallBackToGateway(entry);
    }
    return 'applied';
  }
}
