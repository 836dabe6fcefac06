import { isEmail } from 'class-validator';
import { Language } from '../common/language.js';
import { parseTimeZone } from '../common/time-zone.util.js';
import { ErrorCode, TockError } from '../common/tock-error.js';
import { ConsentAction } from '../consent/consent.enums.js';
import { EmployeeImportRowStatus, type EmployeeImportRowInput, type EmployeeImportRowResult } from './dtos/employee-import.inputs.js';
import { CarrierLookupStatus, type Employee } from './employee.entity.js';

/** The stored columns an import reads and writes. */
export type ImportedEmployee = Pick<
  Employee,
  'id' | 'workspaceId' | 'name' | 'email' | 'phone' | 'smsOptIn' | 'timeZone' | 'language' | 'carrierName' | 'carrierGatewayDomain' | 'carrierLookupStatus' | 'carrierLookedUpAt'
>;

interface ImportConsentChange {
  employeeId: string;
  phone: string | null;
  action: ConsentAction;
  attestation: string | null;
}

interface ImportPlan {
  results: EmployeeImportRowResult[];
  /** Full rows to insert or update, one statement per chunk. */
  writes: ImportedEmployee[];
  consent: ImportConsentChange[];
  /** E5: employees going from opted out to opted in (their existing weeks). */
  optedIn: string[];
  /** K9: employees whose number became covered by an opt-in. */
  confirm: string[];
  /** E7: employees with a new number to look up. */
  lookups: string[];
}

interface ImportContext {
  workspaceId: string;
  /** The call's statement, for rows that opt in without their own. */
  attestation: string | null;
  newId: () => string;
  /** A5: to E.164, throwing a phone field error; the caller may memoise it. */
  normalisePhone: (text: string) => string;
}

const PHONE_CHANGED = 'Phone number changed; the employee stays opted in on the new number';

class RowError extends Error {
  constructor(
    readonly field: string,
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

// Omitted or null keeps; an empty string clears; anything else is parsed.
function optional<T>(value: string | null | undefined, parse: (text: string) => T): T | null | undefined {
  if (value == null) return undefined;
  const text = value.trim();
  return text ? parse(text) : null;
}

function fieldOf<T>(field: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof TockError) throw new RowError(field, error.code, error.message);
    throw error;
  }
}

function parseLanguage(text: string): Language {
  const code = text.toLowerCase();
  if (code === Language.EN || code === Language.ES) return code;
  throw new RowError('language', ErrorCode.BAD_USER_INPUT, `"${text.slice(0, 20)}" is not a language Tock writes in (en or es)`);
}

function parseRow(row: EmployeeImportRowInput, context: ImportContext) {
  const name = row.name.trim();
  if (!name || name.length > 160) throw new RowError('name', ErrorCode.BAD_USER_INPUT, 'An employee needs a name of 1 to 160 characters');
  const email = optional(row.email, (text) => {
    if (text.length > 254 || !isEmail(text)) throw new RowError('email', ErrorCode.BAD_USER_INPUT, `"${text.slice(0, 60)}" is not an email address`);
    return text;
  });
  const phone = fieldOf('phone', () => optional(row.phone, context.normalisePhone));
  const timeZone = fieldOf('timeZone', () => optional(row.timeZone, (text) => parseTimeZone(text)));
  const language = optional(row.language, parseLanguage);
  const attestation = row.attestation?.trim() || null;
  if (attestation && attestation.length > 2000) throw new RowError('attestation', ErrorCode.BAD_USER_INPUT, 'A consent statement has at most 2,000 characters');
  return { name, email, phone, timeZone, language, attestation, smsOptIn: row.smsOptIn ?? undefined };
}

/** Employees an import may match, indexed by id, lower-cased email and phone. */
export class ImportMatches {
  private readonly byId = new Map<string, ImportedEmployee>();
  private readonly byEmail = new Map<string, ImportedEmployee[]>();
  private readonly byPhone = new Map<string, ImportedEmployee[]>();

  constructor(employees: ImportedEmployee[]) {
    for (const employee of employees) {
      this.byId.set(employee.id, employee);
      if (employee.email) this.byEmail.set(employee.email.toLowerCase(), [...(this.byEmail.get(employee.email.toLowerCase()) ?? []), employee]);
      if (employee.phone) this.byPhone.set(employee.phone, [...(this.byPhone.get(employee.phone) ?? []), employee]);
    }
  }

  // By id; else by email; else by phone; none is a new employee. Two stored employees on one key is ambiguous.
  find(id: string | null | undefined, email: string | null | undefined, phone: string | null | undefined): ImportedEmployee | null {
    if (id) {
      const found = this.byId.get(id);
      if (!found) throw new RowError('id', ErrorCode.NOT_FOUND, 'Employee not found');
      return found;
    }
    for (const [field, list] of [
      ['email', email ? this.byEmail.get(email.toLowerCase()) : undefined],
      ['phone', phone ? this.byPhone.get(phone) : undefined],
    ] as const) {
      if (!list?.length) continue;
      if (list.length > 1) throw new RowError(field, ErrorCode.CONFLICT, `${list.length} employees have this ${field}; give the row an id`);
      return list[0];
    }
    return null;
  }
}

const failed = (index: number, error: RowError): EmployeeImportRowResult => ({
  index,
  status: EmployeeImportRowStatus.FAILED,
  employeeId: null,
  field: error.field,
  code: error.code,
  message: error.message,
});

const sameEmployee = (a: ImportedEmployee, b: ImportedEmployee) =>
  a.name === b.name && a.email === b.email && a.phone === b.phone && a.smsOptIn === b.smsOptIn && a.timeZone === b.timeZone && a.language === b.language;

/**
 * E2/E5/E7/K9 for an import, decided without I/O: each row's outcome, and the
 * set-based writes that carry it out. A bad row fails alone; the others go on.
 */
export function planEmployeeImport(rows: EmployeeImportRowInput[], matches: ImportMatches, context: ImportContext): ImportPlan {
  const plan: ImportPlan = { results: [], writes: [], consent: [], optedIn: [], confirm: [], lookups: [] };
  // Which row first claimed an employee (or, for new ones, an email or phone).
  const claimed = new Map<string, number>();
  rows.forEach((row, index) => {
    try {
      const parsed = parseRow(row, context);
      const current = matches.find(row.id, parsed.email, parsed.phone);
      const claims = current ? [`id:${current.id}`] : [parsed.email && `email:${parsed.email.toLowerCase()}`, parsed.phone && `phone:${parsed.phone}`].filter((c): c is string => Boolean(c));
      for (const claim of claims) {
        const first = claimed.get(claim);
        if (first !== undefined) throw new RowError(row.id ? 'id' : claim.split(':')[0], ErrorCode.CONFLICT, `Row ${first + 1} is the same employee`);
      }

      const before: ImportedEmployee = current ?? {
        id: context.newId(),
        workspaceId: context.workspaceId,
        name: parsed.name,
        email: null,
        phone: null,
        // E1: a new employee is opted out unless the row says otherwise.
        smsOptIn: false,
        timeZone: null,
        language: null,
        carrierName: null,
        carrierGatewayDomain: null,
        carrierLookupStatus: null,
        carrierLookedUpAt: null,
      };
      const after: ImportedEmployee = {
        ...before,
        name: parsed.name,
        email: parsed.email === undefined ? before.email : parsed.email,
        phone: parsed.phone === undefined ? before.phone : parsed.phone,
        smsOptIn: parsed.smsOptIn ?? before.smsOptIn,
        timeZone: parsed.timeZone === undefined ? before.timeZone : parsed.timeZone,
        language: parsed.language === undefined ? before.language : parsed.language,
      };
      const phoneChanged = after.phone !== before.phone;
      if (phoneChanged) {
        // E7: what was known about the old number no longer holds.
        Object.assign(after, { carrierName: null, carrierGatewayDomain: null, carrierLookedUpAt: null, carrierLookupStatus: after.phone ? CarrierLookupStatus.PENDING : null });
      }

      const statement = parsed.attestation ?? context.attestation;
      const consent: ImportConsentChange[] = [];
      if (!before.smsOptIn && after.smsOptIn) {
        // E2: an opt-in says how consent was obtained.
        if (!statement) throw new RowError('attestation', ErrorCode.BAD_USER_INPUT, 'Say how consent was obtained: opting in needs a consent statement');
        consent.push({ employeeId: after.id, phone: after.phone, action: ConsentAction.GRANTED, attestation: statement });
      } else if (before.smsOptIn && !after.smsOptIn) {
        consent.push({ employeeId: after.id, phone: before.phone, action: ConsentAction.REVOKED, attestation: statement });
      } else if (after.smsOptIn && phoneChanged && after.phone) {
        // E9: the opt-in stays with the employee; the record says which number it now covers.
        consent.push({ employeeId: after.id, phone: after.phone, action: ConsentAction.GRANTED, attestation: parsed.attestation ?? PHONE_CHANGED });
      }

      for (const claim of claims) claimed.set(claim, index);
      if (current && sameEmployee(current, after)) {
        plan.results.push({ index, status: EmployeeImportRowStatus.UNCHANGED, employeeId: current.id, field: null, code: null, message: null });
        return;
      }
      plan.writes.push(after);
      plan.consent.push(...consent);
      if (current && !before.smsOptIn && after.smsOptIn) plan.optedIn.push(after.id);
      if (after.smsOptIn && after.phone && (!before.smsOptIn || phoneChanged)) plan.confirm.push(after.id);
      if (phoneChanged && after.phone) plan.lookups.push(after.id);
      plan.results.push({ index, status: current ? EmployeeImportRowStatus.UPDATED : EmployeeImportRowStatus.CREATED, employeeId: after.id, field: null, code: null, message: null });
    } catch (error) {
      if (!(error instanceof RowError)) throw error;
      plan.results.push(failed(index, error));
    }
  });
  return plan;
}
