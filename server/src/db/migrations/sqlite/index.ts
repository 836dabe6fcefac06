import { Initial1795334131299 } from './1795334131299-Initial.js';
import { SendingFields1795335692449 } from './1795335692449-SendingFields.js';

export const sqliteMigrations: (new (...args: never[]) => unknown)[] = [Initial1795334131299, SendingFields1795335692449];
