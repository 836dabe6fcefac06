import { Initial1795334131299 } from './1795334131299-Initial.js';

export const mysqlMigrations: Function[] = [Initial1795334131299];
