import { v7 } from 'uuid';

// Time-ordered ids: primary-key order is creation order, which keyset
// pagination relies on.
export function newId(): string {
  return v7();
}
