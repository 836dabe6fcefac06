import type { DataSource } from 'typeorm';
import { gatewayFor } from '../messaging/carrier/carrier-gateways.js';
import type { CarrierLookup } from '../messaging/providers/sms-provider.js';
import { CarrierLookupStatus, Employee } from './employee.entity.js';

// E7: the carrier of a saved number and its email-to-SMS gateway. A failed
// look-up is recorded and changes nothing else: the number stays usable for
// direct SMS, only the email fallback is unavailable.
export class CarrierLookupService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly lookup: CarrierLookup | null,
  ) {}

  async lookUp(employeeId: string, now = new Date()): Promise<CarrierLookupStatus | null> {
    const repo = this.dataSource.getRepository(Employee);
    const employee = await repo.findOneBy({ id: employeeId });
    if (!employee?.phone || employee.carrierLookupStatus !== CarrierLookupStatus.PENDING) return null;
    const phone = employee.phone;
    let patch: Partial<Employee>;
    try {
      if (!this.lookup) throw new Error('No carrier look-up is configured');
      const info = await this.lookup.lookup(phone);
      patch = {
        carrierLookupStatus: CarrierLookupStatus.FOUND,
        carrierName: info.carrierName,
        carrierLineType: info.lineType,
        carrierGatewayDomain: gatewayFor(info.carrierName, now)?.domain ?? null,
        carrierLookedUpAt: now,
      };
    } catch {
      patch = { carrierLookupStatus: CarrierLookupStatus.FAILED, carrierLookedUpAt: now };
    }
    // Only if the number is still the one looked up.
    await repo.update({ id: employee.id, phone, carrierLookupStatus: CarrierLookupStatus.PENDING }, patch);
    return patch.carrierLookupStatus ?? null;
  }
}
