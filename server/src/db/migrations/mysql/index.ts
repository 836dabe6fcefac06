import { Initial1795334131299 } from './1795334131299-Initial.js';
import { SendingFields1795335692449 } from './1795335692449-SendingFields.js';
import { AgendaJobs1795335961987 } from './1795335961987-AgendaJobs.js';
import { InboundParts1795336024401 } from './1795336024401-InboundParts.js';
import { AgendaDueIndexDescending1795337400000 } from './1795337400000-AgendaDueIndexDescending.js';
import { CommsLogSearchIndexes1796113953285 } from './1796113953285-CommsLogSearchIndexes.js';
import { AbuseDefences1796117694209 } from './1796117694209-AbuseDefences.js';
import { TimeLanguageOptIn1796119867134 } from './1796119867134-TimeLanguageOptIn.js';
import { AgendaJobLog1796117101192 } from './1796117101192-AgendaJobLog.js';
import { ResendOfEntry1796120805070 } from './1796120805070-ResendOfEntry.js';
import { EmployeeCarrierLineType1796124699722 } from './1796124699722-EmployeeCarrierLineType.js';
import { PublishedShiftsDigest1796124700000 } from './1796124700000-PublishedShiftsDigest.js';
import { EmployeeImports1796124837182 } from './1796124837182-EmployeeImports.js';


import { CommsLogEventsAndFailedJobIndex1796126716575 } from './1796126716575-CommsLogEventsAndFailedJobIndex.js';

export const mysqlMigrations: (new (...args: never[]) => unknown)[] = [Initial1795334131299, SendingFields1795335692449, AgendaJobs1795335961987, InboundParts1795336024401, AgendaDueIndexDescending1795337400000, CommsLogSearchIndexes1796113953285, AbuseDefences1796117694209, TimeLanguageOptIn1796119867134, AgendaJobLog1796117101192, ResendOfEntry1796120805070, EmployeeCarrierLineType1796124699722, PublishedShiftsDigest1796124700000, EmployeeImports1796124837182, CommsLogEventsAndFailedJobIndex1796126716575];
