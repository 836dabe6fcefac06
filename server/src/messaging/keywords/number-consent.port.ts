import type { EntityManager } from 'typeorm';
import type { Language } from '../../common/language.js';

/** A participant or employee with a number, in one workspace. */
export interface NumberHolder {
  id: string;
  workspaceId: string;
  createdAt: Date;
  /** Null: the workspace's (employees without a language of their own). */
  language: Language | null;
}

/** Everyone with one phone number, across every workspace. */
export interface NumberHolders {
  participants: NumberHolder[];
  employees: NumberHolder[];
}

/**
 * K2/K3/K7: what a handset's keyword, or its carrier's opt-out, does to
 * everyone with the number. consent/ owns the rule; messaging only reports the
 * event. Runs in the caller's transaction.
 */
export interface NumberConsent {
  subjects(manager: EntityManager, phone: string): Promise<NumberHolders>;
  keywordOptOut(manager: EntityManager, phone: string, keyword: string | null, now: Date): Promise<NumberHolders>;
  keywordOptIn(manager: EntityManager, phone: string, keyword: string | null, now: Date): Promise<NumberHolders>;
  carrierOptOut(manager: EntityManager, phone: string, now: Date): Promise<unknown>;
}
