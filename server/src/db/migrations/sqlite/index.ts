import { Initial1795334131299 } from './1795334131299-Initial.js';

export const sqliteMigrations: (new (...args: never[]) => unknown)[] = [Initial1795334131299];
